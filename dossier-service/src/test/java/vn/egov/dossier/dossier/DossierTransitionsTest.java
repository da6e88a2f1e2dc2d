package vn.egov.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.dossier.dossier.DossierTransitions.Action;
import vn.egov.dossier.dossier.DossierTransitions.Role;
import vn.egov.dossier.dossier.DossierTransitions.Status;
import vn.egov.dossier.dossier.DossierTransitions.Transition;

class DossierTransitionsTest {

    @Test
    void theHappyPathOfTheOneStopDesk() {
        assertThat(next(Status.AWAITING_PAYMENT, Action.PAY, Role.SYSTEM)).isEqualTo(Status.SUBMITTED);
        assertThat(next(Status.SUBMITTED, Action.RECEIVE, Role.OFFICER)).isEqualTo(Status.RECEIVED);
        assertThat(next(Status.RECEIVED, Action.REQUEST_SUPPLEMENT, Role.OFFICER))
                .isEqualTo(Status.AWAITING_SUPPLEMENT);
        assertThat(next(Status.AWAITING_SUPPLEMENT, Action.SUPPLEMENT, Role.OWNER))
                .isEqualTo(Status.RECEIVED);
        assertThat(next(Status.RECEIVED, Action.FORWARD, Role.OFFICER)).isEqualTo(Status.IN_PROCESSING);
        assertThat(next(Status.IN_PROCESSING, Action.RESOLVE, Role.APPROVER)).isEqualTo(Status.RESOLVED);
        assertThat(next(Status.RESOLVED, Action.RETURN_RESULT, Role.OFFICER)).isEqualTo(Status.RESULT_RETURNED);
        assertThat(next(Status.TRANSFERRED, Action.RECEIVE, Role.OFFICER)).isEqualTo(Status.RECEIVED);
    }

    @Test
    void refusesWhatTheTableDoesNotAllow() {
        assertThat(DossierTransitions.find(Status.SUBMITTED, Action.RESOLVE, Role.APPROVER))
                .isEmpty();
        assertThat(DossierTransitions.find(Status.IN_PROCESSING, Action.RESOLVE, Role.OFFICER))
                .isEmpty();
        assertThat(DossierTransitions.find(Status.SUBMITTED, Action.RECEIVE, Role.OWNER))
                .isEmpty();
        assertThat(DossierTransitions.find(Status.AWAITING_PAYMENT, Action.RECEIVE, Role.OFFICER))
                .isEmpty();
        assertThat(DossierTransitions.find(Status.REJECTED, Action.REJECT, Role.OFFICER))
                .isEmpty();
    }

    @Test
    void theCitizenMayWithdrawExactlyUntilResolution() {
        Set<Status> withdrawable = DossierTransitions.TABLE.stream()
                .filter(t -> t.action() == Action.WITHDRAW)
                .map(Transition::from)
                .collect(Collectors.toSet());
        assertThat(withdrawable)
                .containsExactlyInAnyOrder(
                        Status.AWAITING_PAYMENT,
                        Status.SUBMITTED,
                        Status.TRANSFERRED,
                        Status.RECEIVED,
                        Status.IN_PROCESSING,
                        Status.AWAITING_SUPPLEMENT);
        assertThat(DossierTransitions.rolesFor(Action.WITHDRAW)).containsExactly(Role.OWNER);
    }

    @Test
    void finalStatesHaveNoWayOut() {
        Set<Status> finals =
                EnumSet.of(Status.REJECTED, Status.RESULT_RETURNED, Status.WITHDRAWN, Status.STOPPED, Status.GUIDED);
        assertThat(EnumSet.allOf(Status.class).stream().filter(Status::isFinal))
                .containsExactlyInAnyOrderElementsOf(finals);
        for (Status terminal : finals) {
            // no row leads out of a final status ...
            assertThat(DossierTransitions.TABLE)
                    .filteredOn(t -> t.from() == terminal)
                    .allMatch(t -> t.to() == terminal && !t.changesStatus());
        }
        // ... and the only fact recorded in one is the owner's rating after the result was returned
        assertThat(DossierTransitions.TABLE)
                .filteredOn(t -> t.from().isFinal())
                .containsExactly(new Transition(
                        Status.RESULT_RETURNED,
                        Action.RATE,
                        Role.OWNER,
                        Status.RESULT_RETURNED,
                        DossierLifecycleEventV1.RATED));
    }

    @Test
    void factsKeepTheStatusAndAreAllowedOnlyWhereTheyMeanSomething() {
        // the agency's clock runs while it holds the dossier: not while awaiting a supplement, not after resolution
        assertThat(DossierTransitions.statusesAllowing(Action.OVERDUE))
                .containsExactlyInAnyOrder(Status.RECEIVED, Status.IN_PROCESSING);
        assertThat(DossierTransitions.rolesFor(Action.OVERDUE)).containsExactly(Role.SYSTEM);
        assertThat(DossierTransitions.statusesAllowing(Action.RATE)).containsExactly(Status.RESULT_RETURNED);
        assertThat(DossierTransitions.rolesFor(Action.RATE)).containsExactly(Role.OWNER);
        assertThat(DossierTransitions.find(Status.RESOLVED, Action.RATE, Role.OWNER))
                .isEmpty();
        assertThat(DossierTransitions.find(Status.AWAITING_SUPPLEMENT, Action.OVERDUE, Role.SYSTEM))
                .isEmpty();
        for (Action fact : EnumSet.of(Action.OVERDUE, Action.RATE, Action.EXTEND_DEADLINE)) {
            assertThat(DossierTransitions.TABLE)
                    .filteredOn(t -> t.action() == fact)
                    .isNotEmpty()
                    .noneMatch(Transition::changesStatus);
        }
    }

    @Test
    void everyRowEmitsAKnownEventAndIsUnique() {
        Set<String> keys = new HashSet<>();
        for (Transition t : DossierTransitions.TABLE) {
            assertThat(DossierLifecycleEventV1.TYPES).contains(t.eventType());
            assertThat(keys.add(t.from() + "/" + t.action() + "/" + t.role()))
                    .as("duplicate row %s", t)
                    .isTrue();
        }
        assertThat(DossierTransitions.TABLE.stream().map(Transition::action).collect(Collectors.toSet()))
                .as("every action has a row")
                .containsExactlyInAnyOrder(Action.values());
        // every state is reachable by a row, except where a dossier starts: awaiting payment, and guided at the
        // counter (an incomplete walk-in starts and ends there)
        Set<Status> reached =
                DossierTransitions.TABLE.stream().map(Transition::to).collect(Collectors.toSet());
        assertThat(reached).containsAll(EnumSet.complementOf(EnumSet.of(Status.AWAITING_PAYMENT, Status.GUIDED)));
        assertThat(reached).doesNotContain(Status.GUIDED);
    }

    @Test
    void theAgencyStopsProcessingWhileItHoldsTheDossierAndTheApproverOnceItIsWithThem() {
        assertThat(next(Status.RECEIVED, Action.STOP_PROCESSING, Role.OFFICER)).isEqualTo(Status.STOPPED);
        assertThat(next(Status.AWAITING_SUPPLEMENT, Action.STOP_PROCESSING, Role.OFFICER))
                .isEqualTo(Status.STOPPED);
        assertThat(next(Status.IN_PROCESSING, Action.STOP_PROCESSING, Role.APPROVER))
                .isEqualTo(Status.STOPPED);
        assertThat(DossierTransitions.statusesAllowing(Action.STOP_PROCESSING))
                .containsExactlyInAnyOrder(Status.RECEIVED, Status.AWAITING_SUPPLEMENT, Status.IN_PROCESSING);
        assertThat(DossierTransitions.find(Status.IN_PROCESSING, Action.STOP_PROCESSING, Role.OFFICER))
                .isEmpty();
        assertThat(DossierTransitions.find(Status.SUBMITTED, Action.STOP_PROCESSING, Role.OFFICER))
                .isEmpty();
        assertThat(DossierTransitions.find(Status.RESOLVED, Action.STOP_PROCESSING, Role.APPROVER))
                .isEmpty();
        assertThat(DossierTransitions.TABLE)
                .filteredOn(t -> t.action() == Action.STOP_PROCESSING)
                .allMatch(t -> DossierLifecycleEventV1.STOPPED.equals(t.eventType()));
        assertThat(Action.clientNamed("stop-processing")).contains(Action.STOP_PROCESSING);
    }

    @Test
    void aResultSentByPostIsPostedUntilItsDeliveryIsConfirmed() {
        assertThat(next(Status.RESOLVED, Action.POST_RESULT, Role.OFFICER)).isEqualTo(Status.POSTED);
        assertThat(next(Status.POSTED, Action.RETURN_RESULT, Role.OFFICER)).isEqualTo(Status.RESULT_RETURNED);
        assertThat(DossierTransitions.statusesAllowing(Action.POST_RESULT)).containsExactly(Status.RESOLVED);
        assertThat(Status.POSTED.isFinal()).isFalse();
        assertThat(DossierTransitions.find(Status.POSTED, Action.WITHDRAW, Role.OWNER))
                .isEmpty();
    }

    private static Status next(Status from, Action action, Role role) {
        return DossierTransitions.find(from, action, role).orElseThrow().to();
    }
}

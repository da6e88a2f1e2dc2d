package vn.egov.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.dossier.dossier.DossierTransitions.Role;
import vn.egov.dossier.dossier.DossierTransitions.Status;
import vn.egov.dossier.dossier.DossierTransitions.Transition;

class DossierTransitionsTest {

    @Test
    void theHappyPathOfTheOneStopDesk() {
        assertThat(next(Status.AWAITING_PAYMENT, "pay", Role.SYSTEM)).isEqualTo(Status.SUBMITTED);
        assertThat(next(Status.SUBMITTED, "receive", Role.OFFICER)).isEqualTo(Status.RECEIVED);
        assertThat(next(Status.RECEIVED, "request-supplement", Role.OFFICER)).isEqualTo(Status.AWAITING_SUPPLEMENT);
        assertThat(next(Status.AWAITING_SUPPLEMENT, "supplement", Role.OWNER)).isEqualTo(Status.RECEIVED);
        assertThat(next(Status.RECEIVED, "forward", Role.OFFICER)).isEqualTo(Status.IN_PROCESSING);
        assertThat(next(Status.IN_PROCESSING, "resolve", Role.APPROVER)).isEqualTo(Status.RESOLVED);
        assertThat(next(Status.RESOLVED, "return-result", Role.OFFICER)).isEqualTo(Status.RESULT_RETURNED);
        assertThat(next(Status.TRANSFERRED, "receive", Role.OFFICER)).isEqualTo(Status.RECEIVED);
    }

    @Test
    void refusesWhatTheTableDoesNotAllow() {
        assertThat(DossierTransitions.find(Status.SUBMITTED, "resolve", Role.APPROVER))
                .isEmpty();
        assertThat(DossierTransitions.find(Status.IN_PROCESSING, "resolve", Role.OFFICER))
                .isEmpty();
        assertThat(DossierTransitions.find(Status.SUBMITTED, "receive", Role.OWNER))
                .isEmpty();
        assertThat(DossierTransitions.find(Status.AWAITING_PAYMENT, "receive", Role.OFFICER))
                .isEmpty();
        assertThat(DossierTransitions.find(Status.REJECTED, "reject", Role.OFFICER))
                .isEmpty();
    }

    @Test
    void theCitizenMayWithdrawExactlyUntilResolution() {
        Set<Status> withdrawable = DossierTransitions.TABLE.stream()
                .filter(t -> t.action().equals("withdraw"))
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
        assertThat(DossierTransitions.rolesFor("withdraw")).containsExactly(Role.OWNER);
    }

    @Test
    void finalStatesHaveNoWayOut() {
        for (Status terminal : EnumSet.of(Status.REJECTED, Status.RESULT_RETURNED, Status.WITHDRAWN)) {
            assertThat(DossierTransitions.TABLE).noneMatch(t -> t.from() == terminal);
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
        assertThat(DossierTransitions.CLIENT_ACTIONS).allMatch(DossierTransitions::isKnownAction);
        // every state except the final ones is reachable
        Set<Status> reached =
                DossierTransitions.TABLE.stream().map(Transition::to).collect(Collectors.toSet());
        assertThat(reached).containsAll(EnumSet.complementOf(EnumSet.of(Status.AWAITING_PAYMENT)));
    }

    private static Status next(Status from, String action, Role role) {
        return DossierTransitions.find(from, action, role).orElseThrow().to();
    }
}

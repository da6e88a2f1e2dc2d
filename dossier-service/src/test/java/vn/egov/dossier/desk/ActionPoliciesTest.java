package vn.egov.dossier.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.egov.dossier.dossier.DossierTransitions;
import vn.egov.dossier.dossier.DossierTransitions.Action;
import vn.egov.dossier.dossier.DossierTransitions.Transition;

class ActionPoliciesTest {

    @Test
    void everyActionAClientMayNameHasExactlyOnePolicy() {
        assertThat(ActionPolicies.ALL)
                .extracting(ActionPolicy::action)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(DossierTransitions.clientActions());
        for (Action action : DossierTransitions.clientActions()) {
            assertThat(ActionPolicies.forAction(action))
                    .get()
                    .extracting(ActionPolicy::action)
                    .isEqualTo(action);
        }
    }

    @Test
    void theNamesClientsUseStayTheSame() {
        assertThat(DossierTransitions.clientActions().stream().map(Action::wireName))
                .containsExactlyInAnyOrder(
                        "receive",
                        "request-supplement",
                        "forward",
                        "resolve",
                        "reject",
                        "return-result",
                        "transfer",
                        "withdraw",
                        "extend-deadline",
                        "stop-processing",
                        "post-result");
        assertThat(Action.clientNamed("request-supplement")).contains(Action.REQUEST_SUPPLEMENT);
        // the system's facts and the actions with their own endpoints cannot be named in /actions/{action}
        assertThat(Action.clientNamed("pay")).isEmpty();
        assertThat(Action.clientNamed("supplement")).isEmpty();
        assertThat(Action.clientNamed("rate")).isEmpty();
        assertThat(Action.clientNamed("overdue")).isEmpty();
        assertThat(Action.clientNamed("REQUEST_SUPPLEMENT")).isEmpty();
    }

    @Test
    void everyPolicyIsForAnActionOfTheTransitionTable() {
        assertThat(DossierTransitions.TABLE.stream().map(Transition::action).collect(Collectors.toSet()))
                .containsAll(
                        ActionPolicies.ALL.stream().map(ActionPolicy::action).toList());
        assertThat(ActionPolicies.forAction(Action.PAY)).isEmpty();
        assertThat(ActionPolicies.forAction(Action.SUPPLEMENT)).isEmpty();
        assertThat(ActionPolicies.forAction(Action.RATE)).isEmpty();
    }
}

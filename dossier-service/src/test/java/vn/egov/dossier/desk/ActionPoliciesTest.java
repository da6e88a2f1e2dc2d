package vn.egov.dossier.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.egov.dossier.dossier.DossierTransitions;
import vn.egov.dossier.dossier.DossierTransitions.Transition;

class ActionPoliciesTest {

    @Test
    void everyActionAClientMayNameHasExactlyOnePolicy() {
        assertThat(ActionPolicies.ALL)
                .extracting(ActionPolicy::action)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(DossierTransitions.CLIENT_ACTIONS);
        for (String action : DossierTransitions.CLIENT_ACTIONS) {
            assertThat(ActionPolicies.forAction(action))
                    .get()
                    .extracting(ActionPolicy::action)
                    .isEqualTo(action);
        }
    }

    @Test
    void everyPolicyIsForAnActionOfTheTransitionTable() {
        assertThat(DossierTransitions.TABLE.stream().map(Transition::action).collect(Collectors.toSet()))
                .containsAll(
                        ActionPolicies.ALL.stream().map(ActionPolicy::action).toList());
        assertThat(ActionPolicies.forAction("pay")).isEmpty();
        assertThat(ActionPolicies.forAction("supplement")).isEmpty();
    }
}

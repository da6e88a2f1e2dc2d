package vn.egov.dossier.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.dossier.desk.DeskCases.*;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.dossier.dossier.DossierTransitions.Status;

/** forward, resolve, return-result and withdraw check nothing and keep the due date; the reason travels. */
class PlainPoliciesTest {

    @Test
    void checkNothingAndKeepTheDueDate() {
        LocalDate due = TODAY.plusDays(4);
        for (ActionPolicy policy :
                List.of(new ForwardPolicy(), new ResolvePolicy(), new ReturnResultPolicy(), new WithdrawPolicy())) {
            var c = deskCase(dossier(Status.IN_PROCESSING, due), request("lý do", null, null, null));
            assertThat(policy.check(c)).as(policy.action().wireName()).isEmpty();
            assertThat(policy.subject(c)).isSameAs(c.dossier());
            assertThat(policy.change(c).dueDate())
                    .as(policy.action().wireName())
                    .isEqualTo(due);
            assertThat(policy.change(c).reason()).isEqualTo("lý do");
            assertThat(policy.change(c).details()).isEmpty();
        }
    }
}

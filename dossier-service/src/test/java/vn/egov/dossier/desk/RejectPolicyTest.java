package vn.egov.dossier.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.dossier.desk.DeskCases.*;

import org.junit.jupiter.api.Test;
import vn.egov.dossier.desk.ActionPolicy.Violation;
import vn.egov.dossier.dossier.DossierTransitions.Status;

class RejectPolicyTest {

    final RejectPolicy policy = new RejectPolicy();

    @Test
    void aRejectionNeedsAReason() {
        assertThat(policy.check(deskCase(dossier(Status.RECEIVED, null), request("  ", null, null, null))))
                .extracting(Violation::field)
                .containsExactly("reason");
        var c = deskCase(dossier(Status.RECEIVED, null), request("không thuộc thẩm quyền", null, null, null));
        assertThat(policy.check(c)).isEmpty();
        assertThat(policy.change(c).reason()).isEqualTo("không thuộc thẩm quyền");
    }
}

package vn.egov.dossier.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.dossier.desk.DeskCases.*;

import org.junit.jupiter.api.Test;
import vn.egov.dossier.desk.ActionPolicy.Violation;
import vn.egov.dossier.dossier.DossierTransitions.Status;

class TransferPolicyTest {

    final TransferPolicy policy = new TransferPolicy();

    @Test
    void needsAnotherAgencyFirstThenAReason() {
        assertThat(policy.check(deskCase(dossier(Status.RECEIVED, null), request(null, null, null, null))))
                .extracting(Violation::field)
                .containsExactly("targetAgencyCode");
        assertThat(policy.check(deskCase(dossier(Status.RECEIVED, null), request("x", null, AGENCY, null))))
                .extracting(Violation::field)
                .containsExactly("targetAgencyCode");
        assertThat(policy.check(deskCase(dossier(Status.RECEIVED, null), request(null, null, "000.00.02.H26", null))))
                .extracting(Violation::field)
                .containsExactly("reason");
    }

    @Test
    void theDossierMovesToTheTargetAgencyAndTheEventNamesBoth() {
        var c = deskCase(dossier(Status.RECEIVED, null), request("sai thẩm quyền", null, "000.00.02.H26", null));
        assertThat(policy.check(c)).isEmpty();
        assertThat(policy.subject(c).agencyCode()).isEqualTo("000.00.02.H26");
        assertThat(policy.subject(c).agencyName()).isNull();
        assertThat(policy.change(c).details())
                .containsEntry("fromAgency", AGENCY)
                .containsEntry("toAgency", "000.00.02.H26");
    }
}

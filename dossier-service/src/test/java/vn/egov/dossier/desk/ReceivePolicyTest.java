package vn.egov.dossier.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.dossier.desk.DeskCases.*;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.egov.dossier.dossier.DossierTransitions.Status;

class ReceivePolicyTest {

    final ReceivePolicy policy = new ReceivePolicy();

    @Test
    void theDeadlineStartsTodayAndCountsTheProceduresWorkingDays() {
        var c = deskCase(dossier(Status.SUBMITTED, null), request(null, null, null, null));
        assertThat(policy.check(c)).isEmpty();
        // Friday 4/12 + 3 working days = Wednesday 9/12 (the weekend does not count)
        assertThat(policy.change(c).dueDate()).isEqualTo(LocalDate.of(2026, 12, 9));
        // due at that day's closing, 17:00 in Vietnam
        assertThat(policy.change(c).dueAt()).isEqualTo(java.time.Instant.parse("2026-12-09T10:00:00Z"));
        assertThat(policy.change(c).note()).isEqualTo("ghi chú");
    }
}

package vn.egov.dossier.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcedureFeeTest {

    Procedure judicialRecord = new Procedure(
            "3.000333",
            "Cấp phiếu lý lịch tư pháp",
            null,
            "000.00.11.H26",
            "Sở Tư pháp",
            "PROVINCE",
            10,
            200000,
            "applicantCategory",
            Map.of("STANDARD", 200000L, "STUDENT_OR_MERIT", 100000L),
            Procedure.Mode.FULL_ONLINE,
            2,
            List.of(),
            List.of(),
            vn.egov.dossier.calendar.TimeLimit.Unit.WORKING_DAYS,
            null,
            List.of(),
            null);

    @Test
    void theFeeMayDependOnAChoiceInTheForm() {
        assertThat(judicialRecord.feeFor(Map.of("applicantCategory", "STUDENT_OR_MERIT")))
                .isEqualTo(100000);
        assertThat(judicialRecord.feeFor(Map.of("applicantCategory", "STANDARD")))
                .isEqualTo(200000);
        assertThat(judicialRecord.feeFor(Map.of())).isEqualTo(200000);
        assertThat(judicialRecord.feeFor(null)).isEqualTo(200000);
    }
}

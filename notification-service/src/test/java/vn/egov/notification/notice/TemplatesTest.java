package vn.egov.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    @Test
    void amountsAreWholeVndGroupedTheWayEachLanguageWritesThem() {
        assertThat(Templates.vnd(1_500_000, "vi")).isEqualTo("1.500.000 đồng");
        assertThat(Templates.vnd(1_500_000, "en")).isEqualTo("1,500,000 VND");
        assertThat(Templates.vnd(500, "vi")).isEqualTo("500 đồng");
    }

    @Test
    void datesAreDayMonthYearAndInstantsAreShownInVietnamTime() {
        Map<String, Object> values = Templates.format(
                Map.of(
                        "dueDate", LocalDate.of(2026, 12, 5),
                        "paidAt", Instant.parse("2026-11-22T18:30:00Z"),
                        "amount", 0L,
                        "missingDocuments", List.of("GIAY_KHAI_SINH", "CCCD_BO_ME")),
                "vi");
        assertThat(values)
                .containsEntry("dueDate", "05/12/2026")
                .containsEntry("paidAt", "01:30 23/11/2026")
                .containsEntry("amount", "") // a free procedure: the fee sentence drops out
                .containsEntry("missingDocuments", "GIAY_KHAI_SINH, CCCD_BO_ME");
    }
}

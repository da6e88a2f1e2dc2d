package vn.egov.dossier.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormKindTest {

    @Test
    void aDossierNamesFormsZeroOneToZeroSixOnly() {
        assertThat(FormKind.ofDossier("01")).contains(FormKind.RECEIPT);
        assertThat(FormKind.ofDossier("06")).contains(FormKind.CONTROL_SHEET);
        assertThat(FormKind.ofDossier("07")).isEmpty();
        assertThat(FormKind.ofDossier("1")).isEmpty();
    }

    @Test
    void theFileNameIsVietnameseWithAnAsciiFallback() {
        String name = FormKind.RECEIPT.fileName("000.00.01.H26-260310-0001");
        assertThat(name)
                .isEqualTo("Mẫu số 01 - Giấy tiếp nhận hồ sơ và hẹn trả kết quả - 000.00.01.H26-260310-0001.pdf");
        assertThat(FormKind.ascii(name))
                .isEqualTo("Mau-so-01-Giay-tiep-nhan-ho-so-va-hen-tra-ket-qua-000.00.01.H26-260310-0001.pdf");
        assertThat(FormKind.ascii("Sổ theo dõi Đà Nẵng")).isEqualTo("So-theo-doi-Da-Nang");
    }

    @Test
    void theMissingDocumentsOfAStepAreCodesItemsOrTheDossiers() {
        assertThat(DossierForms.missing(java.util.List.of("TO_KHAI"), java.util.List.of("X")))
                .containsExactly("TO_KHAI");
        assertThat(DossierForms.missing(
                        java.util.List.of(java.util.Map.of("requirementCode", "CCCD"), java.util.Map.of("name", "Ảnh")),
                        java.util.List.of()))
                .containsExactly("CCCD", "Ảnh");
        assertThat(DossierForms.missing(null, java.util.List.of("TO_KHAI"))).containsExactly("TO_KHAI");
    }

    @Test
    void aStepIsBeforeOnOrAfterItsAppointment() {
        LocalDate due = LocalDate.of(2026, 3, 17);
        assertThat(DossierForms.onTime(due.minusDays(1), due)).isEqualTo("Trước hạn");
        assertThat(DossierForms.onTime(due, due)).isEqualTo("Đúng hạn");
        assertThat(DossierForms.onTime(due.plusDays(1), due)).isEqualTo("Quá hạn");
        assertThat(DossierForms.onTime(due, null)).isEqualTo("—");
    }
}

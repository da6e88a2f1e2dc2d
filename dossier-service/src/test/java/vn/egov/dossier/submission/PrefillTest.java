package vn.egov.dossier.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.dossier.identity.IdentityProfiles;
import vn.egov.dossier.procedure.Procedure;

class PrefillTest {

    static final Procedure JUDICIAL = new Procedure(
            "3.000333",
            "Cấp phiếu lý lịch tư pháp",
            null,
            "A",
            "A",
            "PROVINCE",
            10,
            0,
            null,
            null,
            Procedure.Mode.FULL_ONLINE,
            2,
            List.of(),
            List.of(
                    new Procedure.FormField(
                            "applicantName",
                            "Họ tên",
                            null,
                            Procedure.FieldType.TEXT,
                            true,
                            null,
                            100,
                            "APPLICANT_FULL_NAME"),
                    new Procedure.FormField(
                            "applicantDateOfBirth",
                            "Ngày sinh",
                            null,
                            Procedure.FieldType.DATE,
                            true,
                            null,
                            null,
                            "APPLICANT_DATE_OF_BIRTH"),
                    new Procedure.FormField(
                            "applicantSex",
                            "Giới tính",
                            null,
                            Procedure.FieldType.SELECT,
                            true,
                            List.of("MALE", "FEMALE"),
                            null,
                            "APPLICANT_SEX"),
                    new Procedure.FormField(
                            "purpose", "Mục đích", null, Procedure.FieldType.TEXT, true, null, 200, null)),
            vn.egov.dossier.calendar.TimeLimit.Unit.WORKING_DAYS,
            null,
            List.of(),
            null,
            List.of(),
            List.of());

    static EgovPrincipal citizen(String nationalId) {
        return new EgovPrincipal("s", nationalId, Set.of("CITIZEN"), null, 2, Set.of(), "web-portal");
    }

    @Test
    void fillsWhatTheStateHoldsAndKeepsWhatTheCitizenGave() {
        AtomicInteger calls = new AtomicInteger();
        Prefill.Result r = Prefill.fill(
                JUDICIAL,
                Map.of("purpose", "Xin việc", "applicantName", "Tự khai"),
                citizen("001190000101"),
                Map.of(),
                () -> {
                    calls.incrementAndGet();
                    return Optional.of(
                            new IdentityProfiles.Profile("s", "Trần Thị Hoa", LocalDate.of(1990, 8, 8), 2, null));
                });
        assertThat(r.formData())
                .containsEntry("applicantName", "Tự khai")
                .containsEntry("applicantDateOfBirth", "1990-08-08")
                .containsEntry("applicantSex", "FEMALE")
                .containsEntry("purpose", "Xin việc");
        assertThat(r.prefilled()).containsExactly("applicantDateOfBirth", "applicantSex");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void withoutIdentityServiceTheTokenIsUsedAndTheRestIsLeftToAsk() {
        Prefill.Result r = Prefill.fill(
                JUDICIAL,
                null,
                citizen("001085000101"),
                Map.of("family_name", "Lê Văn", "given_name", "Minh"),
                Optional::empty);
        assertThat(r.formData())
                .containsEntry("applicantName", "Lê Văn Minh")
                .containsEntry("applicantSex", "MALE")
                .doesNotContainKey("applicantDateOfBirth");
    }

    @Test
    void sexComesFromTheFourthDigitOfTheIdentityNumber() {
        assertThat(Prefill.sex("001090000101", null)).isEqualTo("MALE");
        assertThat(Prefill.sex("001190000101", null)).isEqualTo("FEMALE");
        assertThat(Prefill.sex("079303000101", null)).isEqualTo("FEMALE");
        assertThat(Prefill.sex("079206000101", null)).isEqualTo("MALE");
        assertThat(Prefill.sex("motcua.badinh", "female")).isEqualTo("FEMALE");
        assertThat(Prefill.sex(null, null)).isNull();
    }
}

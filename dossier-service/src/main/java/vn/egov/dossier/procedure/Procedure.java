package vn.egov.dossier.procedure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.dossier.calendar.TimeLimit;

/**
 * One catalogue entry with what a submission must contain. Read-only reference data. The time limit is
 * {@code processingDays} counted in {@code timeLimitUnit} (for {@code SAME_DAY}, processingDays is the worst case,
 * 1), set by {@code timeLimitSource}.
 */
public record Procedure(
        String code,
        String name,
        String nameEn,
        String agencyCode,
        String agencyName,
        String level,
        int processingDays,
        long feeVnd,
        String feeField,
        Map<String, Long> feeOptions,
        Mode mode,
        int requiredLevelOfAssurance,
        List<RequiredDocument> documents,
        List<FormField> fields,
        TimeLimit.Unit timeLimitUnit,
        String timeLimitSource) {

    /** The legal time limit as the deadline engine counts it. */
    public TimeLimit timeLimit() {
        return new TimeLimit(processingDays, timeLimitUnit, timeLimitSource);
    }

    /**
     * How much of the procedure is online (column {@code procedure.mode}, same names in JSON): in full, the fee
     * is paid online before the dossier is received; partly, it may be paid at the desk.
     */
    public enum Mode {
        FULL_ONLINE,
        PARTIAL_ONLINE
    }

    /** What a form field holds and how {@code Intake} checks it (column {@code procedure_field.type}, same names in JSON). */
    public enum FieldType {
        TEXT,
        DATE,
        NUMBER,
        SELECT,
        BOOLEAN,
        NATIONAL_ID
    }

    public record RequiredDocument(
            String code, String name, String nameEn, boolean mandatory, List<String> allowedTypes) {}

    /**
     * @param prefill where the service takes the value from when the citizen leaves it out (once-only:
     *     APPLICANT_FULL_NAME, APPLICANT_DATE_OF_BIRTH, APPLICANT_SEX), or null for a field the citizen fills in
     */
    public record FormField(
            String name,
            String label,
            String labelEn,
            FieldType type,
            boolean required,
            List<String> options,
            Integer maxLength,
            String prefill) {}

    /** The fee due for a form: the option's fee when the fee depends on a choice, else the base fee. */
    public long feeFor(Map<String, Object> formData) {
        if (feeField != null && feeOptions != null && formData != null && formData.get(feeField) != null) {
            Long fee = feeOptions.get(String.valueOf(formData.get(feeField)));
            if (fee != null) {
                return fee;
            }
        }
        return feeVnd;
    }

    public Optional<RequiredDocument> document(String requirementCode) {
        return documents.stream().filter(d -> d.code().equals(requirementCode)).findFirst();
    }
}

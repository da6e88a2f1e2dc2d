package vn.egov.dossier.procedure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.dossier.calendar.TimeLimit;

/**
 * One catalogue entry with what a submission must contain. Read-only reference data. The time limit is
 * {@code processingDays} counted in {@code timeLimitUnit} (for {@code SAME_DAY}, processingDays is the worst case,
 * 1), set by {@code timeLimitSource}; the fee's legal source is {@code feeSource}.
 *
 * <p>{@code agencies}: the agencies that offer it (decision 52), each with its own fee, time limit and online mode.
 * As the catalogue lists it, {@code agencyCode}, {@code feeVnd}… are the first offering's; {@link #at(Offering)} is
 * the procedure as one agency offers it, which is what a dossier is submitted to and counted by.
 *
 * <p>{@code channels}: the fee and time limit the law sets for one channel (online, counter, post; decision 56), for
 * every agency or for one; {@link #through(Channel)} applies them. A dossier is charged and timed by
 * {@code procedure.at(offering).through(channel)}.
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
        String timeLimitSource,
        List<Offering> agencies,
        String feeSource,
        List<ChannelTerms> channels) {

    /**
     * What one channel changes (table {@code procedure_channel}): a non-null fee, time limit amount or unit replaces
     * the procedure's (its offering's) for a dossier of that channel; {@code agencyCode} null: at every agency.
     */
    public record ChannelTerms(
            String agencyCode,
            Channel channel,
            Long feeVnd,
            Integer timeLimitAmount,
            TimeLimit.Unit timeLimitUnit,
            String feeSource,
            String timeLimitSource) {}

    /**
     * One agency's offering of the procedure (table {@code procedure_offering}), its overrides already applied:
     * {@code feeVnd}, {@code processingDays} and {@code mode} are what this agency charges and is held to. It is
     * offered from {@code validFrom} to {@code validTo} (inclusive, null: open), and online only when
     * {@code receivesOnline}.
     */
    public record Offering(
            String agencyCode,
            String agencyName,
            boolean receivesOnline,
            long feeVnd,
            int processingDays,
            Mode mode,
            LocalDate validFrom,
            LocalDate validTo,
            String source) {

        public boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /** The procedure as {@code offering}'s agency offers it: its agency, fee, time limit and mode. */
    public Procedure at(Offering offering) {
        return new Procedure(
                code,
                name,
                nameEn,
                offering.agencyCode(),
                offering.agencyName(),
                level,
                offering.processingDays(),
                offering.feeVnd(),
                feeField,
                feeOptions,
                offering.mode(),
                requiredLevelOfAssurance,
                documents,
                fields,
                timeLimitUnit,
                timeLimitSource,
                agencies,
                feeSource,
                channels);
    }

    /**
     * The procedure for a dossier of {@code channel} at the agency it names now (after {@link #at(Offering)}): that
     * agency's own terms for the channel, else the terms for every agency, else unchanged.
     */
    public Procedure through(Channel channel) {
        Optional<ChannelTerms> terms = channels.stream()
                .filter(t -> t.channel() == channel && agencyCode != null && agencyCode.equals(t.agencyCode()))
                .findFirst()
                .or(() -> channels.stream()
                        .filter(t -> t.channel() == channel && t.agencyCode() == null)
                        .findFirst());
        if (terms.isEmpty()) {
            return this;
        }
        ChannelTerms t = terms.get();
        boolean limit = t.timeLimitAmount() != null || t.timeLimitUnit() != null;
        return new Procedure(
                code,
                name,
                nameEn,
                agencyCode,
                agencyName,
                level,
                t.timeLimitAmount() != null ? t.timeLimitAmount() : processingDays,
                t.feeVnd() != null ? t.feeVnd() : feeVnd,
                feeField,
                feeOptions,
                mode,
                requiredLevelOfAssurance,
                documents,
                fields,
                t.timeLimitUnit() != null ? t.timeLimitUnit() : timeLimitUnit,
                limit && t.timeLimitSource() != null ? t.timeLimitSource() : timeLimitSource,
                agencies,
                t.feeVnd() != null && t.feeSource() != null ? t.feeSource() : feeSource,
                channels);
    }

    /** The offering of {@code agencyCode}, whether or not it is valid today or online. */
    public Optional<Offering> offering(String agencyCode) {
        return agencies.stream().filter(o -> o.agencyCode().equals(agencyCode)).findFirst();
    }

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

    /**
     * A document the applicant provides: {@code originals} and {@code copies} are how many of each the paper dossier
     * holds (table {@code procedure_document}); {@code onlyIfNotInStateData}: asked only when the state's data cannot
     * supply it (once-only).
     */
    public record RequiredDocument(
            String code,
            String name,
            String nameEn,
            boolean mandatory,
            List<String> allowedTypes,
            int originals,
            int copies,
            boolean onlyIfNotInStateData) {

        /** One original, no copy, always asked. */
        public RequiredDocument(String code, String name, String nameEn, boolean mandatory, List<String> allowedTypes) {
            this(code, name, nameEn, mandatory, allowedTypes, 1, 0, false);
        }
    }

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

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
 * every agency or for one; {@link #through(Channel, LocalDate)} applies them. A dossier is charged and timed by
 * {@code procedure.at(offering).through(channel, dayOfSubmission)} (decision 59: the terms in force that day).
 *
 * <p>{@code cases}: the cases (trường hợp) the law distinguishes, each with its own documents and possibly its own fee
 * and time limit (decision 58); empty when the procedure has none. A dossier of a procedure with cases is submitted
 * for one: {@code procedure.at(offering).inCase(code).through(channel, day)}. The most specific rule wins: a channel's
 * terms for that case, then the case's own fee and time limit, then the channel's terms for every case, then the
 * agency's offering, then the procedure.
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
        List<ChannelTerms> channels,
        List<Case> cases) {

    public Procedure {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    /**
     * One case of the procedure (table {@code procedure_case}): a non-null fee, time limit amount or unit replaces the
     * procedure's (its offering's) for a dossier of that case, each with its legal source.
     */
    public record Case(
            String code,
            String name,
            String nameEn,
            Long feeVnd,
            Integer timeLimitAmount,
            TimeLimit.Unit timeLimitUnit,
            String feeSource,
            String timeLimitSource) {}

    /**
     * What one channel changes (table {@code procedure_channel}): a non-null fee, time limit amount or unit replaces
     * the procedure's (its offering's) for a dossier of that channel; {@code agencyCode} null: at every agency;
     * {@code caseCode} non-null: only for a dossier of that case (decision 58), and then it wins over the rows for every
     * case; in force from {@code validFrom} to {@code validTo} (inclusive, null: open; decision 59).
     */
    public record ChannelTerms(
            String agencyCode,
            Channel channel,
            Long feeVnd,
            Integer timeLimitAmount,
            TimeLimit.Unit timeLimitUnit,
            String feeSource,
            String timeLimitSource,
            String caseCode,
            LocalDate validFrom,
            LocalDate validTo) {

        /** Terms for every case, always in force. */
        public ChannelTerms(
                String agencyCode,
                Channel channel,
                Long feeVnd,
                Integer timeLimitAmount,
                TimeLimit.Unit timeLimitUnit,
                String feeSource,
                String timeLimitSource) {
            this(agencyCode, channel, feeVnd, timeLimitAmount, timeLimitUnit, feeSource, timeLimitSource, null);
        }

        /** Terms always in force. */
        public ChannelTerms(
                String agencyCode,
                Channel channel,
                Long feeVnd,
                Integer timeLimitAmount,
                TimeLimit.Unit timeLimitUnit,
                String feeSource,
                String timeLimitSource,
                String caseCode) {
            this(
                    agencyCode,
                    channel,
                    feeVnd,
                    timeLimitAmount,
                    timeLimitUnit,
                    feeSource,
                    timeLimitSource,
                    caseCode,
                    null,
                    null);
        }

        /** In force on {@code day}. */
        public boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }

        /**
         * These terms as they hold for a dossier of {@code c}: what the case sets itself is taken out (the case is more
         * specific than a rule for every case); null when nothing is left.
         */
        ChannelTerms under(Case c) {
            boolean limit = c.timeLimitAmount() != null || c.timeLimitUnit() != null;
            Long fee = c.feeVnd() != null ? null : feeVnd;
            Integer amount = limit ? null : timeLimitAmount;
            TimeLimit.Unit unit = limit ? null : timeLimitUnit;
            if (fee == null && amount == null && unit == null) {
                return null;
            }
            return new ChannelTerms(
                    agencyCode, channel, fee, amount, unit, feeSource, timeLimitSource, null, validFrom, validTo);
        }
    }

    /**
     * One agency's offering of the procedure (table {@code procedure_offering}), its overrides already applied:
     * {@code feeVnd}, {@code processingDays} and {@code mode} are what this agency charges and is held to. It is
     * offered from {@code validFrom} to {@code validTo} (inclusive, null: open), and online only when
     * {@code receivesOnline}. {@code receivedBy}: the service centre that receives its online dossiers for the agency
     * (decision 61), null when the agency receives them itself.
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
            String source,
            String receivedBy,
            String receivedByName) {

        public Offering(
                String agencyCode,
                String agencyName,
                boolean receivesOnline,
                long feeVnd,
                int processingDays,
                Mode mode,
                LocalDate validFrom,
                LocalDate validTo,
                String source) {
            this(
                    agencyCode,
                    agencyName,
                    receivesOnline,
                    feeVnd,
                    processingDays,
                    mode,
                    validFrom,
                    validTo,
                    source,
                    null,
                    null);
        }

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
                channels,
                cases);
    }

    /** The case {@code caseCode} of this procedure, if it has one of that code. */
    public Optional<Case> caseOf(String caseCode) {
        return cases.stream().filter(c -> c.code().equals(caseCode)).findFirst();
    }

    /**
     * The procedure for a dossier of the case {@code caseCode} (after {@link #at(Offering)}, before
     * {@link #through(Channel, LocalDate)}): the case's fee and time limit where it sets them, and only the documents asked in that
     * case. Unchanged when {@code caseCode} is null or not one of its cases (a case removed from the catalogue after the
     * dossier was submitted: the dossier keeps its due date and its documents).
     */
    public Procedure inCase(String caseCode) {
        Optional<Case> found = caseCode == null ? Optional.empty() : caseOf(caseCode);
        if (found.isEmpty()) {
            return this;
        }
        Case c = found.get();
        return with(
                c.feeVnd(),
                c.feeSource(),
                c.timeLimitAmount(),
                c.timeLimitUnit(),
                c.timeLimitSource(),
                documents.stream().filter(d -> d.askedIn(c.code())).toList(),
                channelsIn(c));
    }

    /**
     * The channel terms for a dossier of case {@code c}: that case's own first (they become the terms, their case
     * applied), then the terms for every case less what the case sets itself; other cases' dropped.
     */
    private List<ChannelTerms> channelsIn(Case c) {
        List<ChannelTerms> own = channels.stream()
                .filter(t -> c.code().equals(t.caseCode()))
                .map(t -> new ChannelTerms(
                        t.agencyCode(),
                        t.channel(),
                        t.feeVnd(),
                        t.timeLimitAmount(),
                        t.timeLimitUnit(),
                        t.feeSource(),
                        t.timeLimitSource(),
                        null,
                        t.validFrom(),
                        t.validTo()))
                .toList();
        List<ChannelTerms> general = channels.stream()
                .filter(t -> t.caseCode() == null)
                .map(t -> t.under(c))
                .filter(java.util.Objects::nonNull)
                .toList();
        return java.util.stream.Stream.concat(own.stream(), general.stream()).toList();
    }

    /**
     * The procedure for a dossier of {@code channel} submitted on {@code day} at the agency it names now (after
     * {@link #at(Offering)}): of the terms in force that day, that agency's own for the channel, else the terms for
     * every agency, else unchanged.
     */
    public Procedure through(Channel channel, LocalDate day) {
        // a case's own terms hold only once inCase chose it
        List<ChannelTerms> inForce = channels.stream()
                .filter(t -> t.caseCode() == null && t.channel() == channel && t.validOn(day))
                .toList();
        Optional<ChannelTerms> terms = inForce.stream()
                .filter(t -> agencyCode != null && agencyCode.equals(t.agencyCode()))
                .findFirst()
                .or(() -> inForce.stream().filter(t -> t.agencyCode() == null).findFirst());
        if (terms.isEmpty()) {
            return this;
        }
        ChannelTerms t = terms.get();
        return with(
                t.feeVnd(),
                t.feeSource(),
                t.timeLimitAmount(),
                t.timeLimitUnit(),
                t.timeLimitSource(),
                documents,
                channels);
    }

    /**
     * This procedure with a fee and a time limit replaced where they are given (null keeps the value, a source follows
     * its value), these documents and these channel terms.
     */
    private Procedure with(
            Long fee,
            String feeRule,
            Integer amount,
            TimeLimit.Unit unit,
            String limitRule,
            List<RequiredDocument> asked,
            List<ChannelTerms> terms) {
        boolean limit = amount != null || unit != null;
        return new Procedure(
                code,
                name,
                nameEn,
                agencyCode,
                agencyName,
                level,
                amount != null ? amount : processingDays,
                fee != null ? fee : feeVnd,
                feeField,
                feeOptions,
                mode,
                requiredLevelOfAssurance,
                asked,
                fields,
                unit != null ? unit : timeLimitUnit,
                limit && limitRule != null ? limitRule : timeLimitSource,
                agencies,
                fee != null && feeRule != null ? feeRule : feeSource,
                terms,
                cases);
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
     * supply it (once-only); {@code cases}: the cases it is asked in, null in every case (decision 58).
     */
    public record RequiredDocument(
            String code,
            String name,
            String nameEn,
            boolean mandatory,
            List<String> allowedTypes,
            int originals,
            int copies,
            boolean onlyIfNotInStateData,
            List<String> cases) {

        /** One original, no copy, always asked. */
        public RequiredDocument(String code, String name, String nameEn, boolean mandatory, List<String> allowedTypes) {
            this(code, name, nameEn, mandatory, allowedTypes, 1, 0, false, null);
        }

        /** Asked in the case {@code caseCode}. */
        public boolean askedIn(String caseCode) {
            return cases == null || cases.contains(caseCode);
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

package vn.egov.portal.submission;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * {@code GET /api/v1/procedures/{code}} as the wizard needs it: form fields, required documents, the fee rule, and the
 * agencies that offer it (decision 52).
 */
@Component
class WizardProcedures {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    record Procedure(
            String code,
            String name,
            String nameEn,
            String agencyName,
            int processingDays,
            String timeLimitUnit,
            long feeVnd,
            String feeField,
            Map<String, Long> feeOptions,
            String mode,
            int requiredLevelOfAssurance,
            List<Document> documents,
            List<Field> fields,
            List<Agency> agencies,
            List<ChannelTerms> channels,
            List<Case> cases) {

        Procedure {
            documents = documents == null ? List.of() : documents;
            fields = fields == null ? List.of() : fields;
            agencies = agencies == null ? List.of() : agencies;
            channels = channels == null ? List.of() : channels;
            cases = cases == null ? List.of() : cases;
        }

        /** The citizen names their case (trường hợp) when the procedure has cases (decision 58). */
        public boolean caseChoice() {
            return !cases.isEmpty();
        }

        public Case caseOf(String caseCode) {
            return cases.stream()
                    .filter(c -> c.code().equals(caseCode))
                    .findFirst()
                    .orElse(null);
        }

        /** The documents asked in the case {@code caseCode} (all of them when it is null or not one of its cases). */
        public List<Document> documentsIn(String caseCode) {
            if (caseOf(caseCode) == null) {
                return documents;
            }
            return documents.stream().filter(d -> d.askedIn(caseCode)).toList();
        }

        /** The agencies a citizen may submit to online today (Vietnam date). */
        public List<Agency> onlineAgencies() {
            LocalDate today = LocalDate.now(VIETNAM);
            return agencies.stream()
                    .filter(a -> Boolean.TRUE.equals(a.receivesOnline()) && a.validOn(today))
                    .toList();
        }

        /** The citizen chooses the agency when several take the procedure online. */
        public boolean agencyChoice() {
            return onlineAgencies().size() > 1;
        }

        /**
         * The procedure as {@code agencyCode}'s agency offers it online (its name, fee, time limit), dossier-service's
         * rule: the agency's offering, then the online channel's terms, that agency's own first (decision 56); as listed
         * (with the online terms for every agency) when that agency is not one of its offerings (none chosen yet).
         */
        public Procedure at(String agencyCode) {
            return at(agencyCode, null);
        }

        /**
         * The same for a dossier of the case {@code caseCode} (decision 58, dossier-service's rule): the most specific
         * holds: the online terms for that case, the case's own fee and time limit, the online terms for every case, the
         * agency's offering, the procedure. Its documents are those asked in that case.
         */
        public Procedure at(String agencyCode, String caseCode) {
            Case chosen = caseOf(caseCode);
            List<Document> asked = documentsIn(caseCode);
            Procedure offered = agencies.stream()
                    .filter(a -> a.agencyCode().equals(agencyCode))
                    .findFirst()
                    .map(a -> new Procedure(
                            code,
                            name,
                            nameEn,
                            a.agencyName(),
                            a.processingDays() == null ? processingDays : a.processingDays(),
                            timeLimitUnit,
                            a.feeVnd() == null ? feeVnd : a.feeVnd(),
                            feeField,
                            feeOptions,
                            a.mode() == null ? mode : a.mode(),
                            requiredLevelOfAssurance,
                            asked,
                            fields,
                            agencies,
                            channels,
                            cases))
                    .orElse(this);
            if (chosen != null) {
                offered = new Procedure(
                        code,
                        name,
                        nameEn,
                        offered.agencyName(),
                        chosen.timeLimitAmount() == null ? offered.processingDays() : chosen.timeLimitAmount(),
                        chosen.timeLimitUnit() == null ? offered.timeLimitUnit() : chosen.timeLimitUnit(),
                        chosen.feeVnd() == null ? offered.feeVnd() : chosen.feeVnd(),
                        feeField,
                        feeOptions,
                        offered.mode(),
                        requiredLevelOfAssurance,
                        asked,
                        fields,
                        agencies,
                        channels,
                        cases);
            }
            Procedure base = offered;
            List<ChannelTerms> online = channels.stream()
                    // the terms in force today, the day the dossier is submitted (decision 59)
                    .filter(t -> "ONLINE".equals(t.channel()) && t.validOn(LocalDate.now(VIETNAM)))
                    .filter(t -> t.caseCode() == null
                            || chosen != null && chosen.code().equals(t.caseCode()))
                    // the case's own terms first, then those for every case less what the case sets itself
                    .sorted(java.util.Comparator.comparing(t -> t.caseCode() == null))
                    .map(t -> t.caseCode() == null && chosen != null ? t.under(chosen) : t)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            return online.stream()
                    .filter(t -> agencyCode != null && agencyCode.equals(t.agencyCode()))
                    .findFirst()
                    .or(() ->
                            online.stream().filter(t -> t.agencyCode() == null).findFirst())
                    .map(t -> new Procedure(
                            code,
                            name,
                            nameEn,
                            base.agencyName(),
                            t.timeLimitAmount() == null ? base.processingDays() : t.timeLimitAmount(),
                            t.timeLimitUnit() == null ? base.timeLimitUnit() : t.timeLimitUnit(),
                            t.feeVnd() == null ? base.feeVnd() : t.feeVnd(),
                            feeField,
                            feeOptions,
                            base.mode(),
                            requiredLevelOfAssurance,
                            asked,
                            fields,
                            agencies,
                            channels,
                            cases))
                    .orElse(base);
        }

        /** Both modes take dossiers online (in part: the fee may be paid at the desk). */
        public boolean online() {
            return "FULL_ONLINE".equals(mode) || "PARTIAL_ONLINE".equals(mode);
        }

        /** The fee for these answers: the option's fee when the fee depends on a choice (dossier-service's rule). */
        public long feeFor(Map<String, String> formData) {
            if (feeField != null && feeOptions != null && formData.get(feeField) != null) {
                Long fee = feeOptions.get(formData.get(feeField));
                if (fee != null) {
                    return fee;
                }
            }
            return feeVnd;
        }

        public Document document(String code) {
            return documents.stream()
                    .filter(d -> d.code().equals(code))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** One agency's offering: boxed, as the API may leave a value out. */
    record Agency(
            String agencyCode,
            String agencyName,
            Boolean receivesOnline,
            Long feeVnd,
            Integer processingDays,
            String mode,
            LocalDate validFrom,
            LocalDate validTo) {

        boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /** One channel's fee and time limit (decision 56); the wizard applies the ONLINE ones. Boxed: null keeps. */
    record ChannelTerms(
            String agencyCode,
            String channel,
            Long feeVnd,
            Integer timeLimitAmount,
            String timeLimitUnit,
            String caseCode,
            LocalDate validFrom,
            LocalDate validTo) {

        /** In force on {@code day} (decision 59). */
        boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }

        /** These terms for a dossier of {@code c}: what the case sets itself taken out; null when nothing is left. */
        ChannelTerms under(Case c) {
            boolean limit = c.timeLimitAmount() != null || c.timeLimitUnit() != null;
            Long fee = c.feeVnd() != null ? null : feeVnd;
            Integer amount = limit ? null : timeLimitAmount;
            String unit = limit ? null : timeLimitUnit;
            return fee == null && amount == null && unit == null
                    ? null
                    : new ChannelTerms(agencyCode, channel, fee, amount, unit, null, validFrom, validTo);
        }
    }

    /** One case of the procedure (trường hợp, decision 58); boxed: null keeps the procedure's. */
    record Case(String code, String name, String nameEn, Long feeVnd, Integer timeLimitAmount, String timeLimitUnit) {}

    /** {@code cases}: the cases it is asked in, null in every case. */
    record Document(
            String code, String name, String nameEn, boolean mandatory, List<String> allowedTypes, List<String> cases) {

        Document {
            allowedTypes = allowedTypes == null ? List.of() : allowedTypes;
        }

        public boolean askedIn(String caseCode) {
            return cases == null || cases.contains(caseCode);
        }

        /** The file input's {@code accept}: the types and their usual extensions (some phones filter by these). */
        public String accept() {
            StringBuilder accept = new StringBuilder();
            for (String type : allowedTypes) {
                accept.append(accept.isEmpty() ? "" : ",").append(type);
                switch (type) {
                    case "application/pdf" -> accept.append(",.pdf");
                    case "image/jpeg" -> accept.append(",.jpg,.jpeg");
                    case "image/png" -> accept.append(",.png");
                    default -> {}
                }
            }
            return accept.toString();
        }

        /** "PDF, JPEG" for the hint. */
        public String typeNames() {
            return String.join(
                    ", ",
                    allowedTypes.stream()
                            .map(t -> t.substring(t.indexOf('/') + 1).toUpperCase(java.util.Locale.ROOT))
                            .toList());
        }
    }

    /**
     * type: TEXT, DATE, NUMBER, SELECT, BOOLEAN, NATIONAL_ID; prefill: the API fills the field from the citizen's
     * identity when it is left empty (so the page does not require it).
     */
    record Field(
            String name,
            String label,
            String labelEn,
            String type,
            boolean required,
            List<String> options,
            Integer maxLength,
            String prefill) {

        Field {
            options = options == null ? List.of() : options;
        }

        public boolean requiredHere() {
            return required && prefill == null;
        }

        public String inputType() {
            return switch (type) {
                case "DATE" -> "date";
                case "BOOLEAN" -> "checkbox";
                default -> "text";
            };
        }

        public String inputMode() {
            return switch (type) {
                case "NUMBER" -> "decimal";
                case "NATIONAL_ID" -> "numeric";
                default -> null;
            };
        }

        public Integer maxLengthHere() {
            return "NATIONAL_ID".equals(type) ? Integer.valueOf(12) : maxLength;
        }
    }

    private final RestClient api;

    WizardProcedures(RestClient api) {
        this.api = api;
    }

    Procedure find(String code) {
        return api.get().uri("/api/v1/procedures/{code}", code).retrieve().body(Procedure.class);
    }
}

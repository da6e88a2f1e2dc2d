package vn.egov.portal.procedure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The catalogue as the public API gives it ({@code GET /api/v1/procedures}, {@code /api/v1/procedures/{code}}).
 * The API folds Vietnamese accents itself ("dang ky khai sinh" finds "Đăng ký khai sinh"), so the portal passes
 * the user's text on unchanged rather than folding it a second time.
 */
@Component
class Procedures {

    /** The largest page the API serves: the whole catalogue of a province fits in a few. */
    static final int MAX_PAGE_SIZE = 100;

    record Summary(
            String code,
            String name,
            String nameEn,
            String agencyName,
            String level,
            int processingDays,
            String timeLimitUnit,
            long feeVnd,
            String mode,
            List<Agency> agencies) {

        /** The card names the agency when one offers it, else how many do (all are on the procedure's page). */
        public int agencyCount() {
            return agencies == null ? 1 : agencies.size();
        }
    }

    /**
     * An agency that offers the procedure (the same two fields in the search's summary and in the detail), and in the
     * detail the service centre that receives its online dossiers (dossier-service's decision 61), or null.
     */
    record Agency(String agencyCode, String agencyName, String receivedBy, String receivedByName) {}

    record Page(List<Summary> items, int page, int size, long totalItems, int totalPages) {}

    record Detail(
            String code,
            String name,
            String nameEn,
            String agencyCode,
            String agencyName,
            String level,
            int processingDays,
            String timeLimitUnit,
            long feeVnd,
            String feeField,
            Map<String, Long> feeOptions,
            String mode,
            int requiredLevelOfAssurance,
            List<RequiredDocument> documents,
            List<Agency> agencies,
            List<ChannelTerms> channels,
            List<Case> cases) {

        public List<Agency> agencyList() {
            return agencies == null ? List.of() : agencies;
        }

        public List<Case> caseList() {
            return cases == null ? List.of() : cases;
        }

        /** The names of the cases {@code codes} (a document's, a channel line's), in the procedure's order. */
        public String caseNames(List<String> codes) {
            return String.join(
                    "; ",
                    caseList().stream()
                            .filter(c -> codes.contains(c.code()))
                            .map(Case::name)
                            .toList());
        }

        /**
         * What differs by channel (decision 56), one line each: the channel, the agency when the line is only its own,
         * the fee and the time limit (its unit the procedure's when the line leaves it out).
         */
        public List<ChannelLine> channelLines() {
            if (channels == null) {
                return List.of();
            }
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
            return channels.stream()
                    // what ended is no longer said; what starts later is, with its first day
                    .filter(t -> t.validTo() == null || !t.validTo().isBefore(today))
                    .map(t -> new ChannelLine(
                            t.channel(),
                            t.agencyCode() == null
                                    ? null
                                    : agencyList().stream()
                                            .filter(a -> a.agencyCode().equals(t.agencyCode()))
                                            .map(Agency::agencyName)
                                            .findFirst()
                                            .orElse(t.agencyCode()),
                            t.feeVnd(),
                            t.timeLimitAmount(),
                            t.timeLimitUnit() != null
                                    ? t.timeLimitUnit()
                                    : timeLimitUnit == null ? "WORKING_DAYS" : timeLimitUnit,
                            t.caseCode() == null ? null : caseNames(List.of(t.caseCode())),
                            t.validFrom() != null && t.validFrom().isAfter(today) ? t.validFrom() : null,
                            t.validTo()))
                    .toList();
        }
    }

    /** One channel's fee and time limit as the API gives them (null: the procedure's). */
    record ChannelTerms(
            String agencyCode,
            String channel,
            Long feeVnd,
            Integer timeLimitAmount,
            String timeLimitUnit,
            String caseCode,
            java.time.LocalDate validFrom,
            java.time.LocalDate validTo) {}

    /**
     * {@code caseName}: the case the line holds for only, or null (every case); {@code from}: the first day of a rule
     * not yet in force, {@code to}: the last day of one that ends (decision 59).
     */
    record ChannelLine(
            String channel,
            String agencyName,
            Long feeVnd,
            Integer amount,
            String unit,
            String caseName,
            java.time.LocalDate from,
            java.time.LocalDate to) {}

    /** One case of the procedure (trường hợp, decision 58): its own fee and time limit, or null (the procedure's). */
    record Case(String code, String name, String nameEn, Long feeVnd, Integer timeLimitAmount, String timeLimitUnit) {}

    /** {@code cases}: the cases it is asked in, null in every case. */
    record RequiredDocument(
            String code,
            String name,
            String nameEn,
            boolean mandatory,
            List<String> allowedTypes,
            List<String> cases) {}

    private final RestClient api;

    Procedures(RestClient api) {
        this.api = api;
    }

    Page search(String text, int page, int size) {
        return api.get()
                .uri(uri -> uri.path("/api/v1/procedures")
                        .queryParamIfPresent("q", Optional.ofNullable(text).filter(t -> !t.isBlank()))
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<Page>() {});
    }

    Detail find(String code) {
        return api.get().uri("/api/v1/procedures/{code}", code).retrieve().body(Detail.class);
    }
}

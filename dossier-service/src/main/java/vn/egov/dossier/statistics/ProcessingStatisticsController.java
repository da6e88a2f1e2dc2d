package vn.egov.dossier.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;

/**
 * Open data: how each agency handled its dossiers in a period, per sector and channel (decision 49), as JSON or CSV.
 * Anyone may read it (no personal data: counts only). The JSON adds a summary per agency with the shares the
 * service index uses: online share of the received, share resolved by the due date, average rating.
 */
@RestController
class ProcessingStatisticsController {

    /** A year, leap or not: a longer period is several calls (each counts every dossier it covers). */
    static final int MAX_DAYS = 366;

    private static final Pattern AGENCY = Pattern.compile("[0-9A-Z.]{1,20}");
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ProcessingStatisticsQuery query;
    private final java.time.Clock clock;

    ProcessingStatisticsController(ProcessingStatisticsQuery query, java.time.Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    record AgencySummary(
            String agencyCode,
            String agencyName,
            long carriedOver,
            long received,
            long receivedOnline,
            Double onlineShare,
            long resolved,
            Double resolvedByDueDateShare,
            long refused,
            long withdrawn,
            long pendingPastDue,
            long ratings,
            Double averageRating,
            long awaitingReceiptPastLimit) {}

    record Report(
            LocalDate from, LocalDate to, List<ProcessingStatisticsQuery.Row> rows, List<AgencySummary> agencies) {}

    @GetMapping("/api/v1/statistics/dossiers")
    @Operation(
            summary = "Per agency, sector and channel: carried over, received, resolved early, on time and late,"
                    + " refused, withdrawn, pending within and past the due date, paused, ratings (JSON or CSV)",
            description = "Dossiers count from the day they were received. A period is at most 366 days; the"
                    + " default is from the first of January to today (Vietnam dates). format=csv answers text/csv"
                    + " (UTF-8, a header line, one line per agency, sector and channel) without the summary.")
    ResponseEntity<?> dossiers(
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @Parameter(description = "one agency's code, e.g. 000.00.01.H26") @RequestParam(required = false)
                    String agency,
            @Parameter(description = "json (default) or csv") @RequestParam(defaultValue = "json") String format) {
        LocalDate today = VietnamTime.today(clock);
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today : to;
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            errors.add(ApiProblem.FieldError.keyed(
                    "to", "statistics-period", "validation.statistics-period", start, end, MAX_DAYS));
        }
        if (agency != null && !AGENCY.matcher(agency).matches()) {
            errors.add(ApiProblem.FieldError.keyed("agency", "statistics-agency", "validation.statistics-agency"));
        }
        boolean csv = "csv".equals(format);
        if (!csv && !"json".equals(format)) {
            errors.add(ApiProblem.FieldError.keyed("format", "statistics-format", "validation.statistics-format"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation-failed", errors, Map.of());
        }
        List<ProcessingStatisticsQuery.Row> rows = query.rows(start, end, agency);
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(CSV)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"ho-so-" + start + "-" + end + ".csv\"")
                    .body(csv(start, end, rows));
        }
        return ResponseEntity.ok()
                .body(new Report(
                        start, end, rows, summaries(rows, query.awaitingReceiptPastLimit(clock.instant(), agency))));
    }

    /**
     * Per agency, from its rows; {@code awaitingReceiptPastLimit} is the state now (decision 51), and an agency with
     * only such dossiers has a summary of its own.
     */
    static List<AgencySummary> summaries(
            List<ProcessingStatisticsQuery.Row> rows, List<ProcessingStatisticsQuery.Waiting> waiting) {
        Map<String, List<ProcessingStatisticsQuery.Row>> byAgency = new java.util.TreeMap<>();
        Map<String, ProcessingStatisticsQuery.Waiting> waitingOf = new LinkedHashMap<>();
        rows.forEach(r ->
                byAgency.computeIfAbsent(r.agencyCode(), k -> new ArrayList<>()).add(r));
        waiting.forEach(w -> {
            waitingOf.put(w.agencyCode(), w);
            byAgency.computeIfAbsent(w.agencyCode(), k -> new ArrayList<>());
        });
        List<AgencySummary> summaries = new ArrayList<>();
        byAgency.forEach((code, of) -> {
            ProcessingStatisticsQuery.Waiting late = waitingOf.get(code);
            long received = of.stream()
                    .mapToLong(ProcessingStatisticsQuery.Row::received)
                    .sum();
            long online = of.stream()
                    .filter(r -> "ONLINE".equals(r.channel()))
                    .mapToLong(ProcessingStatisticsQuery.Row::received)
                    .sum();
            long byDueDate = of.stream()
                    .mapToLong(r -> r.resolvedEarly() + r.resolvedOnTime())
                    .sum();
            long resolved = byDueDate
                    + of.stream()
                            .mapToLong(ProcessingStatisticsQuery.Row::resolvedLate)
                            .sum();
            long ratings = of.stream()
                    .mapToLong(ProcessingStatisticsQuery.Row::ratings)
                    .sum();
            double ratingSum = of.stream()
                    .filter(r -> r.averageRating() != null)
                    .mapToDouble(r -> r.averageRating() * r.ratings())
                    .sum();
            summaries.add(new AgencySummary(
                    code,
                    of.isEmpty() ? late.agencyName() : of.get(0).agencyName(),
                    of.stream()
                            .mapToLong(ProcessingStatisticsQuery.Row::carriedOver)
                            .sum(),
                    received,
                    online,
                    received == 0 ? null : (double) online / received,
                    resolved,
                    resolved == 0 ? null : (double) byDueDate / resolved,
                    of.stream()
                            .mapToLong(ProcessingStatisticsQuery.Row::refused)
                            .sum(),
                    of.stream()
                            .mapToLong(ProcessingStatisticsQuery.Row::withdrawn)
                            .sum(),
                    of.stream()
                            .mapToLong(ProcessingStatisticsQuery.Row::pendingPastDue)
                            .sum(),
                    ratings,
                    ratings == 0 ? null : ratingSum / ratings,
                    late == null ? 0 : late.count()));
        });
        return summaries;
    }

    static final String CSV_HEADER = "from,to,agencyCode,agencyName,sectorCode,sectorName,channel,carriedOver,received,"
            + "receivedLate,resolvedEarly,resolvedOnTime,resolvedLate,refused,withdrawn,pendingWithinDue,pendingPastDue,paused,"
            + "ratings,averageRating";

    static String csv(LocalDate from, LocalDate to, List<ProcessingStatisticsQuery.Row> rows) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (ProcessingStatisticsQuery.Row r : rows) {
            out.append(String.join(
                            ",",
                            from.toString(),
                            to.toString(),
                            field(r.agencyCode()),
                            field(r.agencyName()),
                            field(r.sectorCode()),
                            field(r.sectorName()),
                            field(r.channel()),
                            Long.toString(r.carriedOver()),
                            Long.toString(r.received()),
                            Long.toString(r.receivedLate()),
                            Long.toString(r.resolvedEarly()),
                            Long.toString(r.resolvedOnTime()),
                            Long.toString(r.resolvedLate()),
                            Long.toString(r.refused()),
                            Long.toString(r.withdrawn()),
                            Long.toString(r.pendingWithinDue()),
                            Long.toString(r.pendingPastDue()),
                            Long.toString(r.paused()),
                            Long.toString(r.ratings()),
                            r.averageRating() == null
                                    ? ""
                                    : String.format(java.util.Locale.ROOT, "%.2f", r.averageRating())))
                    .append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is kept as text. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}

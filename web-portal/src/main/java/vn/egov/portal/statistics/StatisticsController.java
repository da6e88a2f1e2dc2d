package vn.egov.portal.statistics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;

/**
 * Agency statistics from the public API, drawn on the server as SVG bar charts (no chart library, no script),
 * each chart with the same figures in a table beside it for screen readers and for reading exact values.
 */
@Controller
class StatisticsController {

    /** What {@code GET /api/v1/statistics/agencies} answers (this year by default). */
    record AgencyStatistics(
            String agencyCode,
            String agencyName,
            LocalDate from,
            LocalDate to,
            long submitted,
            long received,
            long resolvedOnTime,
            long resolvedLate,
            long inProgress,
            long overdue,
            double onlineShare,
            Double paidOnlineShare,
            Double averageRating) {

        /** Resolved on time among those resolved; null before any is resolved (nothing to judge yet). */
        Double onTimeShare() {
            long resolved = resolvedOnTime + resolvedLate;
            return resolved == 0 ? null : (double) resolvedOnTime / resolved;
        }
    }

    private final RestClient api;

    StatisticsController(RestClient api) {
        this.api = api;
    }

    @GetMapping("/thong-ke")
    String statistics(Model model) {
        List<AgencyStatistics> agencies = api.get()
                .uri("/api/v1/statistics/agencies")
                .retrieve()
                .body(new ParameterizedTypeReference<List<AgencyStatistics>>() {});
        agencies = agencies == null
                ? List.of()
                : agencies.stream()
                        .sorted(Comparator.comparingLong(AgencyStatistics::submitted)
                                .reversed())
                        .toList();
        model.addAttribute("agencies", agencies);
        model.addAttribute("period", agencies.isEmpty() ? null : agencies.get(0));
        model.addAttribute("onTime", BarChart.of(agencies, a -> a.onTimeShare(), 1.0));
        model.addAttribute("volumes", BarChart.of(agencies, a -> (double) a.submitted(), null));
        model.addAttribute("ratings", BarChart.of(agencies, AgencyStatistics::averageRating, 5.0));
        return "statistics";
    }
}

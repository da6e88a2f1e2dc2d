package vn.egov.portal.statistics;

import java.util.List;
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

    private final RestClient api;

    StatisticsController(RestClient api) {
        this.api = api;
    }

    @GetMapping("/thong-ke")
    String statistics(Model model) {
        List<AgencyStatistics> agencies = AgencyStatistics.busiestFirst(api);
        model.addAttribute("agencies", agencies);
        model.addAttribute("period", agencies.isEmpty() ? null : agencies.get(0));
        model.addAttribute("onTime", BarChart.of(agencies, a -> a.onTimeShare(), 1.0));
        model.addAttribute("volumes", BarChart.of(agencies, a -> (double) a.submitted(), null));
        model.addAttribute("ratings", BarChart.of(agencies, AgencyStatistics::averageRating, 5.0));
        return "statistics";
    }
}

package vn.egov.portal.desk;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;
import vn.egov.portal.signin.SignedInUser;
import vn.egov.portal.statistics.AgencyStatistics;

/**
 * The agency's dashboard from the public statistics ({@code GET /api/v1/statistics/agencies}, this year): the
 * officer's own agency first and drawn as bars (SVG, no script, the figures also in words), the other agencies in a
 * table for comparison. A user bound to no agency (SYSTEM_ADMIN) sees the table.
 */
@Controller
class DeskStatisticsController {

    private final RestClient publicApi;

    DeskStatisticsController(RestClient publicApi) {
        this.publicApi = publicApi;
    }

    @GetMapping("/motcua/thong-ke")
    String dashboard(Model model) {
        SignedInUser user = SignedInUser.current();
        String agency = user == null ? null : user.agency();
        List<AgencyStatistics> all = AgencyStatistics.busiestFirst(publicApi);
        AgencyStatistics own = all.stream()
                .filter(a -> a.agencyCode().equals(agency))
                .findFirst()
                .orElse(null);
        model.addAttribute("own", own);
        model.addAttribute("bars", own == null ? List.of() : Bars.of(own));
        model.addAttribute("agencies", all);
        return "desk/statistics";
    }

    /**
     * One bar of the agency's chart: the label's message key, the figure, its length in the SVG (0–{@value #LONGEST},
     * so the longest bar's figure still fits beside it inside the 440-unit view box the page scales to a phone).
     */
    record Bars(String key, long value, int length, int y) {

        static final int LONGEST = 180;

        static List<Bars> of(AgencyStatistics s) {
            long[] values = {s.received(), s.resolvedOnTime(), s.resolvedLate(), s.inProgress(), s.paused(), s.overdue()
            };
            String[] keys = {"received", "on-time", "late", "pending", "paused", "overdue"};
            long max = 1;
            for (long v : values) {
                max = Math.max(max, v);
            }
            Bars[] bars = new Bars[values.length];
            for (int i = 0; i < values.length; i++) {
                bars[i] =
                        new Bars(keys[i], values[i], (int) Math.round((double) LONGEST * values[i] / max), 8 + i * 40);
            }
            return List.of(bars);
        }
    }
}

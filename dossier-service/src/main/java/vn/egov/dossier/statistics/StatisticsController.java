package vn.egov.dossier.statistics;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;

/**
 * Open data per agency, computed from the dossiers themselves on every call (no counters that can drift).
 * The period is by submission date in Vietnam time; "on time" compares the Vietnam date of resolution with
 * the due date in force (which an apology may have moved); "overdue" are those still with the agency past it today.
 */
@RestController
class StatisticsController {

    private final AgencyStatisticsQuery query;
    private final java.time.Clock clock;

    StatisticsController(AgencyStatisticsQuery query, java.time.Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    @GetMapping("/api/v1/statistics/agencies")
    @Operation(
            summary =
                    "Per agency: received, resolved on time, late, in progress, online and paid-online shares, average rating")
    List<AgencyStatisticsQuery.AgencyStatistics> agencies(
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate today = VietnamTime.today(clock);
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today : to;
        if (end.isBefore(start) || start.plusYears(5).isBefore(end)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        return query.agencies(start, end, today, clock.instant());
    }
}

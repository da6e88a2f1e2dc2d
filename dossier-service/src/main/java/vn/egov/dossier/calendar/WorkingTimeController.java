package vn.egov.dossier.calendar;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;

/**
 * What a system administrator's page needs about working time (decision 37): whether the calendar covers the years
 * due dates can reach — the same answer as the {@code workingCalendar} health, readable without the actuator — and
 * each agency's working hours as the deadlines count them (the agency registry's, decision 60).
 */
@RestController
class WorkingTimeController {

    /**
     * @param status UP, or OUT_OF_SERVICE while {@code missingYears} is not empty
     * @param missingYears years without calendar data that due dates computed now can reach, or that a count already
     *     went through (there only Monday to Friday were counted)
     */
    record Coverage(
            String status, List<Integer> coveredYears, List<Integer> missingYears, String horizon, String warning) {}

    private final CalendarHealth health;
    private final Deadlines deadlines;
    private final AgencyWorkingHours hours;
    private final DeadlineProperties properties;

    WorkingTimeController(
            CalendarHealth health, Deadlines deadlines, AgencyWorkingHours hours, DeadlineProperties properties) {
        this.health = health;
        this.deadlines = deadlines;
        this.hours = hours;
        this.properties = properties;
    }

    @GetMapping("/api/v1/calendar/coverage")
    @Operation(
            summary = "Whether the calendar covers the years due dates can reach (system administrator)",
            description = "OUT_OF_SERVICE with missingYears while a year within the horizon (or one a count went "
                    + "through) has no calendar data: due dates there count Monday to Friday only. Enter the year "
                    + "with PUT /api/v1/calendar/days/{day}.")
    Coverage coverage(@AuthenticationPrincipal Jwt jwt) {
        administrator(jwt);
        List<Integer> missing = List.copyOf(health.missingYears());
        return new Coverage(
                missing.isEmpty() ? "UP" : "OUT_OF_SERVICE",
                new ArrayList<>(deadlines.calendar().coveredYears()),
                missing,
                properties.calendarHorizon().toString(),
                missing.isEmpty()
                        ? null
                        : "Lịch làm việc chưa có dữ liệu năm " + missing
                                + ": hạn giải quyết trong các năm này chỉ tính thứ Hai đến thứ Sáu (bỏ sót ngày lễ)");
    }

    @GetMapping("/api/v1/calendar/working-hours")
    @Operation(
            summary = "Each agency's working hours, in which limits in hours and half-days are counted (anyone)",
            description = "A replica of the agency registry's (identity-service owns them: PUT"
                    + " /api/v1/identity/agencies/{code}/working-hours), with the registry version each row was copied"
                    + " from (0: the default every agency starts with). A configured"
                    + " egov.dossier.deadlines.agency-working-hours entry still wins over the row.")
    List<AgencyWorkingHours.Row> workingHours() {
        return hours.all();
    }

    private static void administrator(Jwt jwt) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        if (!who.hasRole("SYSTEM_ADMIN") || who.subject() == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
    }
}

package vn.egov.dossier.calendar;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;

/**
 * What a system administrator's page needs about working time (decision 37): whether the calendar covers the years
 * due dates can reach — the same answer as the {@code workingCalendar} health, readable without the actuator — and
 * each agency's working hours, which the administrator changes when an agency publishes new ones.
 */
@RestController
class WorkingTimeController {

    /** {@code periods}: {@code "07:30-11:30,13:30-17:00"}; {@code source}: the document that publishes them. */
    record HoursRequest(
            @Size(max = 100) String periods,
            @Size(max = 300) String source) {}

    /**
     * @param status UP, or OUT_OF_SERVICE while {@code missingYears} is not empty
     * @param missingYears years without calendar data that due dates computed now can reach, or that a count already
     *     went through (there only Monday to Friday were counted)
     */
    record Coverage(
            String status, List<Integer> coveredYears, List<Integer> missingYears, String horizon, String warning) {}

    private static final Pattern AGENCY_CODE = Pattern.compile("[0-9A-Za-z.]{1,40}");
    /** Hours and minutes only, as the table stores them (LocalTime would also take seconds). */
    private static final Pattern PERIODS = Pattern.compile(
            "\\s*\\d{2}:\\d{2}\\s*-\\s*\\d{2}:\\d{2}\\s*(,\\s*\\d{2}:\\d{2}\\s*-\\s*\\d{2}:\\d{2}\\s*)*");

    private final CalendarHealth health;
    private final Deadlines deadlines;
    private final AgencyWorkingHours hours;
    private final DeadlineProperties properties;
    private final Clock clock;

    WorkingTimeController(
            CalendarHealth health,
            Deadlines deadlines,
            AgencyWorkingHours hours,
            DeadlineProperties properties,
            Clock clock) {
        this.health = health;
        this.deadlines = deadlines;
        this.hours = hours;
        this.properties = properties;
        this.clock = clock;
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
    @Operation(summary = "Each agency's working hours, in which limits in hours and half-days are counted (anyone)")
    List<AgencyWorkingHours.Row> workingHours() {
        return hours.all();
    }

    @PutMapping("/api/v1/calendar/working-hours/{agencyCode}")
    @Operation(
            summary = "Set an agency's working hours (system administrator)",
            description = "JSON {\"periods\":\"07:30-11:30,13:30-17:00\",\"source\":\"the document publishing them\"}."
                    + " Counts from the next receipt; due times already given are not moved. A configured "
                    + "egov.dossier.deadlines.agency-working-hours entry still wins over the stored row.")
    AgencyWorkingHours.Row setWorkingHours(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String agencyCode,
            @RequestBody(required = false) HoursRequest body) {
        administrator(jwt);
        if (!AGENCY_CODE.matcher(agencyCode).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        HoursRequest request = body == null ? new HoursRequest(null, null) : body;
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        WorkingHours parsed = null;
        if (request.periods() == null || request.periods().isBlank()) {
            errors.add(error("periods", "required"));
        } else {
            try {
                if (!PERIODS.matcher(request.periods()).matches()) {
                    throw new IllegalArgumentException("HH:mm-HH:mm[,HH:mm-HH:mm]");
                }
                parsed = WorkingHours.parse(request.periods());
            } catch (RuntimeException e) {
                errors.add(error("periods", "invalid-format", "07:30-11:30,13:30-17:00"));
            }
        }
        if (request.source() == null || request.source().isBlank()) {
            errors.add(error("source", "required"));
        } else if (request.source().length() > 300) {
            errors.add(error("source", "too-long", 300));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "working-hours-invalid", errors, Map.of());
        }
        return hours.set(agencyCode, parsed, request.source().strip(), Instant.now(clock));
    }

    private static void administrator(Jwt jwt) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        if (!who.hasRole("SYSTEM_ADMIN") || who.subject() == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
    }

    private static ApiProblem.FieldError error(String field, String code, Object... args) {
        return ApiProblem.FieldError.keyed(field, code, "validation.dossier." + code, args);
    }
}

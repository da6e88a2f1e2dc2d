package vn.egov.dossier.calendar;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;

/** The working-day calendar: public to read, changed by system administrators as the government announces. */
@RestController
class CalendarController {

    /** name and source: at most 300 characters (checked below, 422 calendar-day-invalid; annotated for OpenAPI). */
    record DayRequest(
            @Size(max = 16) String kind,
            @Size(max = 300) String name,
            @Size(max = 300) String source) {}

    private final CalendarDays days;
    private final Clock clock;

    CalendarController(CalendarDays days, Clock clock) {
        this.days = days;
        this.clock = clock;
    }

    @GetMapping("/api/v1/calendar/days")
    @Operation(
            summary = "The days of a year that differ from \"Monday to Friday are working days\" (anyone)",
            description = "HOLIDAY: a weekday off (public holiday, Tết, substitute day off); WORKDAY: a Saturday or "
                    + "Sunday worked to make up for a bridged day. Default year: this year (Vietnam time).")
    List<CalendarDays.Day> year(@RequestParam(required = false) Integer year) {
        int wanted = year == null ? VietnamTime.today(clock).getYear() : year;
        if (wanted < 2000 || wanted > 2100) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        return days.year(wanted);
    }

    @PutMapping("/api/v1/calendar/days/{day}")
    @Operation(
            summary = "Declare a holiday or a make-up working day (system administrator)",
            description =
                    "JSON {\"kind\":\"HOLIDAY\"|\"WORKDAY\",\"name\",\"source\"}: source is the document it follows "
                            + "(e.g. \"Công văn 12729/VPCP-KGVX ngày 25/12/2025\"). Only days after today; a HOLIDAY is a weekday, "
                            + "a WORKDAY a Saturday or Sunday. Appointments already given are not moved.")
    CalendarDays.Day set(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String day,
            @RequestBody(required = false) DayRequest body) {
        EgovPrincipal who = administrator(jwt);
        LocalDate date = date(day);
        DayRequest request = body == null ? new DayRequest(null, null, null) : body;
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (request.kind() == null || !List.of("HOLIDAY", "WORKDAY").contains(request.kind())) {
            errors.add(error("kind", "invalid-option", "HOLIDAY, WORKDAY"));
        }
        text("name", request.name(), errors);
        text("source", request.source(), errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "calendar-day-invalid", errors, java.util.Map.of());
        }
        CalendarDays.Day saved = days.set(
                date, request.kind(), request.name().strip(), request.source().strip(), who.subject());
        days.refreshIfChanged();
        return saved;
    }

    @DeleteMapping("/api/v1/calendar/days/{day}")
    @Operation(summary = "Withdraw a declared day (system administrator); `source` names the document")
    ResponseEntity<Void> remove(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String day, @RequestParam(required = false) String source) {
        EgovPrincipal who = administrator(jwt);
        LocalDate date = date(day);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        text("source", source, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "calendar-day-invalid", errors, java.util.Map.of());
        }
        days.remove(date, source.strip(), who.subject());
        days.refreshIfChanged();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/calendar/changes")
    @Operation(summary = "Every change made to the calendar, newest first (system administrator)")
    List<CalendarDays.Change> changes(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "100") int limit) {
        administrator(jwt);
        if (limit < 1 || limit > 1000) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        return days.changes(limit);
    }

    private static EgovPrincipal administrator(Jwt jwt) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        if (!who.hasRole("SYSTEM_ADMIN") || who.subject() == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        return who;
    }

    private static LocalDate date(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
    }

    private void text(String field, String value, List<ApiProblem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(error(field, "required"));
        } else if (value.length() > 300) {
            errors.add(error(field, "too-long", 300));
        }
    }

    /** The same field messages as a dossier's, worded in the request's language (vi by default, en on request). */
    private static ApiProblem.FieldError error(String field, String code, Object... args) {
        return ApiProblem.FieldError.keyed(field, code, "validation.dossier." + code, args);
    }
}

package vn.egov.dossier.clock;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;

/**
 * TEST ONLY. Moves the service's clock so that whole-platform tests can see due dates pass and dossiers
 * become overdue without waiting days. This controller exists only when
 * {@code egov.dossier.test-clock.enabled=true} (otherwise the path answers 404, like any unknown path);
 * it answers only requests from the loopback interface that did not come through a proxy (no
 * {@code Forwarded}/{@code X-Forwarded-For}), and needs no token. The gateway has no route to it.
 *
 * <p>{@code PUT {"offset":"P3D"}} sets the clock to real time + the ISO-8601 duration (or period, e.g.
 * {@code P1W}); {@code PUT {"instant":"2027-01-04T02:00:00Z"}} sets it to that instant; either way time
 * keeps running from there, and a repeated PUT gives the same result (the offset is from real time, not
 * cumulative). {@code DELETE} puts it back to real time.
 */
@Hidden
@RestController
@ConditionalOnProperty(prefix = "egov.dossier.test-clock", name = "enabled", havingValue = "true")
class TestClockController {

    static final String PATH = "/api/v1/test/clock";

    record ClockRequest(String offset, Instant instant) {}

    record ClockState(Instant instant, String offset, LocalDate vietnamDate) {}

    private final MovableClock clock;

    TestClockController(Clock clock) {
        this.clock = (MovableClock) clock;
    }

    @GetMapping(PATH)
    ClockState get(HttpServletRequest request) {
        requireLoopback(request);
        return state();
    }

    @PutMapping(PATH)
    ClockState move(HttpServletRequest request, @RequestBody(required = false) ClockRequest body) {
        requireLoopback(request);
        if (body == null || (body.offset() == null) == (body.instant() == null)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "test-clock-invalid");
        }
        if (body.instant() != null) {
            clock.setInstant(body.instant());
        } else {
            clock.setOffset(parse(body.offset()));
        }
        return state();
    }

    @DeleteMapping(PATH)
    ClockState reset(HttpServletRequest request) {
        requireLoopback(request);
        clock.reset();
        return state();
    }

    private ClockState state() {
        Instant now = clock.instant();
        return new ClockState(now, clock.offset().toString(), VietnamTime.dateOf(now));
    }

    static Duration parse(String offset) {
        try {
            return Duration.parse(offset);
        } catch (DateTimeParseException e) {
            try {
                Period period = Period.parse(offset);
                ZonedDateTime now = ZonedDateTime.now(VietnamTime.ZONE);
                return Duration.between(now, now.plus(period));
            } catch (DateTimeParseException again) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "test-clock-invalid");
            }
        }
    }

    /** Only a caller on this machine, talking to the service directly (not through the gateway or another proxy). */
    static void requireLoopback(HttpServletRequest request) {
        boolean proxied = request.getHeader("Forwarded") != null
                || request.getHeader("X-Forwarded-For") != null
                || request.getHeader("X-Real-IP") != null;
        boolean loopback;
        try {
            loopback = InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (proxied || !loopback) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "test-clock-loopback-only");
        }
    }
}

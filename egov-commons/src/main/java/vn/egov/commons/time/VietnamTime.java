package vn.egov.commons.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Vietnam's civil time (UTC+7, no daylight saving): the zone in which the platform's dates are meant —
 * deadlines, receipt years, reconciliation days, the dates shown to people. Instants stay UTC everywhere
 * else; convert at the edge with these few helpers, never with a zone of the machine.
 */
public final class VietnamTime {

    /** {@code Asia/Ho_Chi_Minh}. SQL that needs the same zone writes {@code at time zone 'Asia/Ho_Chi_Minh'}. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {}

    /** Today's date in Vietnam by this clock (a moved business clock moves it too). */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The Vietnamese calendar date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The instant at which this Vietnamese day starts (00:00 in Vietnam). */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** An instant as a date and time in Vietnam. */
    public static ZonedDateTime at(Instant instant) {
        return instant.atZone(ZONE);
    }

    /** A local date and time read as Vietnamese time (e.g. a gateway's {@code yyyyMMddHHmmss}). */
    public static Instant instantOf(LocalDateTime vietnamese) {
        return vietnamese.atZone(ZONE).toInstant();
    }

    /** Now, as a date and time in Vietnam, by this clock. */
    public static ZonedDateTime now(Clock clock) {
        return ZonedDateTime.ofInstant(clock.instant(), ZONE);
    }
}

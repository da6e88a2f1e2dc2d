package vn.egov.portal.desk;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.egov.portal.api.ApiProblemException;

/**
 * A due date as the queue shows it: overdue, due today, due within 2 working days, or later; in words and a colour
 * (never the colour alone). Working days as dossier-service counts them: Monday to Friday, less the calendar's
 * holidays, plus its make-up Saturdays ({@code GET /api/v1/calendar/days}, kept an hour per year: a system
 * administrator may declare a day off at run time, weeks ahead); when the calendar does not answer, weekdays alone.
 */
@Component
class DeadlineColours {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** CSS class and message key suffix. */
    enum Urgency {
        OVERDUE,
        TODAY,
        SOON,
        LATER,
        NONE;

        public String css() {
            return "due-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final DeskApi api;
    private final Clock clock;
    /** How long a year's calendar is kept before it is read again. */
    static final Duration KEPT = Duration.ofHours(1);

    private record Year(Map<LocalDate, String> days, Instant read) {}

    private final Map<Integer, Year> years = new HashMap<>();

    DeadlineColours(DeskApi api) {
        this.api = api;
        this.clock = Clock.system(VIETNAM);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Statuses where the clock runs (a dossier waiting for the applicant, resolved or closed is not urgent). Overdue
     * from the due time {@code dueAt} by the minute, as the API counts it (a limit due at 10:00 is overdue at 10:01, not
     * "due today" until the evening); from the day after the due date when there is no due time.
     */
    Urgency of(LocalDate due, Instant dueAt, String status) {
        if (due == null
                || !(status.equals("RECEIVED") || status.equals("IN_PROCESSING") || status.equals("SUBMITTED"))) {
            return Urgency.NONE;
        }
        LocalDate today = today();
        if (due.isBefore(today) || dueAt != null && clock.instant().isAfter(dueAt)) {
            return Urgency.OVERDUE;
        }
        if (due.isEqual(today)) {
            return Urgency.TODAY;
        }
        LocalDate day = today;
        for (int working = 0; working < 2; ) {
            day = day.plusDays(1);
            if (working(day)) {
                working++;
            }
        }
        return due.isAfter(day) ? Urgency.LATER : Urgency.SOON;
    }

    private boolean working(LocalDate day) {
        String kind = calendar(day.getYear()).get(day);
        if (kind != null) {
            return "WORKDAY".equals(kind);
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private synchronized Map<LocalDate, String> calendar(int year) {
        Year known = years.get(year);
        if (known != null && known.read().plus(KEPT).isAfter(clock.instant())) {
            return known.days();
        }
        Map<LocalDate, String> days = new HashMap<>();
        try {
            api.calendar(year).forEach(d -> days.put(d.day(), d.kind()));
            years.put(year, new Year(days, clock.instant()));
        } catch (ApiProblemException unavailable) {
            // the calendar read last (or weekdays alone) this time; asked again on the next page
            return known != null ? known.days() : days;
        }
        return days;
    }
}

package vn.egov.portal.desk;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.egov.portal.api.ApiProblemException;

/**
 * A due date as the queue shows it: overdue, due today, due within 2 working days, or later; in words and a colour
 * (never the colour alone). Working days as dossier-service counts them: Monday to Friday, less the calendar's
 * holidays, plus its make-up Saturdays ({@code GET /api/v1/calendar/days}, read once per year and kept); when the
 * calendar does not answer, weekdays alone.
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
    private final Map<Integer, Map<LocalDate, String>> years = new HashMap<>();

    DeadlineColours(DeskApi api) {
        this.api = api;
        this.clock = Clock.system(VIETNAM);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Statuses where the clock runs (a dossier waiting for the applicant, resolved or closed is not urgent). */
    Urgency of(LocalDate due, String status) {
        if (due == null
                || !(status.equals("RECEIVED") || status.equals("IN_PROCESSING") || status.equals("SUBMITTED"))) {
            return Urgency.NONE;
        }
        LocalDate today = today();
        if (due.isBefore(today)) {
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
        Map<LocalDate, String> known = years.get(year);
        if (known != null) {
            return known;
        }
        Map<LocalDate, String> days = new HashMap<>();
        try {
            api.calendar(year).forEach(d -> days.put(d.day(), d.kind()));
            years.put(year, days);
        } catch (ApiProblemException unavailable) {
            // weekdays alone this time; asked again on the next page
        }
        return days;
    }
}

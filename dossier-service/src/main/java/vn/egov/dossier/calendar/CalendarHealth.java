package vn.egov.dossier.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.egov.commons.time.VietnamTime;

/**
 * {@code workingCalendar} in {@code /actuator/health}: OUT_OF_SERVICE, with the years, while the calendar lacks a
 * year that due dates computed now can reach (today … today + {@code egov.dossier.deadlines.calendar-horizon}) or
 * that a count already went through; UP otherwise. Why OUT_OF_SERVICE and not DOWN, and why only here: the
 * instance still serves correctly everything but a few due dates, so the probe groups (liveness, readiness: the
 * availability states only) are left alone — restarting it or taking it out of the load balancer would fix nothing
 * and stop every citizen's submission — while the aggregate status that monitoring watches turns non-UP (503) until
 * someone enters the year. A WARN is logged at start for each missing year, and by {@link Deadlines} once per year
 * a count is made in.
 */
@Component("workingCalendar")
class CalendarHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CalendarHealth.class);

    private final Deadlines deadlines;
    private final DeadlineProperties properties;
    private final Clock clock;

    CalendarHealth(Deadlines deadlines, DeadlineProperties properties, Clock clock) {
        this.deadlines = deadlines;
        this.properties = properties;
        this.clock = clock;
    }

    /** The years in [today, today + horizon] without data, and those a count went through blind. */
    Set<Integer> missingYears() {
        WorkingDayCalendar calendar = deadlines.calendar();
        LocalDate today = VietnamTime.today(clock);
        LocalDate until = today.plusDays(properties.calendarHorizon().toDays());
        Set<Integer> missing = new TreeSet<>(deadlines.guessedYears());
        for (int year = today.getYear(); year <= until.getYear(); year++) {
            if (!calendar.covers(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAtStart() {
        for (int year : missingYears()) {
            log.warn(
                    "working-day calendar has no data for {} (needed within {} from today): due dates there would "
                            + "count Monday to Friday only; add the year (migration, or PUT /api/v1/calendar/days)",
                    year,
                    properties.calendarHorizon());
        }
    }

    @Override
    public Health health() {
        Set<Integer> missing = missingYears();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("coveredYears", new ArrayList<>(deadlines.calendar().coveredYears()));
        details.put("missingYears", List.copyOf(missing));
        details.put("horizon", properties.calendarHorizon().toString());
        if (missing.isEmpty()) {
            return Health.up().withDetails(details).build();
        }
        details.put(
                "warning",
                "no calendar data for " + missing + ": due dates there count Monday to Friday only (holidays missed)");
        return Health.outOfService().withDetails(details).build();
    }
}

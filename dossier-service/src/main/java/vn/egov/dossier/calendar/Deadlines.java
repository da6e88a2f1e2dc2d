package vn.egov.dossier.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.commons.time.VietnamTime;

/**
 * The deadline engine as the service uses it: each agency's working hours from configuration, and a loud warning
 * (WARN, once per year and process; the {@code workingCalendar} health) whenever a count runs through a year the
 * calendar has no data for. Not a Spring-managed class on purpose: {@code CalendarConfiguration} builds it, tests
 * build it with plain values.
 */
public class Deadlines {

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

    private final DeadlineEngine engine;
    private final WorkingDayCalendar calendar;
    private final WorkingHours defaultHours;
    private final Map<String, WorkingHours> agencyHours;
    /** Years a count had to guess in since start, each logged once. */
    private final Set<Integer> guessed = ConcurrentHashMap.newKeySet();

    /** Hours an agency has in the database ({@code agency_working_hours}, V20), or empty. */
    private final Function<String, Optional<WorkingHours>> storedHours;

    public Deadlines(WorkingDayCalendar calendar, DeadlineProperties properties) {
        this(calendar, properties, code -> Optional.empty());
    }

    public Deadlines(
            WorkingDayCalendar calendar,
            DeadlineProperties properties,
            Function<String, Optional<WorkingHours>> storedHours) {
        this.calendar = calendar;
        this.storedHours = storedHours;
        this.engine = new DeadlineEngine(calendar, properties.sameDayCutOff());
        this.defaultHours = WorkingHours.parse(properties.workingHours());
        this.agencyHours = properties.agencyWorkingHours().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> WorkingHours.parse(e.getValue())));
    }

    /** The defaults of {@code application.yml}: 07:30–11:30 and 13:30–17:00 for every agency, the 15:00 cut-off. */
    public static Deadlines of(WorkingDayCalendar calendar) {
        return new Deadlines(
                calendar,
                new DeadlineProperties(
                        "07:30-11:30,13:30-17:00",
                        Map.of(),
                        DeadlineEngine.SAME_DAY_CUT_OFF,
                        java.time.Duration.ofDays(60)));
    }

    /**
     * An agency's working hours: {@code agency-working-hours} in configuration when it names the agency (an
     * operator's override), else its row in {@code agency_working_hours}, else {@code working-hours}.
     */
    public WorkingHours hoursOf(String agencyCode) {
        if (agencyCode == null) {
            return defaultHours;
        }
        WorkingHours configured = agencyHours.get(agencyCode);
        if (configured != null) {
            return configured;
        }
        return storedHours.apply(agencyCode).orElse(defaultHours);
    }

    /** The internal steps' due times of a deadline computed here, ending at {@code dueAt} (see the engine). */
    public List<InternalSteps.Due> stepDueTimes(Deadline deadline, Instant dueAt, InternalSteps steps) {
        return engine.stepDueTimes(deadline, dueAt, steps);
    }

    public Deadline due(Instant receivedAt, TimeLimit limit, String agencyCode) {
        Deadline deadline = engine.due(receivedAt, limit, hoursOf(agencyCode));
        for (int year : deadline.yearsWithoutCalendar()) {
            if (guessed.add(year)) {
                log.warn(
                        "working-day calendar has no data for {}: deadlines there count Monday to Friday only and "
                                + "miss that year's holidays; add the year (migration, or PUT /api/v1/calendar/days)",
                        year);
            }
        }
        return deadline;
    }

    /**
     * The due time of an appointment given as a date (an apology's new date, a due date moved by a paused clock):
     * that day's closing at the agency.
     */
    public Instant closingOf(LocalDate day, String agencyCode) {
        return VietnamTime.instantOf(LocalDateTime.of(day, hoursOf(agencyCode).closing()));
    }

    /** Years counted blind since start whose data is still missing (data added since then clears them). */
    public Set<Integer> guessedYears() {
        guessed.removeIf(calendar::covers);
        return Set.copyOf(guessed);
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }
}

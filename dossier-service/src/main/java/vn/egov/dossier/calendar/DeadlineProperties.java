package vn.egov.dossier.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.dossier.deadlines.*}: working hours and the same-day cut-off, kept as configuration because agencies
 * publish them and decrees change them (domain.md). Until one agency registry owns agencies (issue 14 item 1),
 * an agency's own hours are given here by its code.
 *
 * @param workingHours the hours of every agency without its own, {@code "07:30-11:30,13:30-17:00"}
 * @param agencyWorkingHours agency code → its hours (in YAML: {@code "[000.00.01.H26]": "08:00-12:00,13:00-17:00"})
 * @param sameDayCutOff same-day procedures received after it are due the next working day
 * @param calendarHorizon how far ahead the calendar must have data: due dates computed today reach that far, so
 *     a year without data inside [today, today + horizon] makes the {@code workingCalendar} health OUT_OF_SERVICE
 */
@ConfigurationProperties("egov.dossier.deadlines")
public record DeadlineProperties(
        @DefaultValue("07:30-11:30,13:30-17:00") String workingHours,
        Map<String, String> agencyWorkingHours,
        @DefaultValue("15:00") LocalTime sameDayCutOff,
        @DefaultValue("60d") Duration calendarHorizon) {

    public DeadlineProperties {
        agencyWorkingHours = agencyWorkingHours == null ? Map.of() : Map.copyOf(agencyWorkingHours);
        // fail at start, not at the first receipt
        WorkingHours.parse(workingHours);
        agencyWorkingHours.values().forEach(WorkingHours::parse);
    }
}

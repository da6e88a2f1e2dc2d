package vn.egov.dossier.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The calendar, loaded from its reference data at start and kept current afterwards: at once on the
 * instance where an administrator changed it, within {@code egov.dossier.calendar.refresh-interval}
 * on every other instance ({@link CalendarDays#refreshIfChanged()}).
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(JdbcClient jdbc) {
        WorkingDayCalendar calendar = new WorkingDayCalendar(java.util.Set.of(), java.util.Set.of());
        CalendarDays.load(jdbc, calendar);
        return calendar;
    }

    @Bean
    AgencyWorkingHours agencyWorkingHours(JdbcClient jdbc) {
        return new AgencyWorkingHours(jdbc);
    }

    @Bean
    Deadlines deadlines(WorkingDayCalendar calendar, DeadlineProperties properties, AgencyWorkingHours stored) {
        // working hours per agency from V20's table; configuration may still override an agency (decision 37)
        return new Deadlines(calendar, properties, stored::of);
    }
}

package vn.egov.dossier.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** Loads the calendar's reference data once at start (it changes only through a migration). */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(JdbcClient jdbc) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        jdbc.sql("select day, kind from calendar_day").query((rs, i) -> {
            LocalDate day = rs.getDate(1).toLocalDate();
            ("WORKDAY".equals(rs.getString(2)) ? workdays : holidays).add(day);
            return day;
        }).list();
        return new WorkingDayCalendar(holidays, workdays);
    }
}

package vn.egov.dossier.calendar;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs against the shipped reference data: the rows of the V2 migration, parsed here. */
class WorkingDayCalendarTest {

    static WorkingDayCalendar calendar;

    @BeforeAll
    static void loadReferenceData() throws IOException {
        String sql;
        try (InputStream in = WorkingDayCalendarTest.class.getResourceAsStream("/db/migration/V2__working_day_calendar.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        Matcher m = Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKDAY)'").matcher(sql);
        while (m.find()) {
            ("WORKDAY".equals(m.group(2)) ? workdays : holidays).add(LocalDate.parse(m.group(1)));
        }
        assertThat(holidays).hasSizeGreaterThan(30);
        calendar = new WorkingDayCalendar(holidays, workdays);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void skipsTheWeekend() {
        // Friday 2026-11-20 + 1 working day = Monday 23
        assertThat(calendar.addWorkingDays(d("2026-11-20"), 1)).isEqualTo(d("2026-11-23"));
        // received on a Saturday: the next working day is the first
        assertThat(calendar.addWorkingDays(d("2026-11-21"), 1)).isEqualTo(d("2026-11-23"));
        assertThat(calendar.addWorkingDays(d("2026-11-18"), 5)).isEqualTo(d("2026-11-25"));
        assertThat(calendar.addWorkingDays(d("2026-11-18"), 0)).isEqualTo(d("2026-11-18"));
    }

    @Test
    void skipsTet() {
        // Friday 2026-02-13, Tết Bính Ngọ off Mon 16 - Fri 20: next working day Monday 23
        assertThat(calendar.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-23"));
        assertThat(calendar.addWorkingDays(d("2025-01-24"), 3)).isEqualTo(d("2025-02-05"));
        assertThat(calendar.isWorkingDay(d("2027-02-10"))).isFalse();
    }

    @Test
    void skipsVictoryAndLabourDayAndCountsTheMakeUpSaturday() {
        // 2025: Saturday 26/4 is worked, 30/4, 1/5, 2/5 off
        assertThat(calendar.isWorkingDay(d("2025-04-26"))).isTrue();
        assertThat(calendar.addWorkingDays(d("2025-04-25"), 1)).isEqualTo(d("2025-04-26"));
        assertThat(calendar.addWorkingDays(d("2025-04-29"), 1)).isEqualTo(d("2025-05-05"));
        // 2026: Wednesday 29/4 + 2 = Tuesday 5/5 (Thu 30/4, Fri 1/5 off)
        assertThat(calendar.addWorkingDays(d("2026-04-29"), 2)).isEqualTo(d("2026-05-05"));
    }

    @Test
    void skipsNationalDayAndTheDayNextToIt() {
        assertThat(calendar.addWorkingDays(d("2025-08-29"), 1)).isEqualTo(d("2025-09-03"));
        assertThat(calendar.addWorkingDays(d("2027-09-01"), 1)).isEqualTo(d("2027-09-06"));
    }

    @Test
    void crossesTheYearEndWithTheNewYearBridge() {
        // Wed 2025-12-31 + 1: Thu 1/1 and Fri 2/1/2026 off, Sat 3 and Sun 4 weekend → Mon 5/1
        assertThat(calendar.addWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-05"));
        // Friday 9/1/2026 + 1 = the make-up Saturday 10/1
        assertThat(calendar.addWorkingDays(d("2026-01-09"), 1)).isEqualTo(d("2026-01-10"));
    }

    @Test
    void countsElapsedWorkingDaysForThePausedClock() {
        assertThat(calendar.workingDaysBetween(d("2026-11-20"), d("2026-11-24"))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(d("2026-11-24"), d("2026-11-24"))).isZero();
        assertThat(calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-23"))).isEqualTo(1);
    }
}

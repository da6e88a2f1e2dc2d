package vn.egov.dossier.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import vn.egov.commons.time.VietnamTime;
import vn.egov.dossier.calendar.Deadline.Kind;
import vn.egov.dossier.calendar.Deadline.Reason;
import vn.egov.dossier.calendar.Deadline.Step;
import vn.egov.dossier.calendar.TimeLimit.Unit;

/**
 * The deadline engine on the shipped calendar (the migrations' rows, {@link ShippedCalendar}) and the default
 * working hours 07:30–11:30, 13:30–17:00: a table of legal scenarios, then the explanation and the missing year.
 */
class DeadlineEngineTest {

    static final WorkingDayCalendar CALENDAR = ShippedCalendar.calendar();
    static final DeadlineEngine ENGINE = new DeadlineEngine(CALENDAR);

    static Instant vn(String localDateTime) {
        return VietnamTime.instantOf(LocalDateTime.parse(localDateTime));
    }

    static Deadline due(String received, int amount, Unit unit) {
        return ENGINE.due(vn(received), new TimeLimit(amount, unit, null), WorkingHours.DEFAULT);
    }

    @ParameterizedTest(name = "{0}: received {1}, {2} {3} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # 1.001193 birth registration, same day (Luật Hộ tịch 2014, Điều 16 khoản 1)
            birth registration before 15:00                 | 2026-02-13T10:00 | 0  | SAME_DAY      | 2026-02-13T17:00
            birth registration after 15:00, Tết 16-20/2     | 2026-02-13T16:00 | 0  | SAME_DAY      | 2026-02-23T17:00
            at 15:00 sharp is not after 15:00               | 2026-11-12T15:00 | 0  | SAME_DAY      | 2026-11-12T17:00
            one minute after the cut-off                    | 2026-11-12T15:01 | 0  | SAME_DAY      | 2026-11-13T17:00
            same day, received in the lunch break           | 2026-11-12T12:00 | 0  | SAME_DAY      | 2026-11-12T17:00
            same day, received on a Sunday                  | 2026-11-15T09:00 | 0  | SAME_DAY      | 2026-11-16T17:00
            same day, received before opening               | 2026-11-12T06:45 | 0  | SAME_DAY      | 2026-11-12T17:00
            same day, received after closing on a Friday    | 2026-11-13T18:30 | 0  | SAME_DAY      | 2026-11-16T17:00
            # working hours
            4 working hours from 15:30                      | 2026-11-12T15:30 | 4  | WORKING_HOURS | 2026-11-13T10:00
            4 working hours from Friday 15:30               | 2026-11-13T15:30 | 4  | WORKING_HOURS | 2026-11-16T10:00
            4 working hours from the lunch break            | 2026-11-12T12:00 | 4  | WORKING_HOURS | 2026-11-13T08:00
            4 working hours ending with the morning         | 2026-11-12T07:30 | 4  | WORKING_HOURS | 2026-11-12T11:30
            4 working hours from a Sunday                   | 2026-11-15T10:00 | 4  | WORKING_HOURS | 2026-11-16T11:30
            8 working hours before Tết                      | 2026-02-13T09:00 | 8  | WORKING_HOURS | 2026-02-23T09:30
            # half-days: the half-day of receipt does not count
            1 half-day received in the morning              | 2026-11-12T09:00 | 1  | HALF_DAYS     | 2026-11-12T17:00
            2 half-days received in the morning             | 2026-11-12T09:00 | 2  | HALF_DAYS     | 2026-11-13T11:30
            1 half-day received in the lunch break          | 2026-11-12T12:00 | 1  | HALF_DAYS     | 2026-11-12T17:00
            1 half-day received in the afternoon            | 2026-11-12T14:00 | 1  | HALF_DAYS     | 2026-11-13T11:30
            1 half-day received on a Saturday               | 2026-11-14T09:00 | 1  | HALF_DAYS     | 2026-11-16T11:30
            # whole working days: the day of receipt never counts (as before this engine)
            10 days across 30/4-1/5 and make-up Sat 26/4/2025 | 2025-04-24T10:00 | 10 | WORKING_DAYS  | 2025-05-12T17:00
            10 days across Hùng Kings 27/4 and 30/4-1/5/2026  | 2026-04-22T10:00 | 10 | WORKING_DAYS  | 2026-05-11T17:00
            1 day on a make-up Saturday (10/1/2026)         | 2026-01-09T10:00 | 1  | WORKING_DAYS  | 2026-01-10T17:00
            3 days across Tết 2026                          | 2026-02-12T10:00 | 3  | WORKING_DAYS  | 2026-02-24T17:00
            3 days received on a Sunday                     | 2026-11-15T09:00 | 3  | WORKING_DAYS  | 2026-11-18T17:00
            1 day received after closing                    | 2026-11-16T18:00 | 1  | WORKING_DAYS  | 2026-11-17T17:00
            1 day received in the lunch break               | 2026-11-16T12:00 | 1  | WORKING_DAYS  | 2026-11-17T17:00
            15 days across the year end                     | 2026-12-24T10:00 | 15 | WORKING_DAYS  | 2027-01-15T17:00
            0 days is the same day                          | 2026-11-16T10:00 | 0  | WORKING_DAYS  | 2026-11-16T17:00
            """)
    void legalScenarios(String scenario, String received, int amount, Unit unit, String due) {
        Deadline deadline = due(received, amount, unit);
        assertThat(VietnamTime.at(deadline.dueAt()).toLocalDateTime())
                .as(scenario)
                .isEqualTo(LocalDateTime.parse(due));
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.parse(due.substring(0, 10)));
        assertThat(deadline.yearsWithoutCalendar()).isEmpty();
    }

    @Test
    void wholeWorkingDaysGiveTheSameDatesAsTheCalendarDid() {
        // the old rule (addWorkingDays from the Vietnamese date of receipt) at every hour of two months
        for (LocalDateTime t = LocalDateTime.parse("2026-01-01T00:00");
                t.isBefore(LocalDateTime.parse("2026-03-01T00:00"));
                t = t.plusMinutes(97)) {
            for (int n : new int[] {1, 5, 10}) {
                Deadline deadline =
                        ENGINE.due(VietnamTime.instantOf(t), TimeLimit.workingDays(n), WorkingHours.DEFAULT);
                assertThat(deadline.dueDate()).as(t + " + " + n).isEqualTo(CALENDAR.addWorkingDays(t.toLocalDate(), n));
            }
        }
    }

    @Test
    void theExplanationNamesEveryDayWithItsReasonAndSource() {
        Deadline deadline = ENGINE.due(
                vn("2026-02-13T16:00"),
                new TimeLimit(1, Unit.SAME_DAY, "Luật Hộ tịch 2014, Điều 16 khoản 1"),
                WorkingHours.DEFAULT);

        assertThat(deadline.steps())
                .extracting(Step::day, Step::kind, Step::reason)
                .containsExactly(
                        tuple(LocalDate.parse("2026-02-13"), Kind.RECEIVED, Reason.AFTER_CUT_OFF),
                        tuple(LocalDate.parse("2026-02-14"), Kind.SKIPPED, Reason.SATURDAY),
                        tuple(LocalDate.parse("2026-02-15"), Kind.SKIPPED, Reason.SUNDAY),
                        tuple(LocalDate.parse("2026-02-16"), Kind.SKIPPED, Reason.HOLIDAY),
                        tuple(LocalDate.parse("2026-02-17"), Kind.SKIPPED, Reason.HOLIDAY),
                        tuple(LocalDate.parse("2026-02-18"), Kind.SKIPPED, Reason.HOLIDAY),
                        tuple(LocalDate.parse("2026-02-19"), Kind.SKIPPED, Reason.HOLIDAY),
                        tuple(LocalDate.parse("2026-02-20"), Kind.SKIPPED, Reason.HOLIDAY),
                        tuple(LocalDate.parse("2026-02-21"), Kind.SKIPPED, Reason.SATURDAY),
                        tuple(LocalDate.parse("2026-02-22"), Kind.SKIPPED, Reason.SUNDAY),
                        tuple(LocalDate.parse("2026-02-23"), Kind.COUNTED, Reason.WORKING_DAY));
        Step received = deadline.steps().get(0);
        assertThat(received.from()).isEqualTo(LocalTime.of(16, 0));
        assertThat(received.source()).isEqualTo("Luật Hộ tịch 2014, Điều 16 khoản 1");
        Step tet = deadline.steps().get(4);
        assertThat(tet.name()).isEqualTo("Tết Nguyên đán Bính Ngọ (mùng 1)");
        assertThat(tet.source()).contains("Bộ luật Lao động 2019, Điều 112", "Bộ Nội vụ");
        assertThat(deadline.steps().get(1).source()).isEqualTo(DeadlineEngine.WEEKEND_SOURCE);
        Step due = deadline.steps().get(10);
        assertThat(due.from()).isEqualTo(LocalTime.of(7, 30));
        assertThat(due.to()).isEqualTo(LocalTime.of(17, 0));
        assertThat(due.counted()).isEqualTo(Duration.ofHours(7).plusMinutes(30));
        assertThat(deadline.countedFrom()).isEqualTo(vn("2026-02-13T16:00"));
    }

    @Test
    void aMakeUpSaturdayIsCountedWithItsSource() {
        Deadline deadline = due("2026-01-09T10:00", 1, Unit.WORKING_DAYS);
        assertThat(deadline.steps())
                .extracting(Step::kind, Step::reason, Step::total)
                .containsExactly(
                        tuple(Kind.RECEIVED, Reason.RECEIPT_DAY_NOT_COUNTED, 0),
                        tuple(Kind.COUNTED, Reason.MAKE_UP_WORKDAY, 1));
        assertThat(deadline.steps().get(0).source()).isEqualTo(DeadlineEngine.CIVIL_CODE_DAYS);
        assertThat(deadline.steps().get(1).name()).isEqualTo("Làm bù cho ngày 02/01/2026");
        assertThat(deadline.steps().get(1).source()).startsWith("Công văn 12729/VPCP-KGVX");
    }

    @Test
    void hoursAreExplainedPerDayWithTheTimesCounted() {
        Deadline deadline = due("2026-11-12T15:30", 4, Unit.WORKING_HOURS);
        assertThat(deadline.steps())
                .extracting(Step::day, Step::kind, Step::from, Step::to, Step::counted, Step::total)
                .containsExactly(
                        tuple(
                                LocalDate.parse("2026-11-12"),
                                Kind.RECEIVED,
                                LocalTime.of(15, 30),
                                null,
                                Duration.ZERO,
                                0),
                        tuple(
                                LocalDate.parse("2026-11-12"),
                                Kind.COUNTED,
                                LocalTime.of(15, 30),
                                LocalTime.of(17, 0),
                                Duration.ofMinutes(90),
                                1),
                        tuple(
                                LocalDate.parse("2026-11-13"),
                                Kind.COUNTED,
                                LocalTime.of(7, 30),
                                LocalTime.of(10, 0),
                                Duration.ofMinutes(150),
                                4));
    }

    @Test
    void anAgencysOwnHoursAreUsed() {
        WorkingHours ward = WorkingHours.parse("08:00-12:00,13:00-17:30");
        Deadline deadline = ENGINE.due(vn("2026-11-12T16:00"), new TimeLimit(4, Unit.WORKING_HOURS, null), ward);
        assertThat(VietnamTime.at(deadline.dueAt()).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-11-13T10:30"));
        Deadlines deadlines = new Deadlines(
                CALENDAR,
                new DeadlineProperties(
                        "07:30-11:30,13:30-17:00",
                        Map.of("000.00.01.H26", "08:00-12:00,13:00-17:30"),
                        LocalTime.of(15, 0),
                        Duration.ofDays(60)));
        assertThat(deadlines.hoursOf("000.00.01.H26")).isEqualTo(ward);
        assertThat(deadlines.hoursOf("000.00.11.H26")).isEqualTo(WorkingHours.DEFAULT);
        assertThat(deadlines.closingOf(LocalDate.parse("2026-11-13"), "000.00.01.H26"))
                .isEqualTo(vn("2026-11-13T17:30"));
    }

    @Test
    void aYearWithoutCalendarDataIsReportedNotGuessedSilently() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(Deadlines.class);
        logger.addAppender(logged);
        try {
            Deadlines deadlines = Deadlines.of(CALENDAR);
            // 2028 has no rows: counted Monday to Friday, and said so
            Deadline deadline = deadlines.due(vn("2027-12-29T10:00"), TimeLimit.workingDays(5), "000.00.01.H26");
            assertThat(deadline.dueDate()).isEqualTo(LocalDate.parse("2028-01-05"));
            assertThat(deadline.yearsWithoutCalendar()).containsExactly(2028);
            assertThat(deadline.guessed()).isTrue();
            assertThat(deadline.steps())
                    .filteredOn(s -> s.day().getYear() == 2028)
                    .isNotEmpty()
                    .allMatch(Step::calendarMissing);
            assertThat(deadline.steps())
                    .filteredOn(s -> s.day().getYear() == 2027)
                    .noneMatch(Step::calendarMissing);
            deadlines.due(vn("2028-03-01T10:00"), TimeLimit.workingDays(1), null);

            // loud, but once per year
            assertThat(logged.list)
                    .filteredOn(e -> e.getLevel() == Level.WARN)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("no data for 2028"));
            assertThat(deadlines.guessedYears()).containsExactly(2028);

            // the year entered: nothing guessed any more
            Map<LocalDate, ShippedCalendar.Row> rows = new java.util.TreeMap<>(ShippedCalendar.rows());
            rows.put(
                    LocalDate.parse("2028-01-03"),
                    new ShippedCalendar.Row("HOLIDAY", "Nghỉ bù Tết Dương lịch", "test"));
            WorkingDayCalendar withNextYear = ShippedCalendar.calendar(rows);
            assertThat(Deadlines.of(withNextYear)
                            .due(vn("2027-12-29T10:00"), TimeLimit.workingDays(5), null)
                            .yearsWithoutCalendar())
                    .isEmpty();
        } finally {
            logger.detachAppender(logged);
        }
    }

    @Test
    void healthIsOutOfServiceWhileAYearWithinTheHorizonHasNoData() {
        Deadlines deadlines = Deadlines.of(CALENDAR);
        DeadlineProperties properties =
                new DeadlineProperties("07:30-11:30,13:30-17:00", Map.of(), LocalTime.of(15, 0), Duration.ofDays(60));

        Health now = new CalendarHealth(deadlines, properties, at("2026-12-04T10:00")).health();
        assertThat(now.getStatus()).isEqualTo(Status.UP);
        assertThat(now.getDetails()).containsEntry("missingYears", List.of());
        assertThat(now.getDetails().get("coveredYears")).isEqualTo(List.of(2025, 2026, 2027));

        // 15/11/2027 + 60 days reaches 2028, which has no rows
        Health late = new CalendarHealth(deadlines, properties, at("2027-11-15T10:00")).health();
        assertThat(late.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(late.getDetails()).containsEntry("missingYears", List.of(2028));
        assertThat((String) late.getDetails().get("warning")).contains("2028", "Monday to Friday");

        // a count already made in a year without data keeps it non-UP whatever today is
        deadlines.due(vn("2029-06-01T10:00"), TimeLimit.workingDays(1), null);
        Health after = new CalendarHealth(deadlines, properties, at("2026-12-04T10:00")).health();
        assertThat(after.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(after.getDetails()).containsEntry("missingYears", List.of(2029));
    }

    static Clock at(String vietnamese) {
        return Clock.fixed(vn(vietnamese), VietnamTime.ZONE);
    }

    /** Each step's due time in Vietnam time, in order. */
    static List<LocalDateTime> stepsDue(Deadline deadline, Instant dueAt, InternalSteps steps) {
        return ENGINE.stepDueTimes(deadline, dueAt, steps).stream()
                .map(d -> VietnamTime.at(d.dueAt()).toLocalDateTime())
                .toList();
    }

    @ParameterizedTest(name = "{0}: received {1}, {2} {3} → steps due {4}")
    @CsvSource(delimiter = '|', textBlock = """
            same day from 10:00: 300 minutes           | 2026-02-13T10:00 | 0  | SAME_DAY      | 2026-02-13T10:30 2026-02-13T15:30 2026-02-13T16:30 2026-02-13T17:00
            4 working hours from 15:30                 | 2026-11-12T15:30 | 4  | WORKING_HOURS | 2026-11-12T15:54 2026-11-13T08:48 2026-11-13T09:36 2026-11-13T10:00
            10 days: a step ends with a day's closing  | 2026-11-11T10:00 | 10 | WORKING_DAYS  | 2026-11-12T17:00 2026-11-20T17:00 2026-11-24T17:00 2026-11-25T17:00
            3 days across Tết 2026                     | 2026-02-12T10:00 | 3  | WORKING_DAYS  | 2026-02-13T09:45 2026-02-24T08:15 2026-02-24T14:45 2026-02-24T17:00
            2 half-days from the morning               | 2026-11-12T09:00 | 2  | HALF_DAYS     | 2026-11-12T14:15 2026-11-13T09:15 2026-11-13T10:45 2026-11-13T11:30
            """)
    void internalStepsShareTheCountedWorkingTime(String scenario, String received, int amount, Unit unit, String due) {
        Deadline deadline = due(received, amount, unit);
        assertThat(stepsDue(deadline, deadline.dueAt(), InternalSteps.DEFAULT))
                .as(scenario)
                .containsExactlyElementsOf(java.util.Arrays.stream(due.split(" "))
                        .map(LocalDateTime::parse)
                        .toList());
    }

    @Test
    void aMovedDueTimeStretchesTheStepsOverTheWorkingDaysAdded() {
        // same day on Friday 13/2/2026 at 10:00, moved by an apology to Tuesday 24/2 17:00 (after Tết): 300 + 450 +
        // 450 working minutes; 10% = 120 → 14:00 on the 13th; 70% = 840 → 24/2 09:00; 90% = 1080 → 24/2 15:00
        Deadline deadline = due("2026-02-13T10:00", 0, Unit.SAME_DAY);
        assertThat(stepsDue(deadline, vn("2026-02-24T17:00"), InternalSteps.DEFAULT))
                .containsExactly(
                        LocalDateTime.parse("2026-02-13T14:00"),
                        LocalDateTime.parse("2026-02-24T09:00"),
                        LocalDateTime.parse("2026-02-24T15:00"),
                        LocalDateTime.parse("2026-02-24T17:00"));
    }

    @Test
    void sharesAddUpToAHundredInOrder() {
        var receiving = new InternalSteps.Share(InternalSteps.Step.RECEIVING, 50, "a", "a");
        var returning = new InternalSteps.Share(InternalSteps.Step.RETURNING, 40, "b", "b");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new InternalSteps(List.of(receiving, returning)))
                .withMessageContaining("100");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new InternalSteps(List.of(
                        new InternalSteps.Share(InternalSteps.Step.RETURNING, 50, "b", "b"),
                        new InternalSteps.Share(InternalSteps.Step.RECEIVING, 50, "a", "a"))))
                .withMessageContaining("order");
    }

    @Test
    void configurationOverridesStoredHoursWhichOverrideTheDefault() {
        WorkingHours stored = WorkingHours.parse("07:00-11:00,13:00-16:30");
        WorkingHours configured = WorkingHours.parse("08:00-12:00,13:00-17:30");
        Deadlines deadlines = new Deadlines(
                CALENDAR,
                new DeadlineProperties(
                        "07:30-11:30,13:30-17:00",
                        Map.of("000.00.01.H26", "08:00-12:00,13:00-17:30"),
                        LocalTime.of(15, 0),
                        Duration.ofDays(60)),
                code -> code.startsWith("000.00.0") ? java.util.Optional.of(stored) : java.util.Optional.empty());
        assertThat(deadlines.hoursOf("000.00.01.H26")).isEqualTo(configured);
        assertThat(deadlines.hoursOf("000.00.02.H26")).isEqualTo(stored);
        assertThat(deadlines.hoursOf("000.00.11.H26")).isEqualTo(WorkingHours.DEFAULT);
        // the stored hours count: 4 working hours from 15:30 at an agency closing at 16:30 → 1 h, then 3 h from 07:00
        Deadline deadline =
                deadlines.due(vn("2026-11-12T15:30"), new TimeLimit(4, Unit.WORKING_HOURS, null), "000.00.02.H26");
        assertThat(VietnamTime.at(deadline.dueAt()).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-11-13T10:00"));
    }
}

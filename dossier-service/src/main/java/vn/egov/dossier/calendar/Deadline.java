package vn.egov.dossier.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A due time and why: every day from the receipt to the due day, counted or skipped, with its reason and the
 * text it rests on. Computed by {@link DeadlineEngine}; worded for people by the reader (Vietnamese or English).
 *
 * @param receivedAt when the time started (the instant of receipt)
 * @param countedFrom the first working instant counted: {@code receivedAt} itself inside working hours, else the
 *     start of the next working period
 * @param dueAt the due time; {@code dueDate} is its date in Vietnam (the appointment date on the receipt)
 * @param yearsWithoutCalendar years the count went through that the calendar has no data for: there only Monday
 *     to Friday counted, which may be wrong (a holiday missed). Empty when the count is on data.
 */
public record Deadline(
        Instant receivedAt,
        Instant countedFrom,
        TimeLimit limit,
        WorkingHours hours,
        Instant dueAt,
        LocalDate dueDate,
        List<Step> steps,
        Set<Integer> yearsWithoutCalendar) {

    public Deadline {
        steps = List.copyOf(steps);
        yearsWithoutCalendar = Set.copyOf(yearsWithoutCalendar);
    }

    public enum Kind {
        /** The day of receipt, and what it means for the count. */
        RECEIVED,
        /** A working day, or part of one, that counts against the time limit. */
        COUNTED,
        /** A day that does not count: weekend or holiday. */
        SKIPPED
    }

    public enum Reason {
        /** Received inside working hours. */
        IN_WORKING_HOURS,
        /** Received before the opening, in the lunch break or after the closing: counted from the next period. */
        OUTSIDE_WORKING_HOURS,
        /** Received on a weekend or holiday: counted from the next working day. */
        NOT_A_WORKING_DAY,
        /** Whole days: the day of receipt itself is not counted (Bộ luật Dân sự 2015, Điều 147). */
        RECEIPT_DAY_NOT_COUNTED,
        /** Same-day procedure received at or before the cut-off: due the same working day. */
        BEFORE_CUT_OFF,
        /** Same-day procedure received after the cut-off: due the next working day. */
        AFTER_CUT_OFF,
        /** Half-days: the half-day of receipt is not counted. */
        RECEIPT_PERIOD_NOT_COUNTED,
        WORKING_DAY,
        /** A Saturday or Sunday worked to make up for a swapped day (làm bù). */
        MAKE_UP_WORKDAY,
        SATURDAY,
        SUNDAY,
        /** A weekday off: public holiday, Tết, substitute or swapped day off. */
        HOLIDAY
    }

    /**
     * One day of the explanation.
     *
     * @param from the first counted time that day (null when nothing counted)
     * @param to the last counted time that day
     * @param counted working time counted that day
     * @param total units counted up to and including this day (days, half-days or whole hours), 0 when none
     * @param name the calendar's name for a holiday or make-up day, or null
     * @param source the legal source of the reason (calendar row, rule, or the procedure's time limit), or null
     * @param calendarMissing the calendar has no data for this day's year: the weekday rule was applied blind
     */
    public record Step(
            LocalDate day,
            Kind kind,
            Reason reason,
            LocalTime from,
            LocalTime to,
            Duration counted,
            int total,
            String name,
            String source,
            boolean calendarMissing) {}

    public boolean guessed() {
        return !yearsWithoutCalendar.isEmpty();
    }
}

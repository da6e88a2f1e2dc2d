package vn.egov.dossier.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.egov.commons.time.VietnamTime;
import vn.egov.dossier.calendar.Deadline.Kind;
import vn.egov.dossier.calendar.Deadline.Reason;
import vn.egov.dossier.calendar.Deadline.Step;

/**
 * Due times in working time: from the instant of receipt, a {@link TimeLimit} counted in an agency's
 * {@link WorkingHours} on the {@link WorkingDayCalendar}'s working days. Plain Java (no Spring); the rules, with
 * examples, are in the module README ("Deadlines in working time") and decision 25:
 * <ul>
 *   <li>Whole working days: the day of receipt is not counted; due at the closing of the n-th working day after
 *       it (Bộ luật Dân sự 2015, Điều 147–148). Received on a day off or outside hours gives the same answer.
 *   <li>Same day: received by the cut-off (15:00) on a working day → that day's closing; after it → the next
 *       working day's closing (e.g. Luật Hộ tịch 2014, Điều 16 khoản 1 for birth registration).
 *   <li>Working hours and half-days: counted from the instant of receipt inside a working period, or from the
 *       start of the next period when received outside one (lunch, evening, day off); for half-days the period
 *       of receipt itself is not counted, as the day of receipt for days.
 * </ul>
 * A year the calendar has no data for is counted Monday to Friday and reported in
 * {@link Deadline#yearsWithoutCalendar()}: never a silent guess.
 */
public final class DeadlineEngine {

    /** The customary cut-off for same-day procedures (received after it → next working day). */
    public static final LocalTime SAME_DAY_CUT_OFF = LocalTime.of(15, 0);

    /** Why Saturdays and Sundays are not worked by agencies: the 40-hour week of cadres and civil servants. */
    public static final String WEEKEND_SOURCE = "Quyết định 188/1999/QĐ-TTg (tuần làm việc 40 giờ)";

    /** The first day of a time limit in days is not counted; a limit ends with its last day. */
    public static final String CIVIL_CODE_DAYS = "Bộ luật Dân sự 2015, Điều 147–148";

    private final WorkingDayCalendar calendar;
    private final LocalTime sameDayCutOff;

    public DeadlineEngine(WorkingDayCalendar calendar) {
        this(calendar, SAME_DAY_CUT_OFF);
    }

    public DeadlineEngine(WorkingDayCalendar calendar, LocalTime sameDayCutOff) {
        this.calendar = calendar;
        this.sameDayCutOff = sameDayCutOff;
    }

    public Deadline due(Instant receivedAt, TimeLimit limit, WorkingHours hours) {
        Walk walk = new Walk(hours);
        LocalDateTime received = LocalDateTime.ofInstant(receivedAt, VietnamTime.ZONE);
        LocalDateTime countedFrom = walk.countedFrom(received);
        LocalDateTime due = switch (limit.amount() == 0 && limit.unit() == TimeLimit.Unit.WORKING_DAYS
                ? TimeLimit.Unit.SAME_DAY
                : limit.unit()) {
            case WORKING_DAYS -> walk.days(received, limit.amount());
            case SAME_DAY -> walk.sameDay(received, countedFrom, limit.source());
            case HALF_DAYS -> walk.halfDays(received, countedFrom, limit.amount());
            case WORKING_HOURS -> walk.hours(received, countedFrom, Duration.ofHours(limit.amount()));
        };
        return new Deadline(
                receivedAt,
                VietnamTime.instantOf(countedFrom),
                limit,
                hours,
                VietnamTime.instantOf(due),
                due.toLocalDate(),
                walk.steps,
                walk.missing);
    }

    /**
     * The internal steps' due times inside a computed deadline: the working time from the first counted instant
     * (the opening of the first counted day for days, the receipt inside hours for hours) to {@code dueAt} — the
     * engine's answer, or the dossier's due time after a paused clock or an apology — split by the cumulative
     * shares, truncated to the minute. The last step always ends at {@code dueAt}; a step whose end falls exactly on a
     * period's end is due then (11:30), not at the next opening.
     */
    public List<InternalSteps.Due> stepDueTimes(Deadline deadline, Instant dueAt, InternalSteps steps) {
        LocalDateTime start = deadline.steps().stream()
                .filter(s -> s.kind() == Kind.COUNTED && s.from() != null)
                .findFirst()
                .map(s -> s.day().atTime(s.from()))
                .orElse(LocalDateTime.ofInstant(deadline.countedFrom(), VietnamTime.ZONE));
        LocalDateTime end = LocalDateTime.ofInstant(dueAt, VietnamTime.ZONE);
        List<LocalDateTime[]> intervals = new ArrayList<>();
        Duration total = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (WorkingHours.Period p : deadline.hours().periods()) {
                LocalDateTime from = max(day.atTime(p.start()), start);
                LocalDateTime to = min(day.atTime(p.end()), end);
                if (from.isBefore(to)) {
                    intervals.add(new LocalDateTime[] {from, to});
                    total = total.plus(Duration.between(from, to));
                }
            }
        }
        List<InternalSteps.Due> due = new ArrayList<>();
        int cumulative = 0;
        for (InternalSteps.Share share : steps.shares()) {
            cumulative += share.percent();
            LocalDateTime at = cumulative >= 100 || intervals.isEmpty()
                    ? end
                    // to the minute, as a control sheet shows it (the receipt itself carries seconds)
                    : within(intervals, total.multipliedBy(cumulative).dividedBy(100))
                            .truncatedTo(ChronoUnit.MINUTES);
            due.add(new InternalSteps.Due(share, cumulative, VietnamTime.instantOf(at)));
        }
        return due;
    }

    private static LocalDateTime within(List<LocalDateTime[]> intervals, Duration offset) {
        Duration left = offset;
        for (LocalDateTime[] interval : intervals) {
            Duration length = Duration.between(interval[0], interval[1]);
            if (left.compareTo(length) <= 0) {
                return interval[0].plus(left);
            }
            left = left.minus(length);
        }
        return intervals.get(intervals.size() - 1)[1];
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    /** One computation: the steps as they are walked, and the years met without calendar data. */
    private final class Walk {

        final WorkingHours hours;
        final List<Step> steps = new ArrayList<>();
        final Set<Integer> missing = new TreeSet<>();

        Walk(WorkingHours hours) {
            this.hours = hours;
        }

        boolean working(LocalDate day) {
            if (!calendar.covers(day.getYear())) {
                missing.add(day.getYear());
            }
            return calendar.isWorkingDay(day);
        }

        boolean blind(LocalDate day) {
            return !calendar.covers(day.getYear());
        }

        /** The received instant itself when inside a working period, else the start of the next period. */
        LocalDateTime countedFrom(LocalDateTime received) {
            LocalDate day = received.toLocalDate();
            if (working(day)) {
                for (WorkingHours.Period p : hours.periods()) {
                    if (received.toLocalTime().isBefore(p.start())) {
                        return day.atTime(p.start());
                    }
                    if (received.toLocalTime().isBefore(p.end())) {
                        return received;
                    }
                }
            }
            LocalDate next = day.plusDays(1);
            while (!calendar.isWorkingDay(next)) {
                next = next.plusDays(1);
            }
            return next.atTime(hours.opening());
        }

        /** The next working day after {@code day}, recording each day skipped on the way. */
        LocalDate nextWorkingDay(LocalDate day) {
            LocalDate next = day.plusDays(1);
            while (!working(next)) {
                skipped(next);
                next = next.plusDays(1);
            }
            return next;
        }

        void skipped(LocalDate day) {
            if (calendar.isHoliday(day)) {
                var note = calendar.note(day);
                steps.add(new Step(
                        day,
                        Kind.SKIPPED,
                        Reason.HOLIDAY,
                        null,
                        null,
                        Duration.ZERO,
                        0,
                        note.map(WorkingDayCalendar.Note::name).orElse(null),
                        note.map(WorkingDayCalendar.Note::source).orElse(null),
                        blind(day)));
            } else {
                steps.add(new Step(
                        day,
                        Kind.SKIPPED,
                        day.getDayOfWeek() == DayOfWeek.SATURDAY ? Reason.SATURDAY : Reason.SUNDAY,
                        null,
                        null,
                        Duration.ZERO,
                        0,
                        null,
                        WEEKEND_SOURCE,
                        blind(day)));
            }
        }

        void counted(LocalDate day, LocalTime from, LocalTime to, Duration counted, int total) {
            boolean makeUp = calendar.isMakeUpWorkday(day);
            var note = makeUp ? calendar.note(day) : java.util.Optional.<WorkingDayCalendar.Note>empty();
            steps.add(new Step(
                    day,
                    Kind.COUNTED,
                    makeUp ? Reason.MAKE_UP_WORKDAY : Reason.WORKING_DAY,
                    from,
                    to,
                    counted,
                    total,
                    note.map(WorkingDayCalendar.Note::name).orElse(null),
                    note.map(WorkingDayCalendar.Note::source).orElse(null),
                    blind(day)));
        }

        void received(LocalDateTime received, Reason reason, String source) {
            LocalDate day = received.toLocalDate();
            var note = calendar.note(day);
            steps.add(new Step(
                    day,
                    Kind.RECEIVED,
                    reason,
                    received.toLocalTime(),
                    null,
                    Duration.ZERO,
                    0,
                    note.map(WorkingDayCalendar.Note::name).orElse(null),
                    source != null
                            ? source
                            : note.map(WorkingDayCalendar.Note::source).orElse(null),
                    blind(day)));
        }

        /** How the receipt itself is placed: on a day off, outside hours, or inside them. */
        Reason placement(LocalDateTime received, LocalDateTime countedFrom) {
            if (!working(received.toLocalDate())) {
                return Reason.NOT_A_WORKING_DAY;
            }
            return countedFrom.equals(received) ? Reason.IN_WORKING_HOURS : Reason.OUTSIDE_WORKING_HOURS;
        }

        LocalDateTime days(LocalDateTime received, int n) {
            LocalDate day = received.toLocalDate();
            working(day);
            received(received, Reason.RECEIPT_DAY_NOT_COUNTED, CIVIL_CODE_DAYS);
            for (int total = 1; total <= n; total++) {
                day = nextWorkingDay(day);
                counted(day, hours.opening(), hours.closing(), hours.day(), total);
            }
            return day.atTime(hours.closing());
        }

        LocalDateTime sameDay(LocalDateTime received, LocalDateTime countedFrom, String source) {
            Reason placement = placement(received, countedFrom);
            LocalDate day = countedFrom.toLocalDate();
            if (placement == Reason.IN_WORKING_HOURS) {
                boolean late = received.toLocalTime().isAfter(sameDayCutOff);
                received(received, late ? Reason.AFTER_CUT_OFF : Reason.BEFORE_CUT_OFF, source);
                if (late) {
                    day = nextWorkingDay(day);
                    counted(day, hours.opening(), hours.closing(), hours.day(), 1);
                } else {
                    counted(day, received.toLocalTime(), hours.closing(), working(day, received.toLocalTime()), 1);
                }
                return day.atTime(hours.closing());
            }
            received(received, placement, null);
            day = received.toLocalDate();
            if (!countedFrom.toLocalDate().equals(day)) {
                day = nextWorkingDay(day);
            }
            LocalTime from = countedFrom.toLocalTime();
            if (from.isAfter(sameDayCutOff)) {
                // an agency whose afternoon opens after the cut-off: received in its lunch break counts as late
                day = nextWorkingDay(day);
                from = hours.opening();
            }
            counted(day, from, hours.closing(), working(day, from), 1);
            return day.atTime(hours.closing());
        }

        /** Working time of a working day from {@code from} to the closing. */
        Duration working(LocalDate day, LocalTime from) {
            Duration total = Duration.ZERO;
            for (WorkingHours.Period p : hours.periods()) {
                if (p.end().isAfter(from)) {
                    total = total.plus(Duration.between(from.isAfter(p.start()) ? from : p.start(), p.end()));
                }
            }
            return total;
        }

        LocalDateTime halfDays(LocalDateTime received, LocalDateTime countedFrom, int n) {
            Reason placement = placement(received, countedFrom);
            received(
                    received,
                    placement == Reason.IN_WORKING_HOURS ? Reason.RECEIPT_PERIOD_NOT_COUNTED : placement,
                    null);
            LocalDate day = received.toLocalDate();
            if (!countedFrom.toLocalDate().equals(day)) {
                day = nextWorkingDay(day);
            }
            // the first period that counts on that day
            int index = 0;
            List<WorkingHours.Period> periods = hours.periods();
            while (index < periods.size() && !periods.get(index).end().isAfter(countedFrom.toLocalTime())) {
                index++;
            }
            if (placement == Reason.IN_WORKING_HOURS) {
                index++;
            }
            int total = 0;
            LocalTime end = null;
            while (true) {
                if (index >= periods.size()) {
                    day = nextWorkingDay(day);
                    index = 0;
                }
                LocalTime from = periods.get(index).start();
                Duration counted = Duration.ZERO;
                while (index < periods.size() && total < n) {
                    counted = counted.plus(periods.get(index).length());
                    end = periods.get(index).end();
                    total++;
                    index++;
                }
                counted(day, from, end, counted, total);
                if (total == n) {
                    return day.atTime(end);
                }
            }
        }

        LocalDateTime hours(LocalDateTime received, LocalDateTime countedFrom, Duration limit) {
            Reason placement = placement(received, countedFrom);
            received(received, placement, null);
            LocalDate day = received.toLocalDate();
            if (!countedFrom.toLocalDate().equals(day)) {
                day = nextWorkingDay(day);
            }
            LocalTime cursor = countedFrom.toLocalTime();
            Duration left = limit;
            Duration sum = Duration.ZERO;
            if (left.isZero()) {
                return countedFrom;
            }
            while (true) {
                LocalTime from = null;
                LocalTime to = null;
                Duration today = Duration.ZERO;
                for (WorkingHours.Period p : hours.periods()) {
                    if (!p.end().isAfter(cursor) || left.isZero()) {
                        continue;
                    }
                    LocalTime start = cursor.isAfter(p.start()) ? cursor : p.start();
                    Duration available = Duration.between(start, p.end());
                    Duration take = available.compareTo(left) < 0 ? available : left;
                    from = from == null ? start : from;
                    to = start.plus(take);
                    today = today.plus(take);
                    left = left.minus(take);
                }
                sum = sum.plus(today);
                if (from != null) {
                    counted(day, from, to, today, (int) sum.toHours());
                }
                if (left.isZero()) {
                    return day.atTime(to);
                }
                day = nextWorkingDay(day);
                cursor = hours.opening();
            }
        }
    }
}

package vn.egov.dossier.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Vietnam's working days for civil servants: Monday to Friday, minus public holidays and substitute
 * days off, plus Saturdays/Sundays worked to make up for a bridged day. The exceptions are reference
 * data ({@code calendar_day}); this class only applies them.
 */
public final class WorkingDayCalendar {

    /** One consistent view of the exceptions: replaced whole, never edited in place. */
    private record Days(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {}

    private volatile Days days;

    public WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        replace(holidays, makeUpWorkdays);
    }

    /** Takes the exceptions as they are now in the reference data (after an administrator changed them). */
    public void replace(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        this.days = new Days(Set.copyOf(holidays), Set.copyOf(makeUpWorkdays));
    }

    public boolean isWorkingDay(LocalDate day) {
        Days current = days;
        if (current.makeUpWorkdays().contains(day)) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY
                && dow != DayOfWeek.SUNDAY
                && !current.holidays().contains(day);
    }

    /**
     * The n-th working day after {@code start} (the day of receipt itself never counts): the
     * appointment date of a dossier received on {@code start} with a time limit of n working days.
     * n = 0 gives the same day.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        LocalDate day = start;
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Working days in (from, to]: how many working days elapsed between two dates (0 if to <= from). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}

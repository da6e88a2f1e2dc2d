package vn.egov.dossier.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Vietnam's working days for civil servants: Monday to Friday, minus public holidays and substitute
 * days off, plus Saturdays/Sundays worked to make up for a bridged day. The exceptions are reference
 * data ({@code calendar_day}); this class only applies them.
 */
public final class WorkingDayCalendar {

    /** What the reference data says about one exceptional day: its name and the document it follows. */
    public record Note(String name, String source) {}

    /**
     * One consistent view of the exceptions: replaced whole, never edited in place. {@code years}: the years
     * that have at least one row — every real year has some (1/1 or Tết falls on a weekday at least once), so a
     * year without any is a year nobody entered, not a year without holidays.
     */
    private record Days(
            Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays, Map<LocalDate, Note> notes, Set<Integer> years) {}

    private volatile Days days;

    public WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        replace(holidays, makeUpWorkdays);
    }

    /** Takes the exceptions as they are now in the reference data (after an administrator changed them). */
    public void replace(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        replace(holidays, makeUpWorkdays, Map.of());
    }

    /** As {@link #replace(Set, Set)}, with each day's name and source (shown in a deadline's explanation). */
    public void replace(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays, Map<LocalDate, Note> notes) {
        Set<Integer> years = new TreeSet<>();
        holidays.forEach(d -> years.add(d.getYear()));
        makeUpWorkdays.forEach(d -> years.add(d.getYear()));
        this.days = new Days(Set.copyOf(holidays), Set.copyOf(makeUpWorkdays), Map.copyOf(notes), Set.copyOf(years));
    }

    /** The name and source of a holiday or make-up day, if the reference data gives them. */
    public Optional<Note> note(LocalDate day) {
        return Optional.ofNullable(days.notes().get(day));
    }

    public boolean isHoliday(LocalDate day) {
        return days.holidays().contains(day);
    }

    public boolean isMakeUpWorkday(LocalDate day) {
        return days.makeUpWorkdays().contains(day);
    }

    /**
     * Whether the reference data holds {@code year} at all. For a year it does not, {@link #isWorkingDay} can only
     * say "Monday to Friday": a guess, which the deadline engine reports instead of hiding.
     */
    public boolean covers(int year) {
        return days.years().contains(year);
    }

    /** The years the reference data holds, in order. */
    public Set<Integer> coveredYears() {
        return new TreeSet<>(days.years());
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

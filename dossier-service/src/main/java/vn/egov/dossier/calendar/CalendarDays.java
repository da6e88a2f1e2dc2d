package vn.egov.dossier.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;

/**
 * The calendar's reference data ({@code calendar_day}): read by anyone, changed by a system administrator
 * when the government announces a holiday, a swapped day off or a make-up working day. Only days after
 * today may change: an appointment already computed is never moved by a later change (an agency that loses
 * a working day to a new holiday issues the apology with a new date, as for any other delay). Every change
 * is kept in {@code calendar_day_change} with the document it follows.
 */
@Component
public class CalendarDays {

    private static final Logger log = LoggerFactory.getLogger(CalendarDays.class);

    public record Day(LocalDate day, String kind, String name, String source) {}

    public record Change(
            long id,
            LocalDate day,
            String oldKind,
            String oldName,
            String newKind,
            String newName,
            String source,
            String actorSubject,
            Instant changedAt) {}

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    /** The newest change this instance's calendar reflects (0: none yet). */
    private volatile long seenChange;

    CalendarDays(JdbcClient jdbc, WorkingDayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
        this.seenChange = lastChange(jdbc);
    }

    static void load(JdbcClient jdbc, WorkingDayCalendar calendar) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        java.util.Map<LocalDate, WorkingDayCalendar.Note> notes = new java.util.HashMap<>();
        jdbc.sql("select day, kind, name, source from calendar_day")
                .query((rs, i) -> {
                    LocalDate day = rs.getDate(1).toLocalDate();
                    ("WORKDAY".equals(rs.getString(2)) ? workdays : holidays).add(day);
                    notes.put(day, new WorkingDayCalendar.Note(rs.getString(3), rs.getString(4)));
                    return day;
                })
                .list();
        calendar.replace(holidays, workdays, notes);
    }

    private static long lastChange(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(max(id), 0) from calendar_day_change")
                .query(Long.class)
                .single();
    }

    /**
     * Takes over a change not yet reflected here: scheduled (another instance changed the calendar; cheap when
     * nothing did), and called after a change made here commits, so this instance follows at once.
     */
    @Scheduled(
            fixedDelayString = "${egov.dossier.calendar.refresh-interval:1m}",
            initialDelayString = "${egov.dossier.calendar.refresh-interval:1m}")
    public void refreshIfChanged() {
        long last = lastChange(jdbc);
        if (last != seenChange) {
            load(jdbc, calendar);
            seenChange = last;
            log.info("working-day calendar reloaded (change {})", last);
        }
    }

    public List<Day> year(int year) {
        return jdbc.sql(
                        "select day, kind, name, source from calendar_day where extract(year from day) = ? order by day")
                .param(year)
                .query((rs, i) ->
                        new Day(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public List<Change> changes(int limit) {
        return jdbc.sql("""
                        select id, day, old_kind, old_name, new_kind, new_name, source, actor_subject, changed_at
                        from calendar_day_change order by id desc limit ?""")
                .param(limit)
                .query((rs, i) -> new Change(
                        rs.getLong(1),
                        rs.getDate(2).toLocalDate(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** Makes {@code day} a holiday (a weekday off) or a make-up working day (a Saturday or Sunday worked). */
    @Transactional
    public Day set(LocalDate day, String kind, String name, String source, String actor) {
        future(day);
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (!("HOLIDAY".equals(kind) && !weekend || "WORKDAY".equals(kind) && weekend)) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT, "calendar-day-kind-invalid", day, day.getDayOfWeek());
        }
        Optional<Day> before = find(day);
        jdbc.sql("""
                        insert into calendar_day (day, kind, name, source) values (?, ?, ?, ?)
                        on conflict (day) do update set kind = excluded.kind, name = excluded.name, source = excluded.source""").params(day, kind, name, source).update();
        if (before.isEmpty()
                || !Objects.equals(before.get().kind(), kind)
                || !Objects.equals(before.get().name(), name)) {
            audit(day, before, kind, name, source, actor);
        }
        return new Day(day, kind, name, source);
    }

    /** Back to the rule (Monday to Friday work): an announced change withdrawn. */
    @Transactional
    public void remove(LocalDate day, String source, String actor) {
        future(day);
        Day before = find(day).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "calendar-day-not-found", day));
        jdbc.sql("delete from calendar_day where day = ?").param(day).update();
        audit(day, Optional.of(before), null, null, source, actor);
    }

    private Optional<Day> find(LocalDate day) {
        return jdbc.sql("select day, kind, name, source from calendar_day where day = ? for update")
                .param(day)
                .query((rs, i) ->
                        new Day(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    private void future(LocalDate day) {
        LocalDate today = VietnamTime.today(clock);
        if (!day.isAfter(today)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "calendar-day-not-in-future", day);
        }
    }

    private void audit(LocalDate day, Optional<Day> before, String kind, String name, String source, String actor) {
        jdbc.sql("""
                        insert into calendar_day_change (day, old_kind, old_name, new_kind, new_name, source, actor_subject)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        day,
                        before.map(Day::kind).orElse(null),
                        before.map(Day::name).orElse(null),
                        kind,
                        name,
                        source,
                        actor)
                .update();
    }
}

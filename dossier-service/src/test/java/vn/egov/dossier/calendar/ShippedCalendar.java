package vn.egov.dossier.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The calendar as the shipped migrations leave it, names and sources included, without a database: every
 * migration touching {@code calendar_day} in Flyway's order — a {@code delete ... between} removes days, an
 * inserted row adds or replaces its day, an {@code update ... set source = '…' where source is null and …} (V16)
 * names the source of the days it lists ({@code date '…'}, {@code between date '…' and date '…'},
 * {@code extract(year from day) = …}). {@link WorkingDayCalendarTest} reads kinds the same way.
 */
final class ShippedCalendar {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:_\\d+)*)__.*\\.sql");
    private static final Pattern DELETE_RANGE = Pattern.compile(
            "delete from calendar_day where day between (?:date )?'(\\d{4}-\\d{2}-\\d{2})' and (?:date )?'(\\d{4}-\\d{2}-\\d{2})'",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ROW = Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKDAY)', '([^']*)'");
    private static final Pattern SOURCE = Pattern.compile(
            "update calendar_day set source = '([^']*)'\\s+where source is null and (.*?);", Pattern.DOTALL);
    private static final Pattern BETWEEN =
            Pattern.compile("day between date '(\\d{4}-\\d{2}-\\d{2})' and date '(\\d{4}-\\d{2}-\\d{2})'");
    private static final Pattern ONE = Pattern.compile("(?<!between )(?<!and )date '(\\d{4}-\\d{2}-\\d{2})'");
    private static final Pattern YEAR = Pattern.compile("extract\\(year from day\\) = (\\d{4})");

    record Row(String kind, String name, String source) {}

    private ShippedCalendar() {}

    static Map<LocalDate, Row> rows() {
        Map<LocalDate, Row> rows = new TreeMap<>();
        for (Path migration : migrations()) {
            String sql = read(migration).replaceAll("(?m)--.*$", "");
            if (!sql.contains("calendar_day")) {
                continue;
            }
            Matcher del = DELETE_RANGE.matcher(sql);
            while (del.find()) {
                LocalDate from = LocalDate.parse(del.group(1));
                LocalDate to = LocalDate.parse(del.group(2));
                rows.keySet().removeIf(day -> !day.isBefore(from) && !day.isAfter(to));
            }
            Matcher row = ROW.matcher(sql);
            while (row.find()) {
                rows.put(LocalDate.parse(row.group(1)), new Row(row.group(2), row.group(3), null));
            }
            Matcher source = SOURCE.matcher(sql);
            while (source.find()) {
                String where = source.group(2);
                rows.replaceAll((day, r) ->
                        r.source() == null && matches(where, day) ? new Row(r.kind(), r.name(), source.group(1)) : r);
            }
        }
        return rows;
    }

    static WorkingDayCalendar calendar() {
        return calendar(rows());
    }

    static WorkingDayCalendar calendar(Map<LocalDate, Row> rows) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        Map<LocalDate, WorkingDayCalendar.Note> notes = new TreeMap<>();
        rows.forEach((day, row) -> {
            ("WORKDAY".equals(row.kind()) ? workdays : holidays).add(day);
            notes.put(day, new WorkingDayCalendar.Note(row.name(), row.source()));
        });
        WorkingDayCalendar calendar = new WorkingDayCalendar(Set.of(), Set.of());
        calendar.replace(holidays, workdays, notes);
        return calendar;
    }

    private static boolean matches(String where, LocalDate day) {
        Matcher between = BETWEEN.matcher(where);
        while (between.find()) {
            if (!day.isBefore(LocalDate.parse(between.group(1))) && !day.isAfter(LocalDate.parse(between.group(2)))) {
                return true;
            }
        }
        Matcher one = ONE.matcher(where);
        while (one.find()) {
            if (day.equals(LocalDate.parse(one.group(1)))) {
                return true;
            }
        }
        Matcher year = YEAR.matcher(where);
        while (year.find()) {
            if (day.getYear() == Integer.parseInt(year.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> migrations() {
        try (Stream<Path> files = Files.list(
                Path.of(ShippedCalendar.class.getResource("/db/migration").toURI()))) {
            return files.filter(
                            f -> MIGRATION.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(ShippedCalendar::version, Arrays::compare))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] version(Path migration) {
        Matcher m = MIGRATION.matcher(migration.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(migration.toString());
        }
        return Arrays.stream(m.group(1).split("_")).mapToInt(Integer::parseInt).toArray();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package vn.egov.dossier.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An agency's working periods on a working day, in Vietnam time, in order and not overlapping — by default the
 * morning 07:30–11:30 and the afternoon 13:30–17:00 that most one-stop desks publish. Written
 * {@code "07:30-11:30,13:30-17:00"} in configuration.
 */
public record WorkingHours(List<Period> periods) {

    public record Period(LocalTime start, LocalTime end) {
        public Period {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("a working period ends after it starts: " + start + "-" + end);
            }
        }

        public Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return start + "–" + end;
        }
    }

    public static final WorkingHours DEFAULT = parse("07:30-11:30,13:30-17:00");

    public WorkingHours {
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("at least one working period");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods overlap or are out of order: " + periods);
            }
        }
    }

    /** {@code "07:30-11:30,13:30-17:00"}. */
    public static WorkingHours parse(String text) {
        List<Period> periods = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ends = part.strip().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("working hours as HH:mm-HH:mm[,HH:mm-HH:mm]: " + text);
            }
            periods.add(new Period(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip())));
        }
        return new WorkingHours(periods);
    }

    public LocalTime opening() {
        return periods.get(0).start();
    }

    public LocalTime closing() {
        return periods.get(periods.size() - 1).end();
    }

    /** Working time in one working day. */
    public Duration day() {
        return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        return String.join(", ", periods.stream().map(Period::toString).toList());
    }
}

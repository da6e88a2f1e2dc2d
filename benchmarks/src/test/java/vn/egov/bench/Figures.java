package vn.egov.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The figures of each step, kept in {@code target/bench/figures-<simulation>.tsv}: Gatling runs each simulation in
 * a JVM of its own, and the report puts the figures of all of them into one table.
 */
record Figures(
        String scenario,
        String path,
        int connections,
        long count,
        double perSecond,
        double p50,
        double p95,
        double p99,
        long nonSuccess) {

    static void save(Settings settings, String simulation) {
        List<String> lines = new ArrayList<>();
        for (Recorder.Step s : Recorder.steps()) {
            if (s.scenario.equals("warm-up")) {
                continue;
            }
            lines.add(String.join(
                    "\t",
                    s.scenario,
                    s.path,
                    String.valueOf(s.connections),
                    String.valueOf(s.count()),
                    String.format(Locale.ROOT, "%.3f", s.perSecond()),
                    String.format(Locale.ROOT, "%.3f", s.percentileMillis(50)),
                    String.format(Locale.ROOT, "%.3f", s.percentileMillis(95)),
                    String.format(Locale.ROOT, "%.3f", s.percentileMillis(99)),
                    String.valueOf(s.nonSuccess())));
        }
        try {
            Files.write(settings.dir().resolve("figures-" + simulation + ".tsv"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Figures> all(Settings settings) {
        List<Figures> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(settings.dir())) {
            files = listed.filter(f -> f.getFileName().toString().startsWith("figures-"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines.filter(l -> !l.isBlank()).map(Figures::parse).forEach(all::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    static Optional<Figures> find(List<Figures> all, String scenario, String path, int connections) {
        return all.stream()
                .filter(f -> f.scenario.equals(scenario) && f.path.equals(path) && f.connections == connections)
                .findFirst();
    }

    private static Figures parse(String line) {
        String[] v = line.split("\t");
        return new Figures(
                v[0],
                v[1],
                Integer.parseInt(v[2]),
                Long.parseLong(v[3]),
                Double.parseDouble(v[4]),
                Double.parseDouble(v[5]),
                Double.parseDouble(v[6]),
                Double.parseDouble(v[7]),
                Long.parseLong(v[8]));
    }
}

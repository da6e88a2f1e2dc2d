package vn.egov.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The run's settings, written by bench.sh into {@code target/bench/bench.properties}: where each path
 * listens, what was seeded, and what bench.sh measured itself (stack at rest, start time, the machine).
 */
record Settings(Path dir, Properties values) {

    static Settings load() {
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("bench.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("no bench.properties in " + dir + ": run ./egov bench", e);
        }
        // the scale runs' size (bench.sh writes it before each run of ScaleSimulation)
        Path scale = dir.resolve("scale.properties");
        if (Files.exists(scale)) {
            try (Reader r = Files.newBufferedReader(scale, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Settings(dir, p);
    }

    String get(String key) {
        return values.getProperty(key, "").trim();
    }

    int number(String key, int otherwise) {
        String v = get(key);
        return v.isEmpty() ? otherwise : Integer.parseInt(v);
    }

    List<Integer> connections() {
        return Arrays.stream(get("connections").split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
    }

    /** Lines of a file bench.sh wrote (e.g. the seeded dossiers, "code,secret"). */
    List<String> lines(String file) {
        try {
            return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

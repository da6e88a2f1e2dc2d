package vn.egov.platform.journeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform, started the way a person starts it: {@code ./egov up} from the repository root
 * (embedded PostgreSQL, a Kafka broker, Keycloak, SMTP, the simulators and the five service processes),
 * with its own work directory under {@code target/} so that a developer's {@code .egov} data is never
 * touched, and {@code EGOV_BUILD=skip} because this same Maven build packaged the jars. Stopped with
 * {@code ./egov down}; the logs stay in {@code target/egov/logs}.
 */
final class Platform {

    static final String GATEWAY = "http://127.0.0.1:8080";
    static final String PAYMENT_SIMULATOR = "http://127.0.0.1:8090";
    static final String SMS_SIMULATOR = "http://127.0.0.1:8091";
    static final String REGISTRY_SIMULATOR = "http://127.0.0.1:8092";
    static final String DOSSIER_SERVICE = "http://127.0.0.1:8082";
    static final int IMAP_PORT = 3143;

    private final Path root;
    private final Path workDir;
    /** Where the services send their spans ({@code EGOV_OTLP_ENDPOINT}): the run's {@link OtlpReceiver}. */
    private final String otlpEndpoint;

    Platform(Path root, Path workDir, String otlpEndpoint) {
        this.root = root;
        this.workDir = workDir;
        this.otlpEndpoint = otlpEndpoint;
    }

    static Platform fromSystemProperties(String otlpEndpoint) {
        Path root = Paths.get(System.getProperty("egov.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path work = Paths.get(System.getProperty(
                "egov.journeys.workdir",
                root.resolve("platform-tests/target/egov").toString()));
        return new Platform(root, work.toAbsolutePath(), otlpEndpoint);
    }

    Path logsDir() {
        return workDir.resolve("logs");
    }

    /**
     * {@code -Degov.journeys.use-running=true}: drive a platform that is already up (started by hand with
     * the same EGOV_WORKDIR and environment, see the README of platform-tests) instead of starting one;
     * for working on a journey without waiting for a start each time. Never used by CI.
     */
    private static final boolean USE_RUNNING = Boolean.getBoolean("egov.journeys.use-running");

    void up() throws IOException, InterruptedException {
        if (USE_RUNNING) {
            return;
        }
        // whatever an aborted earlier run left running in this work directory goes first (its pid files)
        if (Files.isDirectory(workDir.resolve("run"))) {
            egov(Duration.ofMinutes(3), "down");
        }
        // a fresh platform per run: data from an earlier run would make counts and codes drift
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        egov(Duration.ofMinutes(15), "up");
    }

    void down() throws IOException, InterruptedException {
        if (USE_RUNNING) {
            return;
        }
        egov(Duration.ofMinutes(3), "down");
    }

    /**
     * {@code ./egov stop NAME}: one part of the running platform goes away (resilience journeys);
     * {@code postgres} is the embedded PostgreSQL alone (devinfra keeps the SMTP server running).
     */
    void stop(String component) throws IOException, InterruptedException {
        egov(Duration.ofMinutes(2), "stop", component);
    }

    /**
     * {@code kill -9} of a component's process (its pid is in {@code run/NAME.pid}), as an out-of-memory
     * kill or a crash does: no shutdown hook, no goodbye to Kafka or the database. Waits until it is gone;
     * {@link #start} brings it back.
     */
    void kill(String component) throws Exception {
        Path pidFile = workDir.resolve("run").resolve(component + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(component + " is not running (pid " + pid + ")"));
        process.destroyForcibly(); // SIGKILL
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /** {@code ./egov start NAME}: waits until that part is ready again. */
    void start(String component) throws IOException, InterruptedException {
        egov(Duration.ofMinutes(5), "start", component);
    }

    /** The work directory of this platform's {@code ./egov}: pid files in {@code run/}, PostgreSQL's data in {@code postgres/}. */
    Path workDir() {
        return workDir;
    }

    /**
     * {@code ./egov ARGS...} on this work directory, whatever {@code egov.journeys.use-running} says (the crash
     * journey takes the platform down and brings it up again, data kept); fails unless it exits 0.
     */
    void command(Duration timeout, String... args) throws IOException, InterruptedException {
        egov(timeout, args);
    }

    private void egov(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", root.resolve("egov").toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("egov-" + String.join("-", args) + ".out");
        Files.createDirectories(workDir);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        Map<String, String> env = pb.environment();
        env.put("EGOV_WORKDIR", workDir.toString());
        env.remove("EGOV_DB_URL");
        env.putAll(environment());
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("./egov " + String.join(" ", args) + " did not finish in " + timeout
                    + "; its output: " + out + "\n" + tail(out, 40));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("./egov " + String.join(" ", args) + " failed (exit " + p.exitValue()
                    + "); its output:\n" + tail(out, 40));
        }
    }

    /** The last lines of every log, for a failure report (the whole logs stay in {@link #logsDir()}). */
    String logTails(int lines) {
        StringBuilder sb = new StringBuilder();
        if (!Files.isDirectory(logsDir())) {
            return "(no logs in " + logsDir() + ")";
        }
        try (Stream<Path> files = Files.list(logsDir())) {
            for (Path f : files.sorted().toList()) {
                sb.append("\n===== ")
                        .append(f.getFileName())
                        .append(" (last ")
                        .append(lines)
                        .append(" lines; whole file: ")
                        .append(f)
                        .append(") =====\n")
                        .append(tail(f, lines));
            }
        } catch (IOException e) {
            sb.append("(cannot list ")
                    .append(logsDir())
                    .append(": ")
                    .append(e.getMessage())
                    .append(")");
        }
        return sb.toString();
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** What the journeys' platform runs with, besides the defaults of ./egov up. */
    Map<String, String> environment() {
        return Map.of(
                "EGOV_BUILD", "skip",
                // the extracted jars without class-data archives (./egov, decision 69): each run starts from a fresh
                // work directory and kills services hard, so archives would be written at a stop and never used
                "EGOV_CDS", "extract",
                // the test-only clock of dossier-service (refused by its prod profile), for the late dossier
                "EGOV_TEST_CLOCK_ENABLED", "true",
                // shorter sweeps than a deployment needs, so that recoveries show within a journey's patience
                "PAYMENT_ORDER_SWEEP_INTERVAL", "3s",
                "PAYMENT_SWEEP_INTERVAL", "5s",
                "DOSSIER_OVERDUE_CHECK_INTERVAL", "2s",
                // tracing (issue 18, TraceJourneyIT): every service exports its spans to the run's OTLP receiver
                // and writes JSON log lines (ECS, with traceId, spanId and correlationId), as in a deployment
                "EGOV_OTLP_ENDPOINT", otlpEndpoint,
                "EGOV_LOG_FORMAT", "json");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p :
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

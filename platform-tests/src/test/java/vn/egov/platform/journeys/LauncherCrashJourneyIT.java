package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's journey after a crash: the machine kills the local runtime's launchers with SIGKILL (what
 * the kernel's out-of-memory killer does; no shutdown hook runs). What they started (the Kafka broker JVM,
 * Keycloak, PostgreSQL) must not live on holding the ports: {@code ./egov start} and {@code ./egov down}
 * stop it, and {@code ./egov up} then starts cleanly on the data kept. After every other journey (it takes
 * the whole platform down), and it leaves the platform up for the run's final {@code ./egov down}.
 */
@Order(200)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(PlatformExtension.class)
class LauncherCrashJourneyIT {

    /** Every port of the local platform (./egov up). */
    private static final List<Integer> PORTS = List.of(
            8080, 8081, 8082, 8083, 8084, 8085, 8090, 8091, 8092, 8093, 8180, 9180, 9092, 9093, 15432, 3025, 3143);

    @Test
    @Order(1)
    void startAfterDevinfraWasKilledHardStopsThePostgresItLeftAndStartsAgain(Platform platform) throws Exception {
        long launcher = pidOf(platform, "devinfra");
        long postmasterPid = postmasterPid(platform).orElseThrow(() -> new AssertionError("no postmaster.pid"));
        // a handle remembers the process's start time: a reused pid does not read as the same process
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid).orElseThrow();

        kill9(launcher);

        assertThat(postmaster.isAlive())
                .as("PostgreSQL (pid %d) outlives its launcher: pg_ctl put it in a session of its own", postmasterPid)
                .isTrue();
        platform.command(Duration.ofMinutes(3), "start", "devinfra");

        assertThat(postmaster.isAlive())
                .as("the old postmaster, stopped by ./egov start")
                .isFalse();
        assertThat(postmasterPid(platform))
                .as("a new postmaster")
                .isPresent()
                .get()
                .isNotEqualTo(postmasterPid);
        // the services' pools reconnect to the new server
        String citizen = People.token(People.DEMO_CITIZEN);
        Api.eventually(
                "the citizen's dossiers from the new PostgreSQL",
                Duration.ofSeconds(60),
                () -> Api.get(Platform.GATEWAY + "/api/v1/dossiers", citizen),
                r -> r.status() == 200);
    }

    @Test
    @Order(2)
    void downAfterEveryLauncherWasKilledHardLeavesNothingRunningAndUpStartsCleanly(Platform platform) throws Exception {
        Map<String, Long> launchers = launchers(platform);
        assertThat(launchers).containsKeys("devinfra", "kafka", "keycloak", "gateway-service", "dossier-service");
        // what runs now besides the launchers: the children that a SIGKILL of their launcher would orphan
        Map<ProcessHandle, String> before = new LinkedHashMap<>();
        launchers.forEach((name, pid) -> ProcessHandle.of(pid).ifPresent(h -> {
            before.put(h, name);
            h.descendants().forEach(d -> before.put(d, name + " (child)"));
        }));
        long postmaster = postmasterPid(platform).orElseThrow(() -> new AssertionError("no postmaster.pid"));
        ProcessHandle.of(postmaster).ifPresent(h -> {
            before.put(h, "postgres");
            h.descendants().forEach(d -> before.put(d, "postgres (child)"));
        });
        assertThat(before.values())
                .as("Kafka's broker and Keycloak run as children of their launchers")
                .contains("kafka (child)", "keycloak (child)");

        long killedAt = System.nanoTime();
        for (long pid : launchers.values()) {
            kill9(pid);
        }
        platform.command(Duration.ofMinutes(3), "down");
        long downSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt);

        assertThat(PORTS.stream().filter(LauncherCrashJourneyIT::portOpen).toList())
                .as("ports still open after ./egov down")
                .isEmpty();
        assertThat(before.entrySet().stream()
                        .filter(e -> e.getKey().isAlive())
                        .map(e -> e.getValue() + " pid " + e.getKey().pid())
                        .toList())
                .as("processes of the platform still running after ./egov down")
                .isEmpty();
        assertThat(processesOf(platform.workDir()))
                .as("processes of %s after ./egov down", platform.workDir())
                .isEmpty();
        System.out.printf(
                "kill -9 of %d launchers, then ./egov down: nothing left after %d s%n", launchers.size(), downSeconds);

        long upAt = System.nanoTime();
        platform.command(Duration.ofMinutes(15), "up"); // waits until every part answers ready, or fails
        System.out.printf(
                "./egov up after the crash: ready in %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - upAt));
        assertThat(Api.get(Platform.GATEWAY + "/actuator/health/readiness", null)
                        .status())
                .isEqualTo(200);
        assertThat(Api.get(Platform.GATEWAY + "/api/v1/dossiers", People.token(People.DEMO_CITIZEN))
                        .status())
                .as("a signed-in citizen's dossiers, through the restarted platform")
                .isEqualTo(200);
    }

    /** SIGKILL, as the out-of-memory killer sends it; waits until the process is gone. */
    private static void kill9(long pid) throws Exception {
        ProcessHandle h =
                ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("launcher pid " + pid + " not running"));
        assertThat(h.destroyForcibly()).as("SIGKILL to %d", pid).isTrue();
        h.onExit().get(30, TimeUnit.SECONDS);
    }

    private static Map<String, Long> launchers(Platform platform) throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(platform.workDir().resolve("run"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".pid")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.pid$", "");
                pids.put(name, Long.parseLong(Files.readString(f).trim()));
            }
        }
        return pids;
    }

    private static long pidOf(Platform platform, String component) throws IOException {
        return Long.parseLong(Files.readString(platform.workDir().resolve("run").resolve(component + ".pid"))
                .trim());
    }

    private static Optional<Long> postmasterPid(Platform platform) throws IOException {
        Path file = platform.workDir().resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Files.readAllLines(file).stream().findFirst().map(String::trim).map(Long::parseLong);
    }

    /**
     * Processes that belong to this work directory: ./egov marks what it starts with
     * {@code EGOV_PROCESS_OF=<work dir>} (children inherit it), and their command lines name it.
     */
    private static List<String> processesOf(Path workDir) {
        Set<Long> self = Stream.concat(Stream.of(ProcessHandle.current()), ancestors(ProcessHandle.current()))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
        String mark = "EGOV_PROCESS_OF=" + workDir;
        List<String> found = new ArrayList<>();
        ProcessHandle.allProcesses().filter(h -> !self.contains(h.pid())).forEach(h -> {
            String cmd = h.info().commandLine().orElse("");
            if (cmd.contains(workDir.toString()) || environment(h.pid()).contains(mark)) {
                found.add(h.pid() + " " + (cmd.length() > 200 ? cmd.substring(0, 200) + "…" : cmd));
            }
        });
        return found;
    }

    private static Stream<ProcessHandle> ancestors(ProcessHandle h) {
        return h.parent().map(p -> Stream.concat(Stream.of(p), ancestors(p))).orElseGet(Stream::empty);
    }

    private static List<String> environment(long pid) {
        try {
            return Arrays.asList(new String(
                            Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")), StandardCharsets.UTF_8)
                    .split("\0"));
        } catch (IOException | SecurityException e) {
            return List.of(); // gone, not Linux, or another user's
        }
    }

    private static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

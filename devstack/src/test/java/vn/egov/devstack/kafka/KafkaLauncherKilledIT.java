package vn.egov.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./egov} runs ({@link KafkaBroker#main}) is killed with SIGKILL, as the kernel's
 * out-of-memory killer does: no shutdown hook runs, yet the broker JVM it started must go too and free
 * its ports, instead of living on and blocking the next start.
 */
class KafkaLauncherKilledIT {

    @TempDir
    Path dir;

    @Test
    void theBrokerStopsByItselfWhenItsLauncherIsKilledHard() throws Exception {
        int port = KafkaBroker.freePort();
        int controllerPort = KafkaBroker.freePort();
        Path log = dir.resolve("launcher.log");
        Process launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        KafkaBroker.class.getName(),
                        "--data-dir",
                        dir.resolve("kafka").toString(),
                        "--port",
                        String.valueOf(port),
                        "--controller-port",
                        String.valueOf(controllerPort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        List<ProcessHandle> broker = List.of();
        try {
            awaitLine(launcher, log, "Kafka ready", Duration.ofMinutes(3));
            broker = launcher.descendants().toList();
            assertThat(broker).as("the broker JVM the launcher started").hasSize(1);
            assertThat(portOpen(port)).isTrue();
            assertThat(portOpen(controllerPort)).isTrue();

            launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs

            ProcessHandle child = broker.get(0);
            boolean gone = child.onExit()
                    .thenApply(h -> true)
                    .completeOnTimeout(false, 60, TimeUnit.SECONDS)
                    .get();
            assertThat(gone)
                    .as("the broker (pid %d) exits once its launcher is gone", child.pid())
                    .isTrue();
            assertThat(portOpen(port)).as("broker port %d", port).isFalse();
            assertThat(portOpen(controllerPort))
                    .as("controller port %d", controllerPort)
                    .isFalse();
            assertThat(Files.readString(dir.resolve("kafka").resolve("broker.log")))
                    .contains("is gone; stopping the broker");
        } finally {
            launcher.destroyForcibly();
            broker.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void awaitLine(Process p, Path log, String line, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            assertThat(p.isAlive())
                    .as("launcher running; its output: %s", Files.exists(log) ? Files.readString(log) : "")
                    .isTrue();
            Thread.sleep(300);
        }
        throw new AssertionError("no '" + line + "' within " + timeout + "; output: " + Files.readString(log));
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

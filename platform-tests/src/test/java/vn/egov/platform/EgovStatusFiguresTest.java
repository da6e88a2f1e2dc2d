package vn.egov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./egov status}'s per-service figures (parked outbox events, dead-letter records): the script's own
 * functions, run by bash against an HTTP server answering {@code /actuator/prometheus} the way a service does
 * (the series format is the one dossier-service's {@code ParkedEventsIT} reads from a real service).
 */
class EgovStatusFiguresTest {

    private HttpServer server;
    private volatile String page;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/prometheus", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain;version=0.0.4;charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void showsParkedEventsAndDeadLetters() throws Exception {
        page = """
                # HELP egov_events_dead_letter_records Records in this service's dead-letter topics
                # TYPE egov_events_dead_letter_records gauge
                egov_events_dead_letter_records{application="dossier-service"} 3.0
                # HELP egov_outbox_backlog Outbox events still to send (parked ones excluded)
                # TYPE egov_outbox_backlog gauge
                egov_outbox_backlog{application="dossier-service"} 12.0
                # HELP egov_outbox_parked Outbox events the relay parked
                # TYPE egov_outbox_parked gauge
                egov_outbox_parked{application="dossier-service"} 1.0
                """;
        assertThat(figures(server.getAddress().getPort())).isEqualTo("parked 1, dead letters 3");

        page = page.replace("} 1.0", "} 0.0").replace("} 3.0", "} NaN");
        assertThat(figures(server.getAddress().getPort())).as("not known yet").isEqualTo("parked 0, dead letters ?");

        page = "jvm_threads_live_threads{application=\"gateway-service\"} 20.0\n";
        assertThat(figures(server.getAddress().getPort()))
                .as("no outbox: nothing shown")
                .isEmpty();
    }

    @Test
    void showsNothingWhenTheServiceDoesNotAnswer() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        assertThat(figures(port)).isEmpty();
    }

    /** Runs the egov script's http_body, metric_value and event_figures (no colours: output is not a terminal). */
    private static String figures(int port) throws IOException, InterruptedException {
        Path script = repositoryRoot().resolve("egov");
        String functions = String.join(
                "\n",
                extract(Files.readString(script), "http_body"),
                extract(Files.readString(script), "metric_value"),
                extract(Files.readString(script), "event_figures"));
        Process p = new ProcessBuilder("bash", "-c", "R= N=\n" + functions + "\nevent_figures " + port)
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out.strip();
    }

    /** A top-level function of the script, from {@code name() {} to its closing brace at column 0. */
    private static String extract(String script, String name) {
        int start = script.indexOf("\n" + name + "() {\n");
        assertThat(start).as(name + "() in ./egov").isNotNegative();
        int end = script.indexOf("\n}\n", start);
        return script.substring(start + 1, end + 2);
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("egov")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no directory with egov and pom.xml above " + Path.of("").toAbsolutePath());
    }
}

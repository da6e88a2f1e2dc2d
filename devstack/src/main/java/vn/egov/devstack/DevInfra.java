package vn.egov.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.devstack.postgres.PostgresServer;
import vn.egov.devstack.smtp.SmtpServer;

/**
 * The in-process part of the local runtime, run by {@code ./egov up}: PostgreSQL with one database
 * per service, and the SMTP server. Runs until stopped (SIGTERM).
 *
 * <p>PostgreSQL can be taken away and brought back on its own while SMTP keeps running
 * ({@code ./egov stop postgres}, {@code ./egov start postgres}, used by the fault-injection suite of
 * platform-tests): the script creates or deletes the request file {@code run/postgres.stopped}, this
 * process stops the server ({@code pg_ctl stop -m fast}: clients are disconnected, as in a real outage)
 * or starts it again on the same data directory and port, and writes what it did to
 * {@code run/postgres.state} ({@code running} or {@code stopped}), which the script waits for. A file
 * rather than a port or a signal: no extra port to keep free, and the JVM keeps its own signals.
 */
public final class DevInfra {

    private static final Logger log = LoggerFactory.getLogger(DevInfra.class);

    /**
     * The service databases, and web-portal's (its browser sessions); each owns its schema through Flyway.
     */
    public static final List<String> DATABASES = List.of("identity", "dossier", "payment", "notification", "portal");

    private DevInfra() {}

    public static void main(String[] args) throws Exception {
        Path workdir = Path.of(System.getProperty("egov.workdir", ".egov"));
        int pgPort = Integer.getInteger("egov.postgres.port", 15432);
        boolean embeddedPostgres = Boolean.parseBoolean(System.getProperty("egov.postgres.embedded", "true"));
        String dbUser = System.getProperty("egov.db.username", "egov");
        String dbPassword = System.getProperty("egov.db.password", "egov-dev");
        int smtpPort = Integer.getInteger("egov.smtp.port", 3025);
        int imapPort = Integer.getInteger("egov.imap.port", 3143);

        EmbeddedPostgresControl postgres = null;
        if (embeddedPostgres) {
            postgres = new EmbeddedPostgresControl(workdir.resolve("postgres"), pgPort, workdir.resolve("run"));
            postgres.startFirst(dbUser, dbPassword);
        }
        SmtpServer smtp = SmtpServer.start(smtpPort, imapPort);
        log.info("SMTP ready on 127.0.0.1:{} (IMAP {})", smtpPort, imapPort);

        EmbeddedPostgresControl pg = postgres;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            smtp.close();
                            if (pg != null) {
                                pg.shutdown();
                            }
                        },
                        "devinfra-stop"));
        System.out.println("devinfra ready");
        if (pg == null) {
            Thread.currentThread().join();
        }
        while (true) {
            pg.followRequest();
            Thread.sleep(200);
        }
    }

    /** The embedded PostgreSQL, stopped and started again on request (see the class comment). */
    static final class EmbeddedPostgresControl {

        private final Path dataDirectory;
        private final int port;
        private final Path stopRequest;
        private final Path state;
        private PostgresServer server;
        private boolean shuttingDown;

        EmbeddedPostgresControl(Path dataDirectory, int port, Path runDirectory) throws IOException {
            this.dataDirectory = dataDirectory;
            this.port = port;
            Files.createDirectories(runDirectory);
            this.stopRequest = runDirectory.resolve("postgres.stopped");
            this.state = runDirectory.resolve("postgres.state");
            // a request left by an earlier run does not apply to this one: devinfra starts with PostgreSQL
            Files.deleteIfExists(stopRequest);
            Files.deleteIfExists(state);
        }

        synchronized void startFirst(String dbUser, String dbPassword) throws Exception {
            server = PostgresServer.start(dataDirectory, port, false);
            for (String db : DATABASES) {
                server.createDatabase(db, dbUser, dbPassword);
            }
            log.info("PostgreSQL ready on 127.0.0.1:{} with databases {}", server.port(), DATABASES);
            writeState("running");
        }

        /** Stops or starts the server when the request file says so; a failure is logged and tried again. */
        synchronized void followRequest() {
            if (shuttingDown) {
                return;
            }
            boolean wanted = !Files.exists(stopRequest);
            try {
                if (!wanted && server != null) {
                    log.info("PostgreSQL stopping on request ({} exists)", stopRequest);
                    server.close();
                    server = null;
                    writeState("stopped");
                    log.info("PostgreSQL stopped; SMTP keeps running (./egov start postgres brings it back)");
                } else if (wanted && server == null) {
                    log.info("PostgreSQL starting again on request");
                    server = PostgresServer.start(dataDirectory, port, false);
                    writeState("running");
                    log.info("PostgreSQL ready again on 127.0.0.1:{}", port);
                }
            } catch (Exception e) {
                log.warn("PostgreSQL could not be {}: {}", wanted ? "started" : "stopped", e.toString());
            }
        }

        synchronized void shutdown() {
            shuttingDown = true;
            if (server != null) {
                try {
                    server.close();
                } catch (Exception e) {
                    log.warn("PostgreSQL did not stop cleanly", e);
                }
                server = null;
            }
            try {
                Files.deleteIfExists(state);
            } catch (IOException ignored) {
                // the next devinfra start deletes it anyway
            }
        }

        private void writeState(String value) throws IOException {
            Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
            Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}

package vn.egov.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.devstack.postgres.PostgresServer;
import vn.egov.devstack.smtp.SmtpServer;

import java.nio.file.Path;
import java.util.List;

/**
 * The in-process part of the local runtime, run by {@code ./egov up}: PostgreSQL with one database
 * per service, and the SMTP server. Runs until stopped (SIGTERM).
 */
public final class DevInfra {

    private static final Logger log = LoggerFactory.getLogger(DevInfra.class);

    /** The service databases; each service owns its schema through Flyway. */
    public static final List<String> DATABASES = List.of("identity", "dossier", "payment", "notification");

    private DevInfra() {
    }

    public static void main(String[] args) throws Exception {
        Path workdir = Path.of(System.getProperty("egov.workdir", ".egov"));
        int pgPort = Integer.getInteger("egov.postgres.port", 15432);
        boolean embeddedPostgres = Boolean.parseBoolean(System.getProperty("egov.postgres.embedded", "true"));
        String dbUser = System.getProperty("egov.db.username", "egov");
        String dbPassword = System.getProperty("egov.db.password", "egov-dev");
        int smtpPort = Integer.getInteger("egov.smtp.port", 3025);
        int imapPort = Integer.getInteger("egov.imap.port", 3143);

        PostgresServer postgres = null;
        if (embeddedPostgres) {
            postgres = PostgresServer.start(workdir.resolve("postgres"), pgPort, false);
            for (String db : DATABASES) {
                postgres.createDatabase(db, dbUser, dbPassword);
            }
            log.info("PostgreSQL ready on 127.0.0.1:{} with databases {}", postgres.port(), DATABASES);
        }
        SmtpServer smtp = SmtpServer.start(smtpPort, imapPort);
        log.info("SMTP ready on 127.0.0.1:{} (IMAP {})", smtpPort, imapPort);

        PostgresServer pg = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            smtp.close();
            if (pg != null) {
                try {
                    pg.close();
                } catch (Exception e) {
                    log.warn("PostgreSQL did not stop cleanly", e);
                }
            }
        }, "devinfra-stop"));
        System.out.println("devinfra ready");
        Thread.currentThread().join();
    }
}

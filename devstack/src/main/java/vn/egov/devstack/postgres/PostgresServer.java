package vn.egov.devstack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (the zonky binaries) bound to 127.0.0.1, with its data directory kept
 * where the caller says, so that data survives a restart.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL.
     *
     * @param dataDirectory where the cluster lives; created by initdb on the first start
     * @param port the port, or 0 for any free port
     * @param clean whether to wipe the data directory first (tests) or keep it (local runtime)
     */
    public static PostgresServer start(Path dataDirectory, int port, boolean clean) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // TCP only: everything connects over JDBC, and a Unix socket would put a lock file in the
                // shared /tmp (/tmp/.s.PGSQL.PORT.lock) that a SIGKILLed server leaves behind and that a
                // second run on the same port in another network namespace collides with
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", "300")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        return new PostgresServer(builder.start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the role (if missing) and a database it owns (if missing). Idempotent. */
    public void createDatabase(String database, String owner, String password) throws SQLException {
        requireIdentifier(database);
        requireIdentifier(owner);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
                Statement s = c.createStatement()) {
            boolean roleExists;
            try (PreparedStatement p = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                p.setString(1, owner);
                roleExists = p.executeQuery().next();
            }
            String quotedPassword = "'" + password.replace("'", "''") + "'";
            if (!roleExists) {
                s.execute("create role " + owner + " login password " + quotedPassword);
            }
            boolean dbExists;
            try (PreparedStatement p = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                p.setString(1, database);
                dbExists = p.executeQuery().next();
            }
            if (!dbExists) {
                s.execute("create database " + database + " owner " + owner + " encoding 'UTF8' template template0");
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

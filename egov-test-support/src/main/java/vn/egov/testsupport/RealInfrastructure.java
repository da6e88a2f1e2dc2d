package vn.egov.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import vn.egov.devstack.kafka.KafkaBroker;
import vn.egov.devstack.postgres.PostgresServer;

/**
 * Real PostgreSQL and a real Kafka broker for integration tests, started once per test JVM:
 * Testcontainers where a Docker engine answers, otherwise the devstack's embedded parts (the same
 * ones {@code ./egov up} runs). Never a mock, never a skip.
 */
public final class RealInfrastructure {

    /** Set to "embedded" or "docker" to force a choice; by default Docker is used when it answers. */
    public static final String MODE_PROPERTY = "egov.test.infrastructure";

    private static Boolean docker;
    private static PostgresEndpoint postgres;
    private static String kafkaBootstrapServers;

    private RealInfrastructure() {}

    public record PostgresEndpoint(String host, int port, String username, String password) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    public static synchronized boolean usesDocker() {
        if (docker == null) {
            String mode =
                    System.getProperty(MODE_PROPERTY, System.getenv().getOrDefault("EGOV_TEST_INFRASTRUCTURE", ""));
            if (mode.equals("embedded")) {
                docker = false;
            } else if (mode.equals("docker")) {
                docker = true;
            } else {
                docker = dockerAnswers();
            }
        }
        return docker;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /** The server, with {@code database} created (idempotently) and owned by the returned user. */
    public static synchronized PostgresEndpoint postgres(String database) {
        if (postgres == null) {
            postgres = usesDocker() ? startPostgresContainer() : startEmbeddedPostgres();
        }
        createDatabase(postgres, database);
        return postgres;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            kafkaBootstrapServers = usesDocker() ? startKafkaContainer() : startEmbeddedKafka();
        }
        return kafkaBootstrapServers;
    }

    @SuppressWarnings("resource")
    private static PostgresEndpoint startPostgresContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new PostgresEndpoint(
                container.getHost(), container.getFirstMappedPort(), container.getUsername(), container.getPassword());
    }

    private static PostgresEndpoint startEmbeddedPostgres() {
        try {
            Path dir = Files.createTempDirectory("egov-test-pg");
            PostgresServer server = PostgresServer.start(dir, 0, true);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new PostgresEndpoint("127.0.0.1", server.port(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("resource")
    private static String startKafkaContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
        container.start();
        return container.getBootstrapServers();
    }

    private static String startEmbeddedKafka() {
        KafkaBroker broker = startKafkaBroker();
        return broker.bootstrapServers();
    }

    /**
     * A broker of the test's own, not shared: for tests that stop and restart Kafka. Stopped when
     * the JVM exits.
     */
    public static KafkaBroker startKafkaBroker() {
        try {
            Path dir = Files.createTempDirectory("egov-test-kafka");
            KafkaBroker broker = new KafkaBroker(dir, 0, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
            return broker.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDatabase(PostgresEndpoint pg, String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.username(), pg.password())) {
            try (PreparedStatement p = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                p.setString(1, database);
                if (p.executeQuery().next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
    }
}

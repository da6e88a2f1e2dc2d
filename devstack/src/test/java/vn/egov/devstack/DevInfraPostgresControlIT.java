package vn.egov.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.devstack.kafka.KafkaBroker;

/**
 * {@code ./egov stop postgres} / {@code ./egov start postgres}: devinfra stops its embedded PostgreSQL while
 * the request file exists, says so in the state file, and starts it again on the same data and port.
 */
class DevInfraPostgresControlIT {

    @Test
    void postgresStopsOnRequestAndComesBackWithItsData(@TempDir Path work) throws Exception {
        int port = KafkaBroker.freePort();
        Path run = work.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("postgres.stopped"), ""); // left by an earlier run: does not apply
        DevInfra.EmbeddedPostgresControl control =
                new DevInfra.EmbeddedPostgresControl(work.resolve("postgres"), port, run);
        try {
            control.startFirst("egov", "egov-dev");
            assertThat(Files.readString(run.resolve("postgres.state")).trim()).isEqualTo("running");
            try (Connection c = connect(port)) {
                c.createStatement().execute("create table kept (v text); insert into kept values ('still here')");
            }

            Files.writeString(run.resolve("postgres.stopped"), "");
            control.followRequest();
            assertThat(Files.readString(run.resolve("postgres.state")).trim()).isEqualTo("stopped");
            assertThatThrownBy(() -> connect(port).close()).isInstanceOf(SQLException.class);
            control.followRequest(); // nothing more to do while the request stands
            assertThat(Files.readString(run.resolve("postgres.state")).trim()).isEqualTo("stopped");

            Files.delete(run.resolve("postgres.stopped"));
            control.followRequest();
            assertThat(Files.readString(run.resolve("postgres.state")).trim()).isEqualTo("running");
            try (Connection c = connect(port);
                    var rs = c.createStatement().executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
        } finally {
            control.shutdown();
        }
        assertThat(run.resolve("postgres.state")).doesNotExist();
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/dossier", "egov", "egov-dev");
    }
}

package vn.egov.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.egov.testsupport.RealInfrastructure;

/**
 * The event plumbing's migrations have their own history table, on a real PostgreSQL: a database migrated the
 * old way (plumbing and service in one {@code flyway_schema_history}) still starts, keeps its data, and takes
 * the service's later migrations; a new database gets both histories; a service that still lists the
 * plumbing's location is refused with a message that says what to do.
 */
class EventPlumbingMigrationsIT {

    static final String SERVICE = "classpath:db/plumbing-test-service";
    static final String SERVICE_LATER = "classpath:db/plumbing-test-service-later";

    final String database = "plumbing_history_" + UUID.randomUUID().toString().substring(0, 8);
    final RealInfrastructure.PostgresEndpoint postgres = RealInfrastructure.postgres(database);

    Flyway flyway(String... locations) {
        return Flyway.configure(getClass().getClassLoader())
                .dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                .locations(locations)
                .load();
    }

    @Test
    void aDatabaseMigratedWithTheSharedHistoryStillStartsAndMovesThePlumbingToItsOwnHistory() throws SQLException {
        // before: what every service did until now, the plumbing's location among its own, one history
        flyway(EventPlumbingMigrations.LOCATION, SERVICE).migrate();
        assertThat(scripts("flyway_schema_history"))
                .contains(
                        "V0_1__event_plumbing.sql",
                        "R__outbox_parking.sql",
                        "R__event_plumbing_indexes.sql",
                        "V1__service_table.sql");
        execute("insert into outbox_event (event_id, topic, event_key, event_type, payload) values " + "('"
                + UUID.randomUUID() + "', 'egov.test.events', 'k-1', 'vn.egov.test.kept.v1', '{}')");

        // after: the service lists only its own locations (here with a migration written since) and starts
        EventPlumbingMigrations.migrate(flyway(SERVICE, SERVICE_LATER));

        assertThat(scripts("flyway_schema_history"))
                .as("the service's history: its own migrations only")
                .containsExactly("V1__service_table.sql", "V2__service_later_table.sql");
        assertThat(rows("select version || ' ' || type || ' ' || success from " + EventPlumbingMigrations.HISTORY_TABLE
                        + " where version is not null order by installed_rank"))
                .as("the plumbing's history starts at a baseline of what the shared one had applied")
                .containsExactly("0.1 BASELINE true");
        assertThat(scripts(EventPlumbingMigrations.HISTORY_TABLE))
                .as("the repeatable scripts ran again (idempotent)")
                .contains("R__event_plumbing_indexes.sql", "R__outbox_parking.sql")
                .doesNotContain("V0_1__event_plumbing.sql");
        assertThat(rows("select event_key || ' ' || send_failures from outbox_event"))
                .containsExactly("k-1 0");
        assertThat(rows("select to_regclass('service_later_thing') is not null"))
                .containsExactly("t");

        // the next start finds both histories in order: nothing to do, nothing refused
        EventPlumbingMigrations.migrate(flyway(SERVICE, SERVICE_LATER));
        flyway(SERVICE, SERVICE_LATER).validate();
        assertThat(scripts("flyway_schema_history")).hasSize(2);
        assertThat(rows("select count(*) from " + EventPlumbingMigrations.HISTORY_TABLE + " where not success"))
                .containsExactly("0");
    }

    @Test
    void aNewDatabaseGetsTwoHistories() throws SQLException {
        EventPlumbingMigrations.migrate(flyway(SERVICE));

        assertThat(scripts("flyway_schema_history")).containsExactly("V1__service_table.sql");
        assertThat(rows("select coalesce(version, 'R') || ' ' || type from " + EventPlumbingMigrations.HISTORY_TABLE
                        + " order by installed_rank"))
                .as("a baseline at 0 (the schema held the service's tables), then every plumbing script")
                .containsExactly("0 BASELINE", "0.1 SQL", "R SQL", "R SQL", "R SQL");
        assertThat(rows("select count(*) from outbox_event")).containsExactly("0");
        assertThat(rows("select to_regclass('outbox_event_action') is not null"))
                .containsExactly("t");

        EventPlumbingMigrations.migrate(flyway(SERVICE, SERVICE_LATER));
        assertThat(scripts("flyway_schema_history"))
                .containsExactly("V1__service_table.sql", "V2__service_later_table.sql");
        assertThat(scripts(EventPlumbingMigrations.HISTORY_TABLE)).hasSize(4);
    }

    @Test
    void aServiceThatStillListsThePlumbingsLocationIsRefused() throws SQLException {
        assertThatThrownBy(() -> EventPlumbingMigrations.migrate(flyway(EventPlumbingMigrations.LOCATION, SERVICE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.flyway.locations lists classpath:db/egov-commons")
                .hasMessageContaining("remove it");
        assertThat(rows("select to_regclass('flyway_schema_history') is null"))
                .as("nothing migrated")
                .containsExactly("t");
    }

    List<String> scripts(String history) throws SQLException {
        return rows("select script from " + history + " where script like '%.sql' order by installed_rank");
    }

    List<String> rows(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}

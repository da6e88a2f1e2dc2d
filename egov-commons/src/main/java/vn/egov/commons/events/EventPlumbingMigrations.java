package vn.egov.commons.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates egov-commons' own tables (outbox, processed events, parking) from {@value #LOCATION} with a Flyway
 * of their own, whose history is {@value #HISTORY_TABLE}, beside the service's Flyway and its
 * {@code flyway_schema_history}. Until now each service listed {@code classpath:db/egov-commons} among its own
 * locations, so both histories were one: a new versioned plumbing migration (a {@code V0_2}) was older than
 * every service's applied {@code V1…} and refused on existing databases (decision 10), which is why later
 * changes had to be repeatable scripts. With two histories, each side numbers its migrations freely.
 *
 * <p>Called by egov-commons' {@code FlywayMigrationStrategy} with the service's Flyway, before or after that one
 * migrates, depending on the database:
 * <ul>
 *   <li><b>already migrated with one shared history</b> (the service's history lists {@code V0_1__event_plumbing.sql}):
 *       the plumbing's history is created with a baseline at 0.1 (the tables exist; nothing is created twice),
 *       the repeatable scripts run again under it (their statements are idempotent), and the plumbing's rows
 *       are removed from the service's history, which would otherwise name migrations it can no longer resolve
 *       (Flyway's validation refuses that). Then the service migrates.</li>
 *   <li><b>new database</b> (no history of the service yet): the service migrates first — Flyway refuses to
 *       start a history in a schema that already holds tables, and the plumbing's tables would be such — then
 *       the plumbing, from a baseline at 0 in the schema that now holds the service's tables.</li>
 *   <li><b>otherwise</b>: the plumbing first, then the service (new plumbing migrations before the service's).</li>
 * </ul>
 * PostgreSQL only (like the platform).
 */
public final class EventPlumbingMigrations {

    public static final String HISTORY_TABLE = "egov_commons_schema_history";
    public static final String LOCATION = "classpath:db/egov-commons";
    /** The first plumbing migration, as the services' shared history recorded it. */
    static final String FIRST_SCRIPT = "V0_1__event_plumbing.sql";

    private static final Logger log = LoggerFactory.getLogger(EventPlumbingMigrations.class);

    private EventPlumbingMigrations() {}

    /** Migrates the plumbing and the service whose Flyway this is, in the order the database needs. */
    public static void migrate(Flyway service) {
        Configuration config = service.getConfiguration();
        refuseSharedLocation(config);
        DataSource dataSource = config.getDataSource();
        String serviceHistory = qualified(config, config.getTable());
        if (!exists(dataSource, serviceHistory)) {
            service.migrate();
            plumbing(config).migrate();
            return;
        }
        Flyway plumbing = plumbing(config);
        boolean sharedBefore = !exists(dataSource, qualified(config, HISTORY_TABLE))
                && hasRow(dataSource, serviceHistory, FIRST_SCRIPT);
        plumbing.migrate();
        if (sharedBefore) {
            log.info(
                    "event plumbing: its migrations now have their own history ({}), baselined at 0.1; "
                            + "their rows leave {}",
                    HISTORY_TABLE,
                    serviceHistory);
        }
        removePlumbingRows(dataSource, serviceHistory, plumbing);
        service.migrate();
    }

    /**
     * The plumbing's Flyway: the service's data source and schemas, its own history table and location. The
     * baseline (used only when its history does not exist yet in a schema that holds tables) is 0.1 where the
     * first plumbing migration already ran under the shared history ({@code outbox_event} exists), else 0, so
     * that it runs now.
     */
    static Flyway plumbing(Configuration service) {
        boolean tablesExist = exists(service.getDataSource(), qualified(service, "outbox_event"));
        var config = Flyway.configure(service.getClassLoader())
                .dataSource(service.getDataSource())
                .schemas(service.getSchemas())
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .baselineOnMigrate(true)
                .baselineVersion(tablesExist ? "0.1" : "0")
                // no quote in these: Flyway writes them into an INSERT unescaped
                .baselineDescription(
                        tablesExist
                                ? "event plumbing already applied under the shared history"
                                : "event plumbing, before its first migration");
        if (service.getDefaultSchema() != null) {
            config.defaultSchema(service.getDefaultSchema());
        }
        return config.load();
    }

    /** The service must not also run the plumbing's scripts: they would be applied twice, in two histories. */
    static void refuseSharedLocation(Configuration service) {
        String plumbingPath = LOCATION.substring(LOCATION.indexOf(':') + 1);
        for (Location location : service.getLocations()) {
            if (plumbingPath.equals(location.getPath()) || plumbingPath.equals(location.getRootPath())) {
                throw new IllegalStateException("spring.flyway.locations lists " + LOCATION + ": egov-commons migrates "
                        + "it itself, with its own history table " + HISTORY_TABLE
                        + "; remove it from the service's locations");
            }
        }
    }

    /** Deletes the rows of the plumbing's scripts from the service's history (none after the first start). */
    static void removePlumbingRows(DataSource dataSource, String serviceHistory, Flyway plumbing) {
        List<String> scripts = Arrays.stream(plumbing.info().all())
                .map(MigrationInfo::getScript)
                .filter(Objects::nonNull)
                .filter(s -> s.endsWith(".sql"))
                .distinct()
                .toList();
        if (scripts.isEmpty()) {
            return;
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(scripts.size(), "?"));
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "delete from " + serviceHistory + " where script in (" + placeholders + ")")) {
            for (int i = 0; i < scripts.size(); i++) {
                delete.setString(i + 1, scripts.get(i));
            }
            int removed = delete.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            if (removed > 0) {
                log.info("event plumbing: {} row(s) of {} removed from {}", removed, scripts, serviceHistory);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the event plumbing's rows from " + serviceHistory, e);
        }
    }

    static String qualified(Configuration config, String table) {
        String schema = config.getDefaultSchema() != null
                ? config.getDefaultSchema()
                : config.getSchemas().length > 0 ? config.getSchemas()[0] : null;
        return schema == null ? table : schema + "." + table;
    }

    static boolean exists(DataSource dataSource, String table) {
        return query(dataSource, "select to_regclass(?) is not null", table);
    }

    static boolean hasRow(DataSource dataSource, String history, String script) {
        return query(dataSource, "select exists (select 1 from " + history + " where script = ? and success)", script);
    }

    private static boolean query(DataSource dataSource, String sql, String param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema (" + sql + ")", e);
        }
    }
}

package vn.egov.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructure.PostgresEndpoint;

/**
 * identity-service owns the agency registry (issue 14); dossier-service's catalogue names the agencies that offer
 * each procedure by code, with a copy of their names. Both services' own Flyway migrations, run on a real PostgreSQL into
 * fresh databases, must agree: every agency code the catalogue uses is in the registry, under the same name. A
 * procedure added for an agency the registry lacks, or an agency renamed on one side only, fails here.
 */
class AgencyRegistryTest {

    @Test
    void everyAgencyTheCatalogueNamesIsInTheRegistryUnderTheSameName() throws Exception {
        PostgresEndpoint postgres = RealInfrastructure.postgres("agency_check_identity");
        RealInfrastructure.postgres("agency_check_dossier");
        Map<String, String> registry = migrateAndRead(
                postgres, "agency_check_identity", "identity-service", "select code, name_vi from agency where active");
        Map<String, String> catalogue = migrateAndRead(
                postgres,
                "agency_check_dossier",
                "dossier-service",
                "select agency_code, agency_name from procedure"
                        + " union select agency_code, agency_name from procedure_offering");

        assertThat(catalogue).as("the catalogue names agencies").isNotEmpty();
        assertThat(registry.keySet())
                .as("agency codes of the catalogue that identity-service's registry does not know")
                .containsAll(catalogue.keySet());
        catalogue.forEach((code, name) ->
                assertThat(registry.get(code)).as("the name of agency %s", code).isEqualTo(name));
    }

    /**
     * The catalogue shipped with a release (dossier-service's {@code catalogue/offerings.csv}, decision 55) is loaded
     * through the import, which refuses an agency the registry lacks: every agency it names is in the registry the
     * migrations give identity-service.
     */
    @Test
    void everyAgencyTheShippedCatalogueNamesIsInTheRegistry() throws Exception {
        PostgresEndpoint postgres = RealInfrastructure.postgres("agency_check_shipped");
        Map<String, String> registry = migrateAndRead(
                postgres, "agency_check_shipped", "identity-service", "select code, name_vi from agency where active");
        java.util.List<String> lines = java.nio.file.Files.readAllLines(
                Manifests.root().resolve("dossier-service/src/main/resources/catalogue/offerings.csv"));
        java.util.List<String> header = java.util.List.of(lines.get(0).split(","));
        int column = header.indexOf("agency_code");
        java.util.Set<String> shipped = new java.util.TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                shipped.add(line.split(",")[column]);
            }
        }
        assertThat(shipped).as("agencies of the shipped catalogue").isNotEmpty();
        assertThat(registry.keySet())
                .as("agency codes of the shipped catalogue that identity-service's registry does not know")
                .containsAll(shipped);

        // the service centres that receive online dossiers for an agency (decision 61): the last column, which the
        // quoted sources before it do not move when read from the end
        assertThat(header.get(header.size() - 1)).isEqualTo("received_by");
        java.util.Set<String> centres = new java.util.TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (!line.isBlank() && !cells[cells.length - 1].isBlank()) {
                centres.add(cells[cells.length - 1].strip());
            }
        }
        assertThat(centres).as("service centres of the shipped catalogue").isNotEmpty();
        assertThat(read(
                                postgres,
                                "agency_check_shipped",
                                "select code, name_vi from agency where active and service_centre")
                        .keySet())
                .as("centres the shipped catalogue names that the registry does not have as service centres")
                .containsAll(centres);
    }

    private static Map<String, String> migrateAndRead(
            PostgresEndpoint postgres, String database, String service, String query) throws Exception {
        String url = postgres.jdbcUrl(database);
        Flyway.configure()
                .dataSource(url, postgres.username(), postgres.password())
                .locations("filesystem:" + Manifests.root().resolve(service + "/src/main/resources/db/migration"))
                .cleanDisabled(false)
                .load()
                .clean();
        Flyway.configure()
                .dataSource(url, postgres.username(), postgres.password())
                .locations("filesystem:" + Manifests.root().resolve(service + "/src/main/resources/db/migration"))
                .load()
                .migrate();
        return read(postgres, database, query);
    }

    /** Two columns of a query on the database as it is (already migrated). */
    private static Map<String, String> read(PostgresEndpoint postgres, String database, String query) throws Exception {
        String url = postgres.jdbcUrl(database);
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, postgres.username(), postgres.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                rows.put(r.getString(1), r.getString(2));
            }
        }
        return rows;
    }
}

package vn.egov.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running Keycloak's server information, as {@code /admin/serverinfo} answers it (the parts the check reads, taken
 * from Keycloak 26.7.3's answer under devstack; KeycloakServerIT asks the real one).
 */
class LiveRealmCheckTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode serverInfo(String product, String url) {
        return JSON.readTree("""
                {"providers":{"connectionsJpa":{"internal":true,"providers":{"quarkus":{"order":100,
                "operationalInfo":{"databaseUrl":"%s","databaseUser":"","databaseProduct":"%s",
                "databaseDriver":"x","migrationTimeout":"1800 seconds"}}}},
                "connectionsInfinispan":{"internal":true,"providers":{"default":{"order":0,
                "operationalInfo":{"product":"Infinispan","clusterSize":"1"}}}}}}
                """.formatted(url, product));
    }

    @Test
    void aKeycloakOnItsDevelopmentDatabaseIsRefused() {
        assertThat(LiveRealmCheck.serverProblems(
                        serverInfo("H2 2.4.240 (2025-09-22)", "jdbc:h2:file:/opt/keycloak/data/h2/keycloakdb")))
                .singleElement()
                .asString()
                .startsWith("Keycloak keeps its data in H2, the development database of kc.sh start-dev")
                .doesNotContain("jdbc:");
        assertThat(LiveRealmCheck.serverProblems(serverInfo("h2 2.4.240", "jdbc:h2:mem:keycloakdb")))
                .hasSize(1);
    }

    @Test
    void aKeycloakOnPostgresqlPasses() {
        assertThat(LiveRealmCheck.serverProblems(
                        serverInfo("PostgreSQL 17.2", "jdbc:postgresql://keycloak-db-rw:5432/keycloak")))
                .isEmpty();
    }

    @Test
    void themesServedUncachedAreStartDevsWay() {
        String uncached = "Keycloak serves its themes uncached (Cache-Control: no-cache), as kc.sh start-dev does:"
                + " production runs kc.sh start, which caches them";
        assertThat(LiveRealmCheck.themeCacheProblems(200, "no-cache")).containsExactly(uncached);
        assertThat(LiveRealmCheck.themeCacheProblems(200, ""))
                .singleElement()
                .asString()
                .contains("(Cache-Control: none)");
        assertThat(LiveRealmCheck.themeCacheProblems(200, "max-age=0")).hasSize(1);
        assertThat(LiveRealmCheck.themeCacheProblems(200, "max-age=2592000, no-store"))
                .hasSize(1);
        // kc.sh start: a month by default
        assertThat(LiveRealmCheck.themeCacheProblems(200, "max-age=2592000")).isEmpty();
        assertThat(LiveRealmCheck.themeCacheProblems(200, "no-transform, Max-Age=86400"))
                .isEmpty();
        // a file that could not be read is not counted (the database still is)
        assertThat(LiveRealmCheck.themeCacheProblems(404, "no-cache")).isEmpty();
    }

    @Test
    void aServerThatDoesNotSayItsDatabaseHasNotPassed() {
        assertThat(LiveRealmCheck.serverProblems(JSON.readTree("{\"providers\":{}}")))
                .singleElement()
                .asString()
                .contains("does not say which database");
        assertThat(LiveRealmCheck.serverProblems(serverInfo("", "jdbc:h2:file:x")))
                .singleElement()
                .asString()
                .contains("does not say which database");
    }
}

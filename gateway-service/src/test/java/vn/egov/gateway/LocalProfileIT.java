package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * In the local profile ({@code ./egov up}) the gateway routes Keycloak's admin console and master realm, and
 * trusts loopback as a proxy; the other profiles do neither (BlockedPathsIT, ForwardedHeadersIT).
 */
@TestPropertySource(properties = "spring.profiles.active=local")
class LocalProfileIT extends GatewayIntegrationTest {

    @Test
    void theAdminConsoleAndTheMasterRealmAreRouted() {
        for (String path :
                new String[] {"/auth/admin/master/console/", "/auth/realms/master/protocol/openid-connect/token"}) {
            HttpResponse<String> response = gateway.get(path).send();

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(relayedTo(KEYCLOAK, response).path()).isEqualTo(path);
        }
    }

    @Test
    void loopbackIsATrustedProxy() {
        HttpResponse<String> response = gateway.get("/api/v1/procedures")
                .header("X-Forwarded-For", "198.51.100.9")
                .send();

        assertThat(relayedTo(DOSSIER, response).headerValues("X-Forwarded-For")).containsExactly("198.51.100.9");
    }
}

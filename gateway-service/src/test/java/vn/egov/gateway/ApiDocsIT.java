package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The services' documents as served by the gateway carry the realm's security schemes. */
class ApiDocsIT extends GatewayIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"identity", "dossier", "payment", "notification"})
    @SuppressWarnings("unchecked")
    void everyServiceDocumentOffersUserSignInAndMinistryClientCredentials(String service) {
        HttpResponse<String> response = gateway.get("/v3/api-docs/" + service).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> document = GatewayClient.json(response);
        assertThat(document).containsEntry("service", service); // the service's own content is kept
        Map<String, Object> schemes =
                (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("securitySchemes");
        assertThat((Map<String, Object>) schemes.get("oidc"))
                .containsEntry("type", "openIdConnect")
                .containsEntry("openIdConnectUrl", ISSUER.issuer() + "/.well-known/openid-configuration");
        Map<String, Object> ministry = (Map<String, Object>) schemes.get("ministry");
        assertThat(ministry).containsEntry("type", "oauth2");
        Map<String, Object> clientCredentials =
                (Map<String, Object>) ((Map<String, Object>) ministry.get("flows")).get("clientCredentials");
        assertThat(clientCredentials).containsEntry("tokenUrl", ISSUER.issuer() + "/protocol/openid-connect/token");
        assertThat((Map<String, Object>) clientCredentials.get("scopes")).containsKey("identity.verify");
        assertThat((List<Object>) document.get("security")).hasSize(2);
        // "Try it out" calls this gateway (the origin the document came from), never the service itself
        assertThat((List<Map<String, Object>>) document.get("servers"))
                .singleElement()
                .satisfies(server -> assertThat(server).containsEntry("url", "/"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aServicesOwnAddressInItsDocumentIsReplacedByTheGatewayAndItsPathsAreKept() {
        Map<String, Object> document =
                GatewayClient.json(gateway.get("/v3/api-docs/payment").send());

        assertThat(document.toString()).doesNotContain("payment-service:8083");
        assertThat((List<Map<String, Object>>) document.get("servers"))
                .extracting(server -> server.get("url"))
                .containsExactly("/");
        assertThat((Map<String, Object>) document.get("paths")).containsKey("/api/v1/payments/{id}");
    }

    @Test
    void swaggerUiSignsUsersInWithPkceThroughTheWebPortalClient() {
        String index = gateway.get("/swagger-ui.html")
                .send()
                .headers()
                .firstValue("Location")
                .orElseThrow();
        HttpResponse<String> initializer = gateway.get(index.replace("index.html", "swagger-initializer.js"))
                .send();

        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body())
                .containsPattern("clientId\"\\s*:\\s*\"swagger-ui\"")
                .contains("usePkceWithAuthorizationCodeGrant");
    }
}

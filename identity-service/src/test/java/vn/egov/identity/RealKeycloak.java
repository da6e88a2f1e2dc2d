package vn.egov.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.devstack.keycloak.KeycloakServer;

/**
 * The real Keycloak distribution with the egov realm, started once per test JVM on free ports. Its work
 * dir is stable under {@code target/} so that only the first run pays for unpacking and Quarkus
 * augmentation (~90 s); later runs start in ~20 s. Stopped by the server's own shutdown hook.
 */
final class RealKeycloak {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KeycloakServer server;

    private RealKeycloak() {}

    static synchronized KeycloakServer shared() {
        if (server == null) {
            try {
                server = KeycloakServer.builder()
                        .workDir(Path.of(System.getProperty("keycloak.it.workdir", "target/keycloak-it")))
                        .httpPort(KeycloakServer.freePort())
                        .managementPort(KeycloakServer.freePort())
                        .freshData(Boolean.getBoolean("keycloak.it.fresh"))
                        .build()
                        .start();
                warmUp(server);
            } catch (Exception e) {
                throw new IllegalStateException("Keycloak did not start", e);
            }
        }
        return server;
    }

    /**
     * Keycloak answers its first JWKS and token requests slowly (lazy key and client initialisation),
     * slower than the resource server's JWKS read timeout on a loaded 2-core machine: ask once here so
     * that a test's first request does not fail for that reason.
     */
    private static void warmUp(KeycloakServer keycloak) throws Exception {
        HttpClient slow =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        slow.send(
                HttpRequest.newBuilder(URI.create(keycloak.jwksUri()))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        accessToken(clientCredentials("identity-service", "identity-service-dev-secret", null));
    }

    /** The access token of a password grant through the public test client, or fails with Keycloak's answer. */
    static String passwordGrant(String username, String password) {
        return accessToken(tokenRequest(Map.of(
                "grant_type", "password", "client_id", "egov-local-cli", "username", username, "password", password)));
    }

    static HttpResponse<String> clientCredentials(String clientId, String secret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        if (scope != null) {
            form.put("scope", scope);
        }
        return tokenRequest(form);
    }

    static String accessToken(HttpResponse<String> tokenResponse) {
        if (tokenResponse.statusCode() != 200) {
            throw new AssertionError(
                    "token endpoint answered " + tokenResponse.statusCode() + ": " + tokenResponse.body());
        }
        return JSON.readTree(tokenResponse.body()).path("access_token").asString();
    }

    /** The claims of a token (its signature is the service's business, checked by it). */
    static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** A GET on the admin API with identity-service's service account. */
    static JsonNode admin(String pathAndQuery) {
        String token = accessToken(clientCredentials("identity-service", "identity-service-dev-secret", null));
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(shared().baseUrl() + "/admin/realms/egov" + pathAndQuery))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("admin API answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A POST of JSON on the admin API with identity-service's service account; answers the status. */
    static int adminPost(String path, String json) {
        String token = accessToken(clientCredentials("identity-service", "identity-service-dev-secret", null));
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(shared().baseUrl() + "/admin/realms/egov" + path))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> tokenRequest(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(shared().tokenEndpoint()))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package vn.egov.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP stand-in (WireMock) for identity-service's internal contacts endpoint and Keycloak's token
 * endpoint, on a free port: issues client-credentials tokens to {@code notification-service} with the right
 * secret, answers contacts only with such a token, 404 (problem) for unknown people, and 503 for people marked
 * down. WireMock's request journal tells which contacts calls were made, with the Authorization header of each.
 */
final class IdentityServiceStub implements AutoCloseable {

    private static final String CONTACTS = "/api/v1/identity/internal/people/%s/contacts";
    private static final String PROBLEM = "application/problem+json";

    private final WireMockServer server =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final Map<String, StubMapping> down = new ConcurrentHashMap<>();

    IdentityServiceStub() {
        server.start();
        // the lower the priority number, the earlier a mapping is tried
        server.stubFor(post(urlPathEqualTo("/token"))
                .atPriority(1)
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=notification-service"))
                .withRequestBody(containing("client_secret=it-notification-secret"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"svc-token-" + UUID.randomUUID()
                                + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
        server.stubFor(post(urlPathEqualTo("/token"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"unauthorized_client\"}")));
        server.stubFor(contacts(urlPathMatching(CONTACTS.formatted("[^/]+")), 9)
                .withHeader("Authorization", bearer())
                .willReturn(problem(404, "person-not-found")));
        server.stubFor(
                contacts(urlPathMatching(CONTACTS.formatted("[^/]+")), 10).willReturn(problem(401, "unauthorized")));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    String tokenUri() {
        return baseUrl() + "/token";
    }

    void person(String id, String email, String phone, String language) {
        server.stubFor(contacts(urlPathEqualTo(CONTACTS.formatted(id)), 5)
                .withHeader("Authorization", bearer())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"email\":" + quote(email) + ",\"phone\":" + quote(phone) + ",\"language\":"
                                + quote(language) + "}")));
    }

    void down(String id, boolean isDown) {
        if (isDown) {
            down.computeIfAbsent(
                    id,
                    i -> server.stubFor(contacts(urlPathEqualTo(CONTACTS.formatted(i)), 2)
                            .withHeader("Authorization", bearer())
                            .willReturn(problem(503, "unavailable"))));
        } else {
            StubMapping mapping = down.remove(id);
            if (mapping != null) {
                server.removeStub(mapping);
            }
        }
    }

    /** Contacts calls for this person, in order, each as the Authorization header it carried. */
    List<String> callsFor(String id) {
        return server.findAll(getRequestedFor(urlPathEqualTo(CONTACTS.formatted(id)))).stream()
                .map(r -> String.valueOf(r.getHeader("Authorization")))
                .toList();
    }

    private static MappingBuilder contacts(UrlPathPattern path, int priority) {
        return get(path).atPriority(priority);
    }

    private static StringValuePattern bearer() {
        return matching("Bearer svc-token-.*");
    }

    private static ResponseDefinitionBuilder problem(int status, String code) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", PROBLEM)
                .withBody("{\"type\":\"urn:egov:problem:" + code + "\",\"status\":" + status + "}");
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Override
    public void close() {
        server.stop();
    }
}

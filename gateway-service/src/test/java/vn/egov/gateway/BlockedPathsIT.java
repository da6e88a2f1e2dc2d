package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * identity-service's internal, service-to-service endpoints ({@code /api/v1/identity/internal/**}) are not
 * part of the public edge: through the gateway they answer 404 {@code not-found} like an unknown path,
 * whatever the token, and the request never reaches identity-service.
 */
class BlockedPathsIT extends GatewayIntegrationTest {

    private static final String CONTACTS =
            "/api/v1/identity/internal/people/3f1c9a52-0d4e-4c47-9a51-6f0b8a2b7e10/contacts";

    static Stream<Arguments> callers() {
        return Stream.of(
                arguments("no token", null),
                arguments("a citizen", ISSUER.citizen("001090000001")),
                arguments("an officer", ISSUER.staff("officer.hn", "OFFICER", "SO-TP-HN")),
                // the very client and scope identity-service accepts there
                arguments(
                        "notification-service's client token",
                        ISSUER.client("notification-service", "identity.contacts")),
                arguments("a forged token", ISSUER.forged(c -> c.subject("x"))),
                arguments("an expired token", ISSUER.expired(c -> c.subject("x"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void internalEndpointsAnswer404WhateverTheToken(String caller, String token) {
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
            GatewayClient.Call call = gateway.call(method, CONTACTS);
            if (token != null) {
                call.bearer(token);
            }
            HttpResponse<String> response = call.send();

            Map<String, Object> problem = assertProblem(response, 404, "not-found");
            assertThat(problem).containsEntry("detail", "Không tìm thấy tài nguyên được yêu cầu.");
            assertAllUpstreamsUntouched(response);
        }
        assertNoInternalRequestReachedIdentity();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/identity/internal",
                "/api/v1/identity/internal/",
                "/api/v1/identity/internal/anything/else?x=1",
                // spellings a servlet container would still resolve to the same endpoint
                "/api/v1/identity/%69nternal/people/p/contacts",
                "/api/v1/identity/internal;jsessionid=x/people/p/contacts",
                "/api/v1/identity//internal/people/p/contacts",
                "/api/v1/identity/./internal/people/p/contacts",
                "/api/v1/identity/me/../internal/people/p/contacts",
                "/api/v1/IDENTITY/Internal/people/p/contacts"
            })
    void everySpellingOfTheInternalPrefixIsBlocked(String path) {
        HttpResponse<String> response = gateway.get(path)
                .bearer(ISSUER.client("notification-service", "identity.contacts"))
                .send();

        assertProblem(response, 404, "not-found");
        assertAllUpstreamsUntouched(response);
        assertNoInternalRequestReachedIdentity();
    }

    @Test
    void theAnswerIsTheUnknownPathProblemInEnglishToo() {
        String token = ISSUER.citizen("001090000001");
        HttpResponse<String> blocked = gateway.get(CONTACTS)
                .bearer(token)
                .header("Accept-Language", "en")
                .send();
        HttpResponse<String> unknown = gateway.get("/api/v2/dossiers")
                .bearer(token)
                .header("Accept-Language", "en")
                .send();

        Map<String, Object> problem = assertProblem(blocked, 404, "not-found");
        Map<String, Object> unknownProblem = assertProblem(unknown, 404, "not-found");
        assertThat(problem).containsEntry("detail", "The requested resource was not found.");
        for (String member : new String[] {"type", "title", "status", "detail", "code"}) {
            assertThat(problem.get(member)).as(member).isEqualTo(unknownProblem.get(member));
        }
        assertAllUpstreamsUntouched(blocked);
    }

    @Test
    void identityServicesPublicEndpointsStillPass() {
        HttpResponse<String> me = gateway.get("/api/v1/identity/me")
                .bearer(ISSUER.citizen("001090000001"))
                .send();
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(relayedTo(IDENTITY, me).path()).isEqualTo("/api/v1/identity/me");

        HttpResponse<String> agencies = gateway.get("/api/v1/identity/agencies").send();
        assertThat(agencies.statusCode()).isEqualTo(200);
        assertThat(relayedTo(IDENTITY, agencies).path()).isEqualTo("/api/v1/identity/agencies");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/auth/admin/master/console/",
                "/auth/admin/realms/egov/users",
                "/auth/realms/master/protocol/openid-connect/token",
                "/auth/realms/master",
                "/auth/realms/MASTER/account",
                "/auth/realms/egov/../master/protocol/openid-connect/token",
                "/auth/%61dmin/master/console/"
            })
    void outsideTheLocalProfileKeycloaksAdminConsoleAndMasterRealmAreNotRouted(String path) {
        for (String method : new String[] {"GET", "POST"}) {
            HttpResponse<String> response = gateway.call(method, path).send();

            assertProblem(response, 404, "not-found");
            assertAllUpstreamsUntouched(response);
        }
    }

    @Test
    void theEgovRealmIsStillRouted() {
        HttpResponse<String> discovery = gateway.get("/auth/realms/egov/.well-known/openid-configuration")
                .send();

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(relayedTo(KEYCLOAK, discovery).path())
                .isEqualTo("/auth/realms/egov/.well-known/openid-configuration");
    }

    private static void assertNoInternalRequestReachedIdentity() {
        assertThat(IDENTITY.received())
                .noneSatisfy(r -> assertThat(URLDecoder.decode(r.path(), StandardCharsets.UTF_8)
                                .toLowerCase(Locale.ROOT))
                        .contains("internal"));
    }
}

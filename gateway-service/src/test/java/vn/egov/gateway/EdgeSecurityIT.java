package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokens are checked at the edge; public endpoints need none; the token is relayed unchanged. */
class EdgeSecurityIT extends GatewayIntegrationTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST, /api/v1/identity/registrations, identity",
        "GET,  /api/v1/identity/agencies,      identity",
        "GET,  /api/v1/identity/national-id-recovery/start, identity",
        "GET,  /api/v1/identity/national-id-recovery/callback?state=s&code=c, identity",
        "GET,  /api/v1/procedures,             dossier",
        "GET,  /api/v1/procedures/1.001234,    dossier",
        "GET,  /api/v1/public/dossiers/HS-1,   dossier",
        "GET,  /api/v1/statistics/agencies,    dossier",
        "GET,  /api/v1/calendar/days?year=2027, dossier",
        "GET,  /api/v1/payments/vnpay/ipn?vnp_TxnRef=1&vnp_SecureHash=ab, payment",
        "GET,  /api/v1/payments/vnpay/return?vnp_TxnRef=1, payment",
        "GET,  /auth/realms/egov/protocol/openid-connect/certs, keycloak",
        "POST, /auth/realms/egov/protocol/openid-connect/token, keycloak",
        "GET,  /v3/api-docs/dossier,           dossier",
    })
    void publicEndpointPassesWithoutToken(String method, String path, String service) {
        HttpResponse<String> response = gateway.call(method, path).body("{}").send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(relayedTo(stub(service), response).header("Authorization")).isNull();
    }

    static Stream<Arguments> protectedEndpoints() {
        return Stream.of(
                arguments("GET", "/api/v1/identity/me"),
                arguments("POST", "/api/v1/identity/verifications"),
                arguments("GET", "/api/v1/identity/agencies/extra"),
                arguments("POST", "/api/v1/identity/national-id-recovery/start"),
                arguments("GET", "/api/v1/identity/national-id-recovery/other"),
                arguments("POST", "/api/v1/procedures"),
                arguments("POST", "/api/v1/dossiers"),
                arguments("GET", "/api/v1/dossiers"),
                arguments("POST", "/api/v1/dossiers/HS-1/actions/withdraw"),
                arguments("DELETE", "/api/v1/public/dossiers/HS-1"),
                arguments("PUT", "/api/v1/calendar/days/2027-02-12"),
                arguments("GET", "/api/v1/calendar/changes"),
                arguments("GET", "/api/v1/payments/pay-1"),
                arguments("POST", "/api/v1/payments/vnpay/ipn"),
                arguments("GET", "/api/v1/notifications/stream"),
                arguments("PUT", "/api/v1/notifications/preferences"),
                arguments("GET", "/actuator/info"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("protectedEndpoints")
    void protectedEndpointWithoutTokenIs401ProblemInVietnamese(String method, String path) {
        HttpResponse<String> response = gateway.call(method, path).body("{}").send();

        Map<String, Object> problem = assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(problem).containsEntry("detail", VI_UNAUTHORIZED).containsEntry("title", "Chưa đăng nhập");
        assertAllUpstreamsUntouched(response);
    }

    @Test
    void problemIsInEnglishWhenAsked() {
        HttpResponse<String> response = gateway.get("/api/v1/dossiers")
                .header("Accept-Language", "en-US,en;q=0.9,vi;q=0.5")
                .send();

        Map<String, Object> problem = assertProblem(response, 401, "unauthorized");
        assertThat(problem).containsEntry("detail", EN_UNAUTHORIZED);
    }

    @Test
    void problemFallsBackToVietnameseForOtherLanguages() {
        HttpResponse<String> response = gateway.get("/api/v1/dossiers")
                .header("Accept-Language", "fr-FR")
                .send();

        assertThat(assertProblem(response, 401, "unauthorized")).containsEntry("detail", VI_UNAUTHORIZED);
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                arguments("expired", ISSUER.expired(c -> c.subject("citizen-1"))),
                arguments("forged", ISSUER.forged(c -> c.subject("citizen-1"))),
                arguments("alg none", ISSUER.unsigned(c -> c.subject("citizen-1"))),
                arguments(
                        "other audience",
                        ISSUER.token(c -> c.subject("citizen-1").audience("account"))),
                arguments(
                        "other issuer",
                        ISSUER.token(c -> c.subject("citizen-1").issuer("http://evil.example/realms/egov"))),
                arguments("not a JWT", "not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusedTokenIs401InvalidToken(String kind, String token) {
        HttpResponse<String> response =
                gateway.get("/api/v1/dossiers").bearer(token).send();

        Map<String, Object> problem = assertProblem(response, 401, "invalid-token");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(
                        header -> assertThat(header).startsWith("Bearer").contains("invalid_token"));
        assertThat(problem)
                .containsEntry("detail", "Mã truy cập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.");
        assertAllUpstreamsUntouched(response);
    }

    @Test
    void validTokenReachesTheServiceWithAuthorizationIntact() {
        String token = ISSUER.citizen("001090000001");

        HttpResponse<String> response =
                gateway.post("/api/v1/dossiers").bearer(token).send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(relayedTo(DOSSIER, response).headerValues("Authorization")).containsExactly("Bearer " + token);
    }

    @Test
    void ministryClientTokenIsAccepted() {
        String token = ISSUER.client("bo-cong-an", "identity.verify");

        HttpResponse<String> response =
                gateway.post("/api/v1/identity/verifications").bearer(token).send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(relayedTo(IDENTITY, response).header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void keycloakRequestsKeepTheirOwnTokensUnchecked() {
        // e.g. Keycloak's account console calling its own API with a token for another audience
        String keycloakToken = ISSUER.token(c -> c.subject("citizen-1").audience("account"));

        HttpResponse<String> response =
                gateway.get("/auth/realms/egov/account").bearer(keycloakToken).send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(relayedTo(KEYCLOAK, response).header("Authorization")).isEqualTo("Bearer " + keycloakToken);
    }

    @Test
    void keycloakPagesMayBeFramedByThisOriginOnly() {
        HttpResponse<String> response = gateway.get(
                        "/auth/realms/egov/protocol/openid-connect/login-status-iframe.html")
                .send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
    }

    @Test
    void fallbackEndpointIsNotReachableFromOutside() {
        HttpResponse<String> response = gateway.get("/fallback/upstream")
                .bearer(ISSUER.citizen("001090000001"))
                .send();

        assertThat(response.statusCode()).isEqualTo(403);
    }
}

package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each public prefix reaches its service, with the path unchanged (API docs: rewritten). */
class RoutingIT extends GatewayIntegrationTest {

    static Stream<Arguments> routes() {
        return Stream.of(
                arguments("GET", "/api/v1/identity/me", "identity", "/api/v1/identity/me"),
                arguments("POST", "/api/v1/identity/officers", "identity", "/api/v1/identity/officers"),
                arguments("GET", "/api/v1/procedures", "dossier", "/api/v1/procedures"),
                arguments("GET", "/api/v1/procedures/1.001234", "dossier", "/api/v1/procedures/1.001234"),
                arguments("POST", "/api/v1/dossiers", "dossier", "/api/v1/dossiers"),
                arguments(
                        "GET",
                        "/api/v1/dossiers/HS-2025-000001/history",
                        "dossier",
                        "/api/v1/dossiers/HS-2025-000001/history"),
                arguments(
                        "GET",
                        "/api/v1/public/dossiers/HS-2025-000001",
                        "dossier",
                        "/api/v1/public/dossiers/HS-2025-000001"),
                arguments("GET", "/api/v1/statistics/agencies", "dossier", "/api/v1/statistics/agencies"),
                // the official forms: Mẫu 07, an agency's register (dossier-service's forms package)
                arguments(
                        "GET",
                        "/api/v1/agencies/000.00.01.H26/register?from=2026-03-01&to=2026-03-31",
                        "dossier",
                        "/api/v1/agencies/000.00.01.H26/register"),
                arguments("GET", "/api/v1/documents", "dossier", "/api/v1/documents"),
                // the one-stop desk: a walk-in taken at the counter, counter guidance (Mẫu 02)
                arguments("POST", "/api/v1/desk/dossiers", "dossier", "/api/v1/desk/dossiers"),
                arguments("POST", "/api/v1/desk/guidance", "dossier", "/api/v1/desk/guidance"),
                arguments("PUT", "/api/v1/calendar/days/2027-02-12", "dossier", "/api/v1/calendar/days/2027-02-12"),
                // the catalogue import (decision 53)
                arguments("POST", "/api/v1/catalogue/imports", "dossier", "/api/v1/catalogue/imports"),
                arguments(
                        "GET",
                        "/api/v1/documents/3f1c9a52-0d4e-4c47-9a51-6f0b8a2b7e10",
                        "dossier",
                        "/api/v1/documents/3f1c9a52-0d4e-4c47-9a51-6f0b8a2b7e10"),
                arguments("GET", "/api/v1/payments/pay-1", "payment", "/api/v1/payments/pay-1"),
                arguments("POST", "/api/v1/payments/pay-1/refunds", "payment", "/api/v1/payments/pay-1/refunds"),
                arguments("GET", "/api/v1/notifications", "notification", "/api/v1/notifications"),
                arguments("POST", "/api/v1/notifications/n-1/read", "notification", "/api/v1/notifications/n-1/read"),
                arguments(
                        "GET",
                        "/auth/realms/egov/.well-known/openid-configuration",
                        "keycloak",
                        "/auth/realms/egov/.well-known/openid-configuration"),
                arguments(
                        "POST",
                        "/auth/realms/egov/protocol/openid-connect/token",
                        "keycloak",
                        "/auth/realms/egov/protocol/openid-connect/token"),
                arguments("GET", "/v3/api-docs/identity", "identity", "/v3/api-docs"),
                arguments("GET", "/v3/api-docs/dossier", "dossier", "/v3/api-docs"),
                arguments("GET", "/v3/api-docs/payment", "payment", "/v3/api-docs"),
                arguments("GET", "/v3/api-docs/notification", "notification", "/v3/api-docs"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("routes")
    void routesEachPrefixToItsService(String method, String path, String service, String upstreamPath) {
        UpstreamStub upstream = stub(service);
        HttpResponse<String> response = gateway.call(method, path)
                .bearer(ISSUER.staff("officer.hn", "OFFICER", "SO-TP-HN"))
                .body("{}")
                .send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        UpstreamStub.Received relayed = relayedTo(upstream, response);
        assertThat(relayed.method()).isEqualTo(method);
        assertThat(relayed.path()).isEqualTo(upstreamPath);
        Map<String, Object> echo = GatewayClient.json(response);
        assertThat(echo).containsEntry("service", service);
        for (UpstreamStub other : new UpstreamStub[] {IDENTITY, DOSSIER, PAYMENT, NOTIFICATION, KEYCLOAK}) {
            if (other != upstream) {
                assertNotRelayed(response, other);
            }
        }
    }

    @Test
    void queryStringIsRelayed() {
        HttpResponse<String> response = gateway.get("/api/v1/procedures?q=h%E1%BB%99+t%E1%BB%8Bch&agency=SO-TP-HN")
                .send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(relayedTo(DOSSIER, response).query()).isEqualTo("q=h%E1%BB%99+t%E1%BB%8Bch&agency=SO-TP-HN");
    }

    @Test
    void unknownPathIsAProblem404() {
        HttpResponse<String> response = gateway.get("/api/v2/dossiers")
                .bearer(ISSUER.citizen("001090000001"))
                .send();

        Map<String, Object> problem = assertProblem(response, 404, "not-found");
        assertThat(problem).containsEntry("detail", "Không tìm thấy tài nguyên được yêu cầu.");
        assertAllUpstreamsUntouched(response);
    }
}

package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a trusted load balancer (here: the test's own loopback address, configured as the trusted proxy),
 * the client address comes from {@code X-Forwarded-For}: two clients behind it get a bucket each, and the
 * upstreams see the client. Keycloak's sign-in form is limited per client address.
 */
@TestPropertySource(
        properties = {
            "egov.gateway.forwarding.trusted-proxies=127.0.0.1/32",
            "egov.gateway.rate-limits.endpoints[0].name=public-lookup",
            "egov.gateway.rate-limits.endpoints[0].method=GET",
            "egov.gateway.rate-limits.endpoints[0].path=/api/v1/public/**",
            "egov.gateway.rate-limits.endpoints[0].limit.capacity=2",
            "egov.gateway.rate-limits.endpoints[0].limit.period=10m",
            "egov.gateway.rate-limits.endpoints[1].name=sign-in",
            "egov.gateway.rate-limits.endpoints[1].method=POST",
            "egov.gateway.rate-limits.endpoints[1].path=/auth/realms/*/login-actions/**",
            "egov.gateway.rate-limits.endpoints[1].per=address",
            "egov.gateway.rate-limits.endpoints[1].limit.capacity=3",
            "egov.gateway.rate-limits.endpoints[1].limit.period=10m",
        })
class TrustedProxyIT extends GatewayIntegrationTest {

    @Test
    void twoClientsBehindATrustedProxyGetABucketEach() {
        for (int i = 0; i < 2; i++) {
            assertThat(lookup("203.0.113.10").statusCode()).isEqualTo(200);
        }
        assertProblem(lookup("203.0.113.10"), 429, "rate-limited");

        HttpResponse<String> other = lookup("203.0.113.11");

        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    }

    @Test
    void theUpstreamSeesTheClientNotTheProxy() {
        HttpResponse<String> response = gateway.get("/api/v1/procedures")
                .header("X-Forwarded-For", "198.51.100.7, 127.0.0.1")
                .send();

        assertThat(response.statusCode()).isEqualTo(200);
        // the trusted hop (127.0.0.1) appended itself; the first untrusted entry from the right is the client
        assertThat(relayedTo(DOSSIER, response).headerValues("X-Forwarded-For")).containsExactly("198.51.100.7");
    }

    @Test
    void behindABalancerTerminatingTlsTheUpstreamsSeeThePublicOrigin() {
        HttpResponse<String> response = gateway.get("/api/v1/procedures")
                .header("X-Forwarded-For", "198.51.100.8")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "dichvucong.tinh.gov.vn")
                .send();

        assertThat(response.statusCode()).isEqualTo(200);
        // Keycloak and the portal build https://dichvucong.tinh.gov.vn/... addresses from these
        assertThat(relayedTo(DOSSIER, response).headerValues("X-Forwarded-Proto"))
                .containsExactly("https");
        assertThat(relayedTo(DOSSIER, response).headerValues("X-Forwarded-Host"))
                .containsExactly("dichvucong.tinh.gov.vn");
        assertThat(relayedTo(DOSSIER, response).headerValues("X-Forwarded-For")).containsExactly("198.51.100.8");
    }

    @Test
    void signInFormPostsAreLimitedPerClientAddressWhateverTheCaller() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> attempt = signIn("198.51.100.20");
            assertThat(attempt.statusCode()).isEqualTo(200);
            assertThat(relayedTo(KEYCLOAK, attempt).path()).isEqualTo("/auth/realms/egov/login-actions/authenticate");
        }

        HttpResponse<String> refused = signIn("198.51.100.20");

        assertProblem(refused, 429, "rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertNotRelayed(refused, KEYCLOAK);
        // another address signs in; pages and token requests are not counted
        assertThat(signIn("198.51.100.21").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/auth/realms/egov/protocol/openid-connect/auth?client_id=web-portal")
                        .header("X-Forwarded-For", "198.51.100.20")
                        .send()
                        .statusCode())
                .isEqualTo(200);
        assertThat(gateway.post("/auth/realms/egov/protocol/openid-connect/token")
                        .header("X-Forwarded-For", "198.51.100.20")
                        .body("{}")
                        .send()
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> lookup(String client) {
        return gateway.get("/api/v1/public/dossiers/HS-1")
                .header("X-Forwarded-For", client)
                .send();
    }

    private HttpResponse<String> signIn(String client) {
        return gateway.post("/auth/realms/egov/login-actions/authenticate?session_code=x&execution=y")
                .header("X-Forwarded-For", client)
                .body("{}")
                .send();
    }
}

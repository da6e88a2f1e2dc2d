package vn.egov.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak trusts X-Forwarded-* (--proxy-headers=xforwarded), so what a client sends must never reach
 * it: the upstream sees only the gateway's own forwarding headers.
 */
class ForwardedHeadersIT extends GatewayIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/auth/realms/egov/.well-known/openid-configuration", "/api/v1/procedures"})
    void clientForwardingHeadersAreReplacedByTheGatewaysOwn(String path) {
        HttpResponse<String> response = gateway.get(path)
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.66")
                .header("X-Forwarded-Prefix", "/evil")
                .header("Forwarded", "for=203.0.113.66;host=evil.example;proto=https")
                .header("X-Real-IP", "203.0.113.66")
                .send();

        assertThat(response.statusCode()).isEqualTo(200);
        UpstreamStub upstream = path.startsWith("/auth") ? KEYCLOAK : DOSSIER;
        UpstreamStub.Received relayed = relayedTo(upstream, response);
        assertThat(relayed.headerValues("X-Forwarded-Host")).containsExactly(gateway.hostAndPort());
        assertThat(relayed.headerValues("X-Forwarded-Proto")).containsExactly("http");
        assertThat(relayed.headerValues("X-Forwarded-Port")).containsExactly(String.valueOf(port));
        assertThat(relayed.headerValues("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(relayed.headers()).doesNotContainKeys("X-Forwarded-Prefix", "Forwarded", "X-Real-IP");
        assertThat(relayed.headers().toString()).doesNotContain("evil.example", "203.0.113.66", "https");
    }
}

package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keycloak trusts X-Forwarded-* (--proxy-headers=xforwarded), so what a client sends must never reach
 * it: the upstream sees only the gateway's own forwarding headers.
 */
class ForwardedHeadersIT extends GatewayIntegrationTest {

    static {
        DOSSIER.answersWithHeaders(
                "/api/v1/procedures/internal-headers",
                Map.of(
                        "X-Application-Context", "dossier-service:8082",
                        "Proxy-Connection", "keep-alive",
                        "X-Procedure-Version", "3"));
    }

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

    @Test
    void hopByHopHeadersStopAtTheGateway() {
        RawHttp.Response response = RawHttp.withoutBody(
                port,
                "GET",
                "/api/v1/procedures",
                List.of(
                        "X-Correlation-Id: hop-by-hop",
                        // "Connection: close" is sent too; a header named in Connection belongs to this hop only
                        "Connection: X-Hop-Secret",
                        "X-Hop-Secret: for-the-gateway-only",
                        "Keep-Alive: timeout=5",
                        "Proxy-Connection: keep-alive",
                        "Proxy-Authorization: Basic dXNlcjpwYXNz",
                        "TE: trailers",
                        "Trailer: X-Checksum"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        UpstreamStub.Received relayed = DOSSIER.requestWith("hop-by-hop").orElseThrow();
        assertThat(relayed.headers())
                .doesNotContainKeys(
                        "X-Hop-Secret", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "TE", "Trailer");
        assertThat(relayed.headerValues("Connection"))
                .allSatisfy(value -> assertThat(value).doesNotContainIgnoringCase("hop"));
        assertThat(relayed.headers().toString()).doesNotContain("for-the-gateway-only", "dXNlcjpwYXNz");
    }

    @Test
    void theServicesHopByHopAndInternalHeadersDoNotReachTheClient() {
        HttpResponse<String> response =
                gateway.get("/api/v1/procedures/internal-headers").send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().map()).doesNotContainKeys("x-application-context", "proxy-connection");
        // the service's own headers pass
        assertThat(response.headers().firstValue("X-Procedure-Version")).hasValue("3");
    }
}

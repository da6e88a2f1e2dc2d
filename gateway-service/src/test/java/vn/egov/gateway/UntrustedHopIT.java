package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A hop that is not a trusted proxy is the client, whatever {@code X-Forwarded-For} it sends: a caller
 * cannot get a fresh bucket by writing another address, nor make the upstreams believe one.
 */
@TestPropertySource(
        properties = {
            "egov.gateway.forwarding.trusted-proxies=10.0.0.0/8",
            "egov.gateway.rate-limits.endpoints[0].name=public-lookup",
            "egov.gateway.rate-limits.endpoints[0].method=GET",
            "egov.gateway.rate-limits.endpoints[0].path=/api/v1/public/**",
            "egov.gateway.rate-limits.endpoints[0].limit.capacity=2",
            "egov.gateway.rate-limits.endpoints[0].limit.period=10m",
        })
class UntrustedHopIT extends GatewayIntegrationTest {

    @Test
    void anotherForwardedAddressFromAnUntrustedHopSharesItsBucket() {
        assertThat(lookup("203.0.113.10").statusCode()).isEqualTo(200);
        HttpResponse<String> second = lookup("203.0.113.11");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(relayedTo(DOSSIER, second).headerValues("X-Forwarded-For")).containsExactly("127.0.0.1");

        assertProblem(lookup("203.0.113.12"), 429, "rate-limited");
    }

    private HttpResponse<String> lookup(String client) {
        return gateway.get("/api/v1/public/dossiers/HS-1")
                .header("X-Forwarded-For", client)
                .send();
    }
}

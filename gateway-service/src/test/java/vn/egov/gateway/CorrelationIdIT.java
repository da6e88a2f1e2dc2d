package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One correlation id per request, chosen by the client when sane, seen by the upstream and returned. */
class CorrelationIdIT extends GatewayIntegrationTest {

    @Test
    void clientIdIsRelayedAndEchoed() {
        String given = "web-" + UUID.randomUUID().toString().substring(0, 8) + ".retry_1";

        HttpResponse<String> response = gateway.get("/api/v1/procedures")
                .header("X-Correlation-Id", given)
                .send();

        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly(given);
        assertThat(DOSSIER.requestWith(given))
                .hasValueSatisfying(relayed ->
                        assertThat(relayed.headerValues("X-Correlation-Id")).containsExactly(given));
    }

    @Test
    void missingIdIsGenerated() {
        HttpResponse<String> response = gateway.get("/api/v1/procedures").send();

        String generated = correlationId(response);
        assertThat(UUID.fromString(generated)).isNotNull();
        assertThat(relayedTo(DOSSIER, response).headerValues("X-Correlation-Id"))
                .containsExactly(generated);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has spaces", "<script>alert(1)</script>", "line\\nbreak", "x{65}", "é-accent"})
    void unsafeIdIsReplaced(String given) {
        String unsafe = given.equals("x{65}") ? "x".repeat(65) : given;

        HttpResponse<String> response = gateway.get("/api/v1/procedures")
                .header("X-Correlation-Id", unsafe)
                .send();

        String used = correlationId(response);
        assertThat(used).isNotEqualTo(unsafe);
        assertThat(UUID.fromString(used)).isNotNull();
        assertThat(relayedTo(DOSSIER, response).headerValues("X-Correlation-Id"))
                .containsExactly(used);
    }

    @Test
    void gatewayErrorsCarryTheIdToo() {
        HttpResponse<String> response = gateway.get("/api/v1/dossiers")
                .header("X-Correlation-Id", "mobile-42")
                .send();

        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("mobile-42");
        assertThat(assertProblem(response, 401, "unauthorized")).containsEntry("correlationId", "mobile-42");
    }
}

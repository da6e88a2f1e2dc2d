package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Probes, metrics and the aggregated API docs are reachable without a token. */
class OperationsIT extends GatewayIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void withoutAnOtlpEndpointNoMetersArePushed() {
        // EGOV_OTLP_ENDPOINT is not set in the tests: Boot's OTLP meter registry would push to localhost:4318
        assertThat(context.getBeanNamesForType(OtlpMeterRegistry.class)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthProbesAreUp(String path) {
        HttpResponse<String> response = gateway.get(path).send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GatewayClient.json(response)).containsEntry("status", "UP");
    }

    @Test
    void prometheusMetricsAreExposed() {
        gateway.get("/api/v1/procedures").send();

        HttpResponse<String> response = gateway.get("/actuator/prometheus").send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes", "resilience4j_circuitbreaker_state");
    }

    @Test
    void theUpstreamConnectionPoolIsSizedAsConfiguredAndMeasured() {
        gateway.get("/api/v1/procedures").send();

        String metrics = gateway.get("/actuator/prometheus").send().body();

        assertThat(metrics.lines()
                        .filter(line -> line.startsWith("reactor_netty_connection_provider_max_connections{")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith(" 1000.0"));
        assertThat(metrics).contains("reactor_netty_connection_provider_active_connections{");
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        HttpResponse<String> response = gateway.get("/actuator/gateway/routes")
                .bearer(ISSUER.staff("admin", "SYSTEM_ADMIN", "BO-TTTT"))
                .send();

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void swaggerUiListsEveryServicesApiDocs() {
        HttpResponse<String> config = gateway.get("/v3/api-docs/swagger-config").send();

        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        List<Map<String, String>> urls =
                (List<Map<String, String>>) GatewayClient.json(config).get("urls");
        assertThat(urls)
                .extracting(url -> url.get("name"), url -> url.get("url"))
                .contains(
                        org.assertj.core.groups.Tuple.tuple("identity", "/v3/api-docs/identity"),
                        org.assertj.core.groups.Tuple.tuple("dossier", "/v3/api-docs/dossier"),
                        org.assertj.core.groups.Tuple.tuple("payment", "/v3/api-docs/payment"),
                        org.assertj.core.groups.Tuple.tuple("notification", "/v3/api-docs/notification"));
    }

    @Test
    void swaggerUiIsServedWithoutToken() {
        HttpResponse<String> page = gateway.get("/swagger-ui.html").send();

        assertThat(page.statusCode()).isEqualTo(302);
        String index = page.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> ui = gateway.get(index).send();
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }
}

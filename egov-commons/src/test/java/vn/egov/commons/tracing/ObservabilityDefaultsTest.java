package vn.egov.commons.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** What {@code EGOV_OTLP_ENDPOINT} turns on: spans and meters go to the collector only when it is set. */
class ObservabilityDefaultsTest {

    @Test
    void withoutAnEndpointNeitherSpansNorMetersAreExported() {
        Map<String, Object> defaults = ObservabilityDefaults.defaults(environment(Map.of()));

        assertThat(defaults)
                .containsEntry("management.tracing.export.otlp.enabled", "false")
                .containsEntry("management.otlp.metrics.export.enabled", "false")
                .doesNotContainKey("management.opentelemetry.tracing.export.otlp.endpoint");
        // with or without an endpoint: statements without their values, no security filter-chain spans
        assertThat(defaults)
                .containsEntry("jdbc.datasource-proxy.include-parameter-values", "false")
                .containsEntry("management.observations.enable.spring.security", "false");
    }

    @Test
    void aBlankEndpointIsNoEndpoint() {
        Map<String, Object> defaults = ObservabilityDefaults.defaults(environment(Map.of("EGOV_OTLP_ENDPOINT", " ")));

        assertThat(defaults).containsEntry("management.otlp.metrics.export.enabled", "false");
    }

    @Test
    void aCollectorsTracesEndpointSendsTheMetersToTheSameCollector() {
        Map<String, Object> defaults = ObservabilityDefaults.defaults(
                environment(Map.of("EGOV_OTLP_ENDPOINT", "http://otel-collector:4318/v1/traces")));

        assertThat(defaults)
                .containsEntry(
                        "management.opentelemetry.tracing.export.otlp.endpoint", "http://otel-collector:4318/v1/traces")
                .containsEntry("management.otlp.metrics.export.url", "http://otel-collector:4318/v1/metrics")
                .doesNotContainKeys("management.tracing.export.otlp.enabled", "management.otlp.metrics.export.enabled");
    }

    @Test
    void anotherEndpointNamesNoMetricsAddressSoNoMetersArePushed() {
        Map<String, Object> defaults =
                ObservabilityDefaults.defaults(environment(Map.of("EGOV_OTLP_ENDPOINT", "http://tempo:4318/traces")));

        assertThat(defaults)
                .containsEntry("management.opentelemetry.tracing.export.otlp.endpoint", "http://tempo:4318/traces")
                .containsEntry("management.otlp.metrics.export.enabled", "false");
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
        return environment;
    }
}

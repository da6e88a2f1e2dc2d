package vn.egov.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** What {@code EGOV_OTLP_ENDPOINT} turns on at the gateway: spans and meters go to the collector only when set. */
class GatewayObservabilityDefaultsTest {

    @Test
    void withoutAnEndpointNeitherSpansNorMetersAreExported() {
        StandardEnvironment environment = withDefaults(Map.of());

        assertThat(environment.getProperty("management.tracing.export.otlp.enabled"))
                .isEqualTo("false");
        assertThat(environment.getProperty("management.otlp.metrics.export.enabled"))
                .isEqualTo("false");
        assertThat(environment.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isFalse();
    }

    @Test
    void aCollectorsTracesEndpointSendsTheMetersToTheSameCollector() {
        StandardEnvironment environment =
                withDefaults(Map.of("EGOV_OTLP_ENDPOINT", "http://otel-collector:4318/v1/traces"));

        assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("http://otel-collector:4318/v1/traces");
        assertThat(environment.getProperty("management.otlp.metrics.export.url"))
                .isEqualTo("http://otel-collector:4318/v1/metrics");
        assertThat(environment.containsProperty("management.otlp.metrics.export.enabled"))
                .isFalse();
    }

    @Test
    void anotherEndpointNamesNoMetricsAddressSoNoMetersArePushed() {
        StandardEnvironment environment = withDefaults(Map.of("EGOV_OTLP_ENDPOINT", "http://tempo:4318/traces"));

        assertThat(environment.getProperty("management.otlp.metrics.export.enabled"))
                .isEqualTo("false");
    }

    @Test
    void theServicesOwnSettingsStillWin() {
        StandardEnvironment environment = withDefaults(Map.of("management.otlp.metrics.export.enabled", "true"));

        assertThat(environment.getProperty("management.otlp.metrics.export.enabled"))
                .isEqualTo("true");
    }

    private static StandardEnvironment withDefaults(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
        new GatewayObservabilityDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}

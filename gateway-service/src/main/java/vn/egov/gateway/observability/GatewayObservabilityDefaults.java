package vn.egov.gateway.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The gateway's share of the platform's tracing and logging defaults (decision 32; the services get theirs from
 * egov-commons' {@code ObservabilityDefaults}, which the gateway does not depend on), added last so that
 * application.yml and the environment still win: every request traced, spans exported over OTLP only when
 * {@code EGOV_OTLP_ENDPOINT} is set, ECS JSON log lines when {@code EGOV_LOG_FORMAT=json}. An environment variable
 * cannot be written as an empty default in YAML here: Spring Boot creates the exporter whenever the endpoint
 * property exists, even empty.
 */
public class GatewayObservabilityDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.tracing.sampling.probability", "1.0");
        // Spring Security's own observations (four spans and timers per request: filter chain before/after,
        // authorisation, secured request) and a long-task timer per observation in flight: in a tenth of the
        // gateway's CPU samples under load (decision 47), read by no dashboard or alert
        defaults.put("management.observations.enable.spring.security", "false");
        defaults.put("management.observations.long-task-timer.enabled", "false");
        String endpoint = environment.getProperty("EGOV_OTLP_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            defaults.put("management.opentelemetry.tracing.export.otlp.endpoint", endpoint.strip());
            defaults.putAll(otlpMetrics(endpoint.strip()));
        } else {
            defaults.put("management.tracing.export.otlp.enabled", "false");
            // Boot's OTLP meter registry is on by default and pushes to localhost:4318 every minute, logging each
            // failure: without a collector it must stay off too (Prometheus scrapes the meters either way)
            defaults.put("management.otlp.metrics.export.enabled", "false");
        }
        if ("json".equalsIgnoreCase(environment.getProperty("EGOV_LOG_FORMAT", ""))) {
            defaults.put("logging.structured.format.console", "ecs");
            defaults.put("logging.structured.format.file", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource("egovGatewayObservabilityDefaults", defaults));
    }

    /**
     * Meters pushed over OTLP to the same collector as the spans: its {@code /v1/metrics} when the endpoint is the
     * collector's {@code /v1/traces}; any other endpoint names no metrics address, so nothing is pushed.
     */
    static Map<String, Object> otlpMetrics(String tracesEndpoint) {
        String traces = "/v1/traces";
        if (tracesEndpoint.endsWith(traces)) {
            String collector = tracesEndpoint.substring(0, tracesEndpoint.length() - traces.length());
            return Map.of("management.otlp.metrics.export.url", collector + "/v1/metrics");
        }
        return Map.of("management.otlp.metrics.export.enabled", "false");
    }
}

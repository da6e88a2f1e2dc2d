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
        String endpoint = environment.getProperty("EGOV_OTLP_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            defaults.put("management.opentelemetry.tracing.export.otlp.endpoint", endpoint.strip());
        } else {
            defaults.put("management.tracing.export.otlp.enabled", "false");
        }
        if ("json".equalsIgnoreCase(environment.getProperty("EGOV_LOG_FORMAT", ""))) {
            defaults.put("logging.structured.format.console", "ecs");
            defaults.put("logging.structured.format.file", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource("egovGatewayObservabilityDefaults", defaults));
    }
}

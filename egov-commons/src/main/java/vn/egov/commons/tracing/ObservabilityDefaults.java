package vn.egov.commons.tracing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The platform's tracing and logging defaults (issue 18, decision 32), added as the <em>last</em> property source:
 * a service's application.yml, its environment and the command line all still win.
 *
 * <ul>
 *   <li>every request traced (sampling 1.0), so trace and span ids are in every log line even locally;</li>
 *   <li>spans exported over OTLP only when {@code EGOV_OTLP_ENDPOINT} is set (e.g.
 *   {@code http://otel-collector:4318/v1/traces}; meters then go to the same collector's {@code /v1/metrics}); without
 *   it nothing is sent anywhere, neither spans nor meters;</li>
 *   <li>the correlation id as baggage ({@code correlationId}), propagated and copied into the logging context, so a
 *   Kafka consumer's lines carry the id of the request that caused the event;</li>
 *   <li>observed Kafka listeners (a consumer span per record, continuing the producer's trace);</li>
 *   <li>a span per JDBC statement (datasource-micrometer), its SQL but never the values bound to it, no
 *   connection or result-set spans, no query log;</li>
 *   <li>no spans of Spring Security's filter chain and no long-task timers (cost per request, nothing to read);</li>
 *   <li>JSON log lines (Elastic Common Schema) when {@code EGOV_LOG_FORMAT=json}, readable text otherwise.</li>
 * </ul>
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "egovObservabilityDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults(environment)));
    }

    static Map<String, Object> defaults(ConfigurableEnvironment environment) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.tracing.sampling.probability", "1.0");
        defaults.put("management.tracing.baggage.remote-fields", "correlationId");
        defaults.put("management.tracing.baggage.correlation.fields", "correlationId");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        // Spring Security's own observations: five spans and two timers per request (filter chain before/after,
        // authentication, authorisation, secured request) that say nothing the server span does not; the gateway's
        // profile (decision 47) found them in a tenth of its CPU samples
        defaults.put("management.observations.enable.spring.security", "false");
        // a long-task timer (…_active_seconds) per observation in flight: no dashboard or alert reads them
        defaults.put("management.observations.long-task-timer.enabled", "false");
        defaults.put("jdbc.includes", "QUERY");
        defaults.put("jdbc.datasource-proxy.include-parameter-values", "false");
        defaults.put("jdbc.datasource-proxy.query.enable-logging", "false");
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
        return defaults;
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

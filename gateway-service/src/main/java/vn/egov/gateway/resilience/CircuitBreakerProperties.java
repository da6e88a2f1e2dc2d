package vn.egov.gateway.resilience;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The per-route circuit breakers (one per route id). */
@ConfigurationProperties("egov.gateway.circuit-breaker")
record CircuitBreakerProperties(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("10s") Duration waitDurationInOpenState,
        @DefaultValue("60s") Duration slowCallDurationThreshold,
        /* routes whose responses stay open (server-sent events): never counted as slow calls */
        Set<String> streamingRoutes) {

    CircuitBreakerProperties {
        streamingRoutes = streamingRoutes == null ? Set.of() : Set.copyOf(streamingRoutes);
    }
}

package vn.egov.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the breakers the gateway's default {@code CircuitBreaker} filter creates per route.
 * Only failures (connection refused, connect or response timeout) count; an upstream's own 4xx/5xx
 * answers are passed through and do not open the breaker. Timeouts are the HTTP client's, not a
 * Resilience4j time limiter (disabled in application.yml).
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    /** Longer than any SSE connection will live; such calls are long by design, not slow. */
    private static final Duration NEVER_SLOW = Duration.ofDays(1);

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(CircuitBreakerProperties properties) {
        return factory -> {
            factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(config(properties, properties.slowCallDurationThreshold()))
                    .build());
            if (!properties.streamingRoutes().isEmpty()) {
                factory.configure(
                        builder -> builder.circuitBreakerConfig(config(properties, NEVER_SLOW)),
                        properties.streamingRoutes().toArray(String[]::new));
            }
        };
    }

    private static CircuitBreakerConfig config(CircuitBreakerProperties properties, Duration slowCall) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .failureRateThreshold(properties.failureRateThreshold())
                .waitDurationInOpenState(properties.waitDurationInOpenState())
                .slowCallDurationThreshold(slowCall)
                .permittedNumberOfCallsInHalfOpenState(3)
                .build();
    }
}

package vn.egov.commons.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer meters ({@code resilience4j_circuitbreaker_*}, {@code resilience4j_retry_*},
 * {@code resilience4j_timelimiter_*} on {@code /actuator/prometheus}) for the registries that Resilience4j's
 * Spring Boot module builds from {@code resilience4j.*} in a service's application.yml.
 * <p>
 * Why here: that module (resilience4j-spring-boot3, the one Spring Cloud ships for Boot 4) orders its own metrics
 * configuration after Boot 3's metrics auto-configuration class names, which Boot 4 moved; its
 * "a MeterRegistry exists" condition is then decided before Boot 4 defines one, and no meter appears. A
 * {@link MeterBinder} is applied by Boot to every registry whenever it exists, so the order no longer matters.
 * When the module's own binders do appear (a later release), these step aside.
 */
@AutoConfiguration(
        afterName = {
            "io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerMetricsAutoConfiguration",
            "io.github.resilience4j.springboot3.retry.autoconfigure.RetryMetricsAutoConfiguration",
            "io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterMetricsAutoConfiguration"
        })
@ConditionalOnClass({MeterRegistry.class, TaggedCircuitBreakerMetrics.class})
public class ResilienceMetricsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CircuitBreakerRegistry.class)
    static class CircuitBreakers {
        @Bean
        @ConditionalOnMissingBean(TaggedCircuitBreakerMetrics.class)
        MeterBinder egovCircuitBreakerMetrics(ObjectProvider<CircuitBreakerRegistry> registries) {
            return meters -> registries.ifAvailable(
                    r -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(r).bindTo(meters));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RetryRegistry.class)
    static class Retries {
        @Bean
        @ConditionalOnMissingBean(TaggedRetryMetrics.class)
        MeterBinder egovRetryMetrics(ObjectProvider<RetryRegistry> registries) {
            return meters -> registries.ifAvailable(
                    r -> TaggedRetryMetrics.ofRetryRegistry(r).bindTo(meters));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TimeLimiterRegistry.class)
    static class TimeLimiters {
        @Bean
        @ConditionalOnMissingBean(TaggedTimeLimiterMetrics.class)
        MeterBinder egovTimeLimiterMetrics(ObjectProvider<TimeLimiterRegistry> registries) {
            return meters -> registries.ifAvailable(
                    r -> TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(r).bindTo(meters));
        }
    }
}

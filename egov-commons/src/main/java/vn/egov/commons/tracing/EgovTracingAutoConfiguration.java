package vn.egov.commons.tracing;

import feign.RequestInterceptor;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.egov.commons.web.CorrelationIdFilter;

/**
 * Service-to-service calls carry the trace and the correlation id (decision 32). A {@code RestClient} built from
 * Spring's {@code RestClient.Builder} is observed by Spring Boot (client span, {@code traceparent}); this adds the
 * correlation id. OpenFeign clients get both from a request interceptor: Feign's own Micrometer capability
 * ({@code feign-micrometer}) does not resolve from this platform's mirror, so a Feign call has no client span of its
 * own, but the callee's server span is a child of the caller's current span, in the same trace.
 */
@AutoConfiguration(
        afterName =
                "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
public class EgovTracingAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletCorrelation {

        /**
         * After Spring's {@code ServerHttpObservationFilter} ({@code HIGHEST_PRECEDENCE + 1}), inside the server span;
         * {@link CorrelationIdFilter} itself runs first of all, so even a request refused early has its id.
         */
        @Bean
        FilterRegistrationBean<CorrelationBaggageFilter> correlationBaggageFilter(ObjectProvider<Tracer> tracer) {
            FilterRegistrationBean<CorrelationBaggageFilter> registration = new FilterRegistrationBean<>(
                    new CorrelationBaggageFilter(tracer.getIfAvailable(() -> Tracer.NOOP)));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RestClientCustomizer.class)
    static class RestClientPropagation {

        @Bean
        RestClientCustomizer egovCorrelationPropagation() {
            return builder -> builder.requestInterceptor(new CorrelationPropagation());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RequestInterceptor.class)
    static class FeignPropagation {

        @Bean
        RequestInterceptor egovTracePropagation(
                ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
            return template -> {
                String id = MDC.get(CorrelationIdFilter.MDC_KEY);
                if (id != null && !template.headers().containsKey(CorrelationIdFilter.HEADER)) {
                    template.header(CorrelationIdFilter.HEADER, id);
                }
                Tracer tracer = tracers.getIfAvailable();
                Propagator propagator = propagators.getIfAvailable();
                if (tracer == null || propagator == null) {
                    return;
                }
                TraceContext context = tracer.currentTraceContext().context();
                if (context != null) {
                    propagator.inject(context, template, (t, key, value) -> t.header(key, value));
                }
            };
        }
    }
}

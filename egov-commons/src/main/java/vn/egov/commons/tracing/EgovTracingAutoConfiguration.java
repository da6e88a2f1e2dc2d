package vn.egov.commons.tracing;

import feign.RequestInterceptor;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.Span;
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
import org.springframework.http.client.observation.ClientRequestObservationConvention;
import vn.egov.commons.web.CorrelationIdFilter;

/**
 * Service-to-service calls carry the trace and the correlation id (decision 32). A {@code RestClient} built from
 * Spring's {@code RestClient.Builder} is observed by Spring Boot (client span, {@code traceparent}); this adds the
 * correlation id, and keeps the query string out of the span ({@link QuerylessClientRequestObservationConvention}:
 * identity-service looks Keycloak's users up by e-mail address). An OpenFeign call is observed the same way
 * ({@link ObservedFeignClients}, decision 48) and gets the correlation id from a request interceptor here.
 * JDBC statements are spans too ({@code datasource-micrometer}, SQL without bound values), but only inside a traced
 * request, handler or task: a poll of the outbox relay is no trace of its own ({@link #jdbcOnlyInsideATrace()}).
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

    /**
     * A JDBC statement with no span around it (the relay's poll, a scheduler's query, a migration) would be a one-span
     * trace of its own, many a second: not observed; inside a request, a Kafka handler or an observed task it is a
     * child span as usual. The test is the current OpenTelemetry span, not the parent observation: datasource-micrometer
     * puts its connection's observation around each statement, a no-op when connections are not observed
     * ({@code jdbc.includes=QUERY}), so every statement has a parent, traced or not.
     */
    @Bean
    static ObservationPredicate jdbcOnlyInsideATrace() {
        return (name, context) ->
                !name.startsWith("jdbc.") || Span.current().getSpanContext().isValid();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RestClientCustomizer.class)
    static class RestClientPropagation {

        @Bean
        RestClientCustomizer egovCorrelationPropagation() {
            return builder -> builder.requestInterceptor(new CorrelationPropagation());
        }

        /** Picked up by Spring Boot's observation of {@code RestClient.Builder}: no query string in the spans. */
        @Bean
        ClientRequestObservationConvention querylessClientRequestObservationConvention() {
            return new QuerylessClientRequestObservationConvention();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RequestInterceptor.class)
    static class FeignPropagation {

        /** A client span per call, {@code traceparent} from it, Spring's meter ({@link ObservedFeignClients}). */
        @Bean
        ObservedFeignClients observedFeignClients(
                ObjectProvider<ObservationRegistry> registry,
                ObjectProvider<ClientRequestObservationConvention> convention) {
            return new ObservedFeignClients(
                    registry.getIfAvailable(() -> ObservationRegistry.NOOP), convention.getIfAvailable());
        }

        @Bean
        RequestInterceptor egovFeignCorrelationPropagation() {
            return template -> {
                String id = MDC.get(CorrelationIdFilter.MDC_KEY);
                if (id != null && !template.headers().containsKey(CorrelationIdFilter.HEADER)) {
                    template.header(CorrelationIdFilter.HEADER, id);
                }
            };
        }
    }
}

package vn.egov.commons.tracing;

import io.micrometer.tracing.Tracer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.events.CloudEvent;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventReader;
import vn.egov.commons.events.IdempotentConsumer;

/** A service that writes an event in a request and consumes it: what one trace must join. */
@SpringBootApplication
public class TracingTestApplication {

    /** A breaker built in code, as the services build theirs: in a registry, so it has meters. */
    @org.springframework.context.annotation.Bean
    io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry circuitBreakers() {
        io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry registry =
                io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.ofDefaults();
        registry.circuitBreaker("probe");
        return registry;
    }

    static final String TOPIC = "egov.test.traced";
    static final String GROUP = "tracing-test";
    private static final Logger log = LoggerFactory.getLogger(TracingTestApplication.class);

    record Written(String eventId, String traceId, String correlationId) {}

    /** What the handler saw: the logging context while it ran, and the event. */
    record Handled(
            String traceId, String spanId, String correlationId, String traceparent, String eventCorrelationId) {}

    @RestController
    static class Probe {
        private final EventPublisher publisher;
        private final TransactionTemplate transactions;
        private final Tracer tracer;

        Probe(EventPublisher publisher, TransactionTemplate transactions, Tracer tracer) {
            this.publisher = publisher;
            this.transactions = transactions;
            this.tracer = tracer;
        }

        @PostMapping("/api/v1/trace-probe")
        Written write() {
            String id = transactions.execute(s -> publisher.publish(
                    TOPIC, "vn.egov.test.traced.v1", "aggregate-" + UUID.randomUUID(), Map.of("n", 1)));
            log.info("trace probe wrote event {}", id);
            return new Written(id, tracer.currentSpan().context().traceId(), MDC.get("correlationId"));
        }

        /** What a client sent: its {@code traceparent} and correlation id, for the OpenFeign case. */
        @GetMapping("/api/v1/trace-probe/echo/{id}")
        String echo(
                @PathVariable("id") String id,
                @RequestHeader(name = "traceparent", required = false) String traceparent,
                @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
            return traceparent + " " + correlationId;
        }
    }

    /** The client observations that ended, with the span each had: what the OpenFeign case inspects. */
    @Component
    static class ClientObservations
            implements io.micrometer.observation.ObservationHandler<
                    org.springframework.http.client.observation.ClientRequestObservationContext> {
        final java.util.List<Ended> ended = new java.util.concurrent.CopyOnWriteArrayList<>();

        record Ended(
                org.springframework.http.client.observation.ClientRequestObservationContext context,
                String traceId,
                String spanId) {}

        @Override
        public void onStop(org.springframework.http.client.observation.ClientRequestObservationContext context) {
            io.micrometer.tracing.handler.TracingObservationHandler.TracingContext tracing =
                    context.get(io.micrometer.tracing.handler.TracingObservationHandler.TracingContext.class);
            io.micrometer.tracing.Span span = tracing == null ? null : tracing.getSpan();
            ended.add(new Ended(
                    context,
                    span == null ? null : span.context().traceId(),
                    span == null ? null : span.context().spanId()));
        }

        @Override
        public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
            return context instanceof org.springframework.http.client.observation.ClientRequestObservationContext;
        }
    }

    @Component
    static class TracedListener {
        final Map<String, Handled> handled = new ConcurrentHashMap<>();
        private final EventReader reader;
        private final IdempotentConsumer idempotent;

        TracedListener(EventReader reader, IdempotentConsumer idempotent) {
            this.reader = reader;
            this.idempotent = idempotent;
        }

        @KafkaListener(topics = TOPIC, groupId = GROUP)
        void on(ConsumerRecord<String, String> record) {
            CloudEvent event = reader.read(record.value());
            idempotent.process(GROUP, event, e -> {
                log.info("trace probe handled event {}", e.id());
                handled.put(
                        e.id(),
                        new Handled(
                                MDC.get("traceId"),
                                MDC.get("spanId"),
                                MDC.get("correlationId"),
                                e.traceparent(),
                                e.correlationid()));
            });
        }
    }
}

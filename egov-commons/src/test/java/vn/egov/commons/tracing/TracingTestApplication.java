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
import org.springframework.web.bind.annotation.PostMapping;
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

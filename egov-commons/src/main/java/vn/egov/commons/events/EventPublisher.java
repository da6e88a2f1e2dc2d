package vn.egov.commons.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.tracing.TraceParents;

/**
 * Publishes domain events through the transactional outbox: the event is written to the service's
 * own {@code outbox_event} table in the caller's transaction, and {@link OutboxRelay} sends it to
 * Kafka after commit. A rolled-back change therefore publishes nothing, and an event written while
 * Kafka is down waits in the table until the broker is back.
 *
 * <p>The event's {@code traceparent} is the current span's (the request or listener that writes the event); the
 * row keeps it inside the stored envelope, and {@link OutboxRelay} sends the event in a span of that trace
 * (decision 32). Written outside any trace (a scheduled sweep), the event starts a trace of its own: a short
 * {@code egov.event.publish} span, so the id is a real, exported one and never made up.
 *
 * <p>Each event leaves one line in the writer's log (type, id, topic: never the subject or the data), in the span of
 * the request that wrote it, so that request's trace id is in the service's log next to the consumers' lines
 * ({@link IdempotentConsumer}; issue 18): a request that only writes rows logged nothing before.
 */
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String source;
    private final Clock clock;
    private final Tracer tracer;
    private final List<Runnable> committed = new CopyOnWriteArrayList<>();

    public EventPublisher(JdbcClient jdbc, JsonMapper json, String source, Clock clock) {
        this(jdbc, json, source, clock, null);
    }

    /** @param tracer the service's tracer; null (no tracing) writes events without a {@code traceparent} */
    public EventPublisher(JdbcClient jdbc, JsonMapper json, String source, Clock clock, Tracer tracer) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.clock = clock;
        this.tracer = tracer;
    }

    /**
     * Runs {@code action} after each transaction that wrote an event commits (not after a rollback): the relay's
     * wake-up, so an event need not wait for the relay's next pass. It must not throw and must return at once: it runs
     * on the committing thread.
     */
    public void afterCommit(Runnable action) {
        committed.add(Objects.requireNonNull(action, "action"));
    }

    /**
     * Records an event for {@code topic}, keyed by {@code subject} (the aggregate id).
     *
     * @param type the versioned type, e.g. {@code vn.egov.dossier.submitted.v1}
     * @param data a record, serialised as the event's {@code data}
     * @return the event id
     * @throws IllegalStateException when called outside a transaction: an event must commit or roll
     *     back with the change it describes
     */
    public String publish(String topic, String type, String subject, Object data) {
        Objects.requireNonNull(subject, "subject");
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are published in the transaction of the change they describe");
        }
        String id = UUID.randomUUID().toString();
        JsonNode payload = json.valueToTree(data);
        String correlationId = MDC.get("correlationId");
        CloudEvent event = new CloudEvent(
                CloudEvent.SPEC_VERSION,
                id,
                source,
                type,
                subject,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(),
                "application/json",
                traceparent(type),
                correlationId,
                payload);
        jdbc.sql("""
                insert into outbox_event (event_id, topic, event_key, event_type, payload)
                values (:id::uuid, :topic, :key, :type, :payload)""")
                .param("id", id)
                .param("topic", topic)
                .param("key", subject)
                .param("type", type)
                .param("payload", json.writeValueAsString(event))
                .update();
        log.info("Event {} {} written to the outbox for {}", type, id, topic);
        if (!committed.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed.forEach(Runnable::run);
                }
            });
        }
        return id;
    }

    private String traceparent(String type) {
        String current = TraceParents.current(tracer);
        if (current != null || tracer == null) {
            return current;
        }
        Span root = tracer.nextSpan().name("egov.event.publish").tag("egov.event.type", type);
        try {
            return TraceParents.of(root.start().context());
        } finally {
            root.end();
        }
    }
}

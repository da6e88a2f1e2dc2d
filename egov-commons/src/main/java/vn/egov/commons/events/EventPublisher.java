package vn.egov.commons.events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes domain events through the transactional outbox: the event is written to the service's
 * own {@code outbox_event} table in the caller's transaction, and {@link OutboxRelay} sends it to
 * Kafka after commit. A rolled-back change therefore publishes nothing, and an event written while
 * Kafka is down waits in the table until the broker is back.
 */
public class EventPublisher {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String source;
    private final Clock clock;

    public EventPublisher(JdbcClient jdbc, JsonMapper json, String source, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.clock = clock;
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
                traceparent(),
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
        return id;
    }

    private static String traceparent() {
        String traceId = MDC.get("traceId");
        String spanId = MDC.get("spanId");
        HexFormat hex = HexFormat.of();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (traceId == null || traceId.length() != 32) {
            traceId = hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
        }
        if (spanId == null || spanId.length() != 16) {
            spanId = hex.toHexDigits(random.nextLong());
        }
        return "00-" + traceId + "-" + spanId + "-01";
    }
}

package vn.egov.commons.events;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends committed outbox rows to Kafka in the order they were written, and marks them published.
 *
 * <p>One relay at a time per database (a transaction-scoped advisory lock), so that events of one
 * aggregate keep their order even with several instances of a service. A send that fails stops the
 * batch (later rows wait, order kept) and is retried on the next tick. Delivery is at least once:
 * a crash between send and commit resends, and consumers deduplicate on the event id.
 *
 * <p>Rows of a {@linkplain EventsProperties#sensitiveTypes() sensitive type} lose their {@code data} (the
 * CloudEvent envelope stays, for tracing) in the same update that marks them published, so a secret the
 * event carries to its consumer (a one-time code) does not stay in the database once Kafka has it.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary constant: the advisory lock key that serialises relays of one database. */
    private static final long RELAY_LOCK = 0x6567_6f76_6f75_7462L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final int batchSize;
    private final long sendTimeoutMillis;
    private final Set<String> sensitiveTypes;
    private final JsonMapper json;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
                       int batchSize, long sendTimeoutMillis, Set<String> sensitiveTypes, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.sendTimeoutMillis = sendTimeoutMillis;
        this.sensitiveTypes = Set.copyOf(sensitiveTypes);
        this.json = json;
    }

    private record Pending(long seq, String eventId, String topic, String key, String type, String payload) {
    }

    /** Relays one batch; returns how many events were published. */
    public int relayBatch() {
        Integer published = transactions.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(RELAY_LOCK)
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Pending> batch = jdbc.sql("""
                    select seq, event_id::text, topic, event_key, event_type, payload from outbox_event
                    where published_at is null order by seq limit ?""")
                    .param(batchSize)
                    .query((rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)))
                    .list();
            int sent = 0;
            for (Pending p : batch) {
                try {
                    send(p);
                } catch (Exception e) {
                    jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = ? where seq = ?")
                            .param(abbreviate(e)).param(p.seq()).update();
                    log.warn("outbox relay: event {} not sent yet ({}); will retry", p.eventId(), abbreviate(e));
                    break;
                }
                // null: the payload stays as it is (not rewritten)
                String erased = sensitiveTypes.contains(p.type()) ? withoutData(p.payload()) : null;
                jdbc.sql("""
                        update outbox_event set published_at = now(), attempts = attempts + 1, last_error = null,
                            payload = coalesce(cast(:erased as text), payload)
                        where seq = :seq""")
                        .param("erased", erased).param("seq", p.seq()).update();
                sent++;
            }
            return sent;
        });
        return published == null ? 0 : published;
    }

    /** Events written and not yet published (a health and metrics figure). */
    public long backlog() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
    }

    /** The envelope as sent, without its {@code data}; an envelope that cannot be read is not kept at all. */
    private String withoutData(String payload) {
        try {
            JsonNode event = json.readTree(payload);
            if (event instanceof ObjectNode envelope) {
                envelope.remove("data");
                return json.writeValueAsString(envelope);
            }
        } catch (RuntimeException e) {
            log.warn("outbox relay: sensitive event payload unreadable ({}); erased whole", e.getClass().getSimpleName());
        }
        return "{}";
    }

    private void send(Pending p) throws InterruptedException, ExecutionException, TimeoutException {
        ProducerRecord<String, String> record = new ProducerRecord<>(p.topic(), p.key(), p.payload());
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
    }

    private static String abbreviate(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}

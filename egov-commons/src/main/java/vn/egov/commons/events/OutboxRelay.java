package vn.egov.commons.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.egov.commons.tracing.TraceParents;
import vn.egov.commons.web.CorrelationIdFilter;

/**
 * Sends committed outbox rows to Kafka in the order they were written, and marks them published.
 *
 * <p>One relay at a time per database (a transaction-scoped advisory lock), so that events of one
 * aggregate keep their order even with several instances of a service. Delivery is at least once:
 * a crash between send and commit resends, and consumers deduplicate on the event id.
 *
 * <p>What a failed send does depends on why it failed ({@link #classify}, decision 11):
 * <ul>
 *   <li>{@link Failure#TRANSIENT} (the broker is away, a timeout): the batch stops, later rows wait, the row is
 *   retried on the next tick, however long it takes; it never counts towards parking.</li>
 *   <li>{@link Failure#PERMANENT} (Kafka refuses this record: too large, not serialisable, not authorised,
 *   invalid topic): the row is <em>parked</em> at once.</li>
 *   <li>{@link Failure#UNEXPECTED} (anything else): the batch stops and the row is retried, but after
 *   {@code maxSendAttempts} such failures it is parked.</li>
 * </ul>
 * A parked row stays in the table with its error and is logged once as an error. It no longer blocks other
 * aggregates; later events of <em>its</em> aggregate (same topic and key) are held behind it, so per-aggregate
 * order is never broken, until an operator retries or discards it ({@link ParkedEvents}).
 *
 * <p>Rows of a {@linkplain EventsProperties#sensitiveTypes() sensitive type} lose their {@code data} (the
 * CloudEvent envelope stays, for tracing) in the same update that marks them published, so a secret the
 * event carries to its consumer (a one-time code) does not stay in the database once Kafka has it.
 *
 * <p>Each send runs in a span whose parent is the event's own {@code traceparent} (the request that wrote the
 * row), with the event's correlation id as baggage; both go into the record's W3C headers ({@code traceparent},
 * {@code baggage}) and the consumer's listener observation continues the same trace (decision 32). Each send is timed
 * ({@code egov.outbox.relay.send}, by topic and outcome).
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
    private final int maxSendAttempts;
    private volatile Tracer tracer;
    private volatile MeterRegistry meters;

    /** Why a send failed, as far as it decides what the relay does next. */
    enum Failure {
        TRANSIENT,
        PERMANENT,
        UNEXPECTED
    }

    public OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            int batchSize,
            long sendTimeoutMillis,
            Set<String> sensitiveTypes,
            JsonMapper json) {
        this(jdbc, transactions, kafka, batchSize, sendTimeoutMillis, sensitiveTypes, json, 5);
    }

    public OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            int batchSize,
            long sendTimeoutMillis,
            Set<String> sensitiveTypes,
            JsonMapper json,
            int maxSendAttempts) {
        if (maxSendAttempts < 1) {
            throw new IllegalArgumentException("egov.events.max-send-attempts must be 1 or more: " + maxSendAttempts);
        }
        this.maxSendAttempts = maxSendAttempts;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.sendTimeoutMillis = sendTimeoutMillis;
        this.sensitiveTypes = Set.copyOf(sensitiveTypes);
        this.json = json;
    }

    /**
     * Traces and times the sends (either may be null: not traced, not timed). Set once at start, by the
     * auto-configuration.
     */
    public OutboxRelay observedBy(Tracer tracer, MeterRegistry meters) {
        this.tracer = tracer;
        this.meters = meters;
        return this;
    }

    private record Pending(
            long seq, String eventId, String topic, String key, String type, String payload, int sendFailures) {
        String aggregate() {
            return topic + "\u0000" + key;
        }
    }

    /** Relays one batch; returns how many events were published. */
    public int relayBatch() {
        Integer published = transactions.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)")
                    .param(RELAY_LOCK)
                    .query(Boolean.class)
                    .single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            // rows still to send, in order, skipping parked ones and those held behind a parked row of their aggregate
            List<Pending> batch = jdbc.sql("""
                    select seq, event_id::text, topic, event_key, event_type, payload, send_failures from outbox_event o
                    where published_at is null and parked_at is null
                      and not exists (select 1 from outbox_event p
                                      where p.parked_at is not null and p.discarded_at is null and p.published_at is null
                                        and p.topic = o.topic and p.event_key = o.event_key and p.seq < o.seq)
                    order by seq limit ?""")
                    .param(batchSize)
                    .query((rs, i) -> new Pending(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getInt(7)))
                    .list();
            int sent = 0;
            Set<String> parkedNow = new HashSet<>();
            for (Pending p : batch) {
                if (parkedNow.contains(p.aggregate())) {
                    continue; // held behind the row of its aggregate parked a moment ago
                }
                try {
                    send(p);
                } catch (Exception e) {
                    Failure failure = classify(e);
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    String error = abbreviate(e);
                    int failures = p.sendFailures() + (failure == Failure.TRANSIENT ? 0 : 1);
                    if (failure == Failure.PERMANENT || failures >= maxSendAttempts) {
                        park(p, error, failures);
                        parkedNow.add(p.aggregate());
                        continue;
                    }
                    jdbc.sql(
                                    "update outbox_event set attempts = attempts + 1, send_failures = ?, last_error = ? where seq = ?")
                            .param(failures)
                            .param(error)
                            .param(p.seq())
                            .update();
                    log.warn("outbox relay: event {} not sent yet ({}); will retry", p.eventId(), error);
                    break;
                }
                // null: the payload stays as it is (not rewritten)
                String erased = sensitiveTypes.contains(p.type()) ? withoutData(json, p.payload()) : null;
                jdbc.sql("""
                        update outbox_event set published_at = now(), attempts = attempts + 1, last_error = null,
                            payload = coalesce(cast(:erased as text), payload)
                        where seq = :seq""").param("erased", erased).param("seq", p.seq()).update();
                sent++;
            }
            return sent;
        });
        return published == null ? 0 : published;
    }

    /** Events written and still to send, parked ones excluded (a health and metrics figure). */
    public long backlog() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null and parked_at is null")
                .query(Long.class)
                .single();
    }

    /**
     * Gives up on a row: kept with its error, counted, logged once (this is the only place that logs it as an
     * error; the relay never looks at the row again until an operator retries it).
     */
    private void park(Pending p, String error, int failures) {
        jdbc.sql("""
                update outbox_event set attempts = attempts + 1, send_failures = ?, last_error = ?, parked_at = now()
                where seq = ?""").param(failures).param(error).param(p.seq()).update();
        jdbc.sql(
                        "insert into outbox_event_action (event_id, action, actor, error) values (?::uuid, 'PARKED', 'outbox-relay', ?)")
                .param(p.eventId())
                .param(error)
                .update();
        log.error(
                "outbox relay: event {} ({} on {}, key {}, {} bytes) PARKED after {} failure(s): {}. Later events of "
                        + "this key wait behind it; other events go on. Retry or discard it: "
                        + "GET /api/v1/admin/events/parked (SYSTEM_ADMIN)",
                p.eventId(),
                p.type(),
                p.topic(),
                p.key(),
                p.payload().getBytes(StandardCharsets.UTF_8).length,
                failures,
                error);
    }

    /**
     * What a failed send means, from the exception the producer or the template threw (the cause chain is
     * searched: {@code ExecutionException}, {@code KafkaProducerException} and {@code KafkaException} wrap the
     * client's own). Refusals of the record itself are permanent; the broker being away (any
     * {@link RetriableException}, e.g. the client's {@code TimeoutException} while metadata cannot be fetched,
     * or our own wait running out) is transient, and so is a failure to authenticate at all (it is not this
     * event's fault: every event would fail alike, and parking them all would turn an outage into manual work).
     */
    static Failure classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException
                    || t instanceof RecordBatchTooLargeException
                    || t instanceof SerializationException
                    || t instanceof AuthorizationException
                    || t instanceof InvalidTopicException
                    || t instanceof InvalidRecordException) {
                return Failure.PERMANENT;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException
                    || t instanceof TimeoutException
                    || t instanceof InterruptedException
                    || t instanceof AuthenticationException) {
                return Failure.TRANSIENT;
            }
        }
        return Failure.UNEXPECTED;
    }

    /** The envelope as sent, without its {@code data}; an envelope that cannot be read is not kept at all. */
    static String withoutData(JsonMapper json, String payload) {
        try {
            JsonNode event = json.readTree(payload);
            if (event instanceof ObjectNode envelope) {
                envelope.remove("data");
                return json.writeValueAsString(envelope);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "outbox relay: sensitive event payload unreadable ({}); erased whole",
                    e.getClass().getSimpleName());
        }
        return "{}";
    }

    private void send(Pending p) throws InterruptedException, ExecutionException, TimeoutException {
        ProducerRecord<String, String> record = new ProducerRecord<>(p.topic(), p.key(), p.payload());
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Tracer tracer = this.tracer;
        MeterRegistry meters = this.meters;
        long started = System.nanoTime();
        String outcome = "failed";
        Span span = null;
        Tracer.SpanInScope inScope = null;
        BaggageInScope correlation = null;
        try {
            if (tracer != null) {
                JsonNode envelope = envelope(p.payload());
                TraceContext parent = TraceParents.parse(tracer, text(envelope, "traceparent"));
                Span.Builder builder = tracer.spanBuilder()
                        .name("egov.outbox.relay " + p.topic())
                        .kind(Span.Kind.PRODUCER)
                        .tag("egov.event.type", p.type())
                        .tag("egov.event.id", p.eventId());
                if (parent != null) {
                    builder.setParent(parent);
                } else {
                    builder.setNoParent();
                }
                span = builder.start();
                inScope = tracer.withSpan(span);
                // the W3C headers the consumer's listener observation continues: this span as the parent, the
                // correlation id as baggage. Written here rather than by the template's own observation, which
                // asks the cluster for its id through an admin client and blocks each send while Kafka is away.
                String traceparent = TraceParents.of(span.context());
                if (traceparent != null) {
                    record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
                }
                String correlationId = text(envelope, "correlationid");
                if (correlationId != null) {
                    correlation = tracer.createBaggageInScope(CorrelationIdFilter.MDC_KEY, correlationId);
                    record.headers()
                            .add(
                                    "baggage",
                                    (CorrelationIdFilter.MDC_KEY + "="
                                                    + URLEncoder.encode(correlationId, StandardCharsets.UTF_8))
                                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            kafka.send(record).get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
            outcome = "sent";
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            if (span != null) {
                span.error(e);
            }
            throw e;
        } finally {
            if (correlation != null) {
                correlation.close();
            }
            if (inScope != null) {
                inScope.close();
            }
            if (span != null) {
                span.end();
            }
            if (meters != null) {
                Timer.builder("egov.outbox.relay.send")
                        .description("time to hand one outbox event to Kafka and have it acknowledged")
                        .tag("topic", p.topic())
                        .tag("outcome", outcome)
                        .register(meters)
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** The stored envelope (for its trace attributes); null when unreadable, which only loses the trace link. */
    private JsonNode envelope(String payload) {
        try {
            return json.readTree(payload);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode envelope, String field) {
        if (envelope == null) {
            return null;
        }
        JsonNode value = envelope.get(field);
        return value != null && value.isString() ? value.asString() : null;
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

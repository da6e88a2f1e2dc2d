package vn.egov.commons.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures operators watch, refreshed in the background so that neither a Prometheus scrape nor the health
 * endpoint ever waits for the database or Kafka: the outbox's backlog (still to send, parked excluded), its
 * parked rows, the age of the oldest row still to send, and the records in this service's dead-letter topics
 * ({@code <topic>.<group>.dlq} of its consumer group: end offset minus start offset of every partition).
 *
 * <p>A figure that cannot be read keeps its last value and the failure is reported beside it; a figure never
 * read is unknown ({@code NaN} in the metrics).
 */
public class OutboxMonitor extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxMonitor.class);
    private static final long KAFKA_TIMEOUT_MILLIS = 5000;

    /** The outbox's figures at {@code refreshedAt} (all null before the first successful read). */
    public record OutboxFigures(
            Long backlog, Long parked, Double oldestPendingAgeSeconds, Instant refreshedAt, String lastError) {}

    /** The dead-letter topics of this service's consumer group and their record counts. */
    public record DeadLetterFigures(Map<String, Long> topics, Instant refreshedAt, String lastError) {
        public Long total() {
            return topics == null
                    ? null
                    : topics.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final JdbcClient jdbc;
    private final Map<String, Object> adminProperties;
    private final String consumerGroup;
    private volatile OutboxFigures outbox = new OutboxFigures(null, null, null, null, null);
    private volatile DeadLetterFigures deadLetters;
    private final Object adminLock = new Object();
    private Admin admin;

    /**
     * @param adminProperties Kafka admin client settings (bootstrap servers, security), or null to count no
     *     dead letters
     * @param consumerGroup the service's consumer group; null when it consumes nothing (no dead-letter topics)
     */
    public OutboxMonitor(
            JdbcClient jdbc, Map<String, Object> adminProperties, String consumerGroup, Duration interval) {
        super("outbox-monitor", Duration.ofMillis(Math.min(1000, interval.toMillis())), interval);
        this.jdbc = jdbc;
        this.adminProperties = adminProperties;
        this.consumerGroup = consumerGroup;
        this.deadLetters = consumerGroup == null || adminProperties == null
                ? new DeadLetterFigures(Map.of(), null, null)
                : new DeadLetterFigures(null, null, null);
    }

    public OutboxFigures outbox() {
        return outbox;
    }

    public DeadLetterFigures deadLetters() {
        return deadLetters;
    }

    @Override
    protected void tick() {
        refreshOutbox();
        refreshDeadLetters();
    }

    void refreshOutbox() {
        try {
            // one pass over the pending rows (the pending partial index): still to send, parked, oldest still to send
            OutboxFigures read = jdbc.sql("""
                    select count(*) filter (where parked_at is null),
                           count(*) filter (where parked_at is not null and discarded_at is null),
                           extract(epoch from now() - min(created_at) filter (where parked_at is null))
                    from outbox_event where published_at is null""")
                    .query((rs, i) -> {
                        double age = rs.getDouble(3);
                        return new OutboxFigures(
                                rs.getLong(1), rs.getLong(2), rs.wasNull() ? 0.0 : age, Instant.now(), null);
                    })
                    .single();
            outbox = read;
        } catch (RuntimeException e) {
            OutboxFigures last = outbox;
            outbox = new OutboxFigures(
                    last.backlog(),
                    last.parked(),
                    last.oldestPendingAgeSeconds(),
                    last.refreshedAt(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
            log.debug("outbox figures not refreshed: {}", e.toString());
        }
    }

    void refreshDeadLetters() {
        if (consumerGroup == null || adminProperties == null) {
            return;
        }
        try {
            deadLetters = new DeadLetterFigures(countDeadLetters(), Instant.now(), null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            DeadLetterFigures last = deadLetters;
            deadLetters = new DeadLetterFigures(
                    last.topics(), last.refreshedAt(), e.getClass().getSimpleName() + ": " + e.getMessage());
            log.debug("dead-letter counts not refreshed: {}", e.toString());
        }
    }

    private Map<String, Long> countDeadLetters() throws Exception {
        Admin client = admin();
        String suffix = "." + consumerGroup + ".dlq";
        Set<String> topics = client
                .listTopics(new ListTopicsOptions().timeoutMs((int) KAFKA_TIMEOUT_MILLIS))
                .names()
                .get(KAFKA_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .stream()
                .filter(t -> t.endsWith(suffix))
                .collect(Collectors.toSet());
        Map<String, Long> counts = new TreeMap<>();
        if (topics.isEmpty()) {
            return counts;
        }
        Map<String, TopicDescription> described =
                client.describeTopics(topics).allTopicNames().get(KAFKA_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described
                .values()
                .forEach(d -> d.partitions().forEach(p -> {
                    TopicPartition tp = new TopicPartition(d.name(), p.partition());
                    earliest.put(tp, OffsetSpec.earliest());
                    latest.put(tp, OffsetSpec.latest());
                }));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start =
                client.listOffsets(earliest).all().get(KAFKA_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end =
                client.listOffsets(latest).all().get(KAFKA_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        topics.forEach(t -> counts.put(t, 0L));
        end.forEach((tp, info) ->
                counts.merge(tp.topic(), info.offset() - start.get(tp).offset(), Long::sum));
        return counts;
    }

    private Admin admin() {
        synchronized (adminLock) {
            if (admin == null) {
                Map<String, Object> props = new HashMap<>(adminProperties);
                props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT_MILLIS);
                props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT_MILLIS);
                admin = Admin.create(props);
            }
            return admin;
        }
    }

    @Override
    public void stop() {
        super.stop();
        synchronized (adminLock) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
                admin = null;
            }
        }
    }
}

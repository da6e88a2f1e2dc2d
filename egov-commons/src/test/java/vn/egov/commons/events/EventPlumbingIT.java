package vn.egov.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.devstack.kafka.KafkaBroker;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * The outbox and idempotent consumption against a real PostgreSQL and a real Kafka broker. The broker
 * is this test's own (a KRaft broker process) so the test can take it down and bring it back.
 */
@SpringBootTest(classes = EventPlumbingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class EventPlumbingIT {

    private static final KafkaBroker broker = RealInfrastructure.startKafkaBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("egov.test.kafka", () -> "false");
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventPlumbingTestApplication.TestListener listener;

    @Autowired
    OutboxRetention retention;

    @Autowired
    org.springframework.kafka.core.ConsumerFactory<?, ?> consumers;

    record Payload(String dossierCode, long amount) {}

    record Secret(String destination, String code) {}

    @BeforeEach
    void brokerUp() {
        broker.start();
        listener.failuresLeft.set(0);
    }

    @Test
    void aDeadConsumersPartitionsAreHandedOnWithinSecondsNotTheClientsDefault45() {
        // KafkaConsumerDefaults, applied to the consumers Spring Boot configures for every service
        assertThat(consumers.getConfigurationProperties())
                .containsEntry("session.timeout.ms", "10000")
                .containsEntry("heartbeat.interval.ms", 3000);
    }

    @Test
    void anEventWrittenWhileKafkaIsDownIsDeliveredOnceItIsBack() {
        broker.stop();
        String subject = "dossier-" + UUID.randomUUID();
        String id = transactions.execute(s -> publisher.publish(
                EventPlumbingTestApplication.TOPIC,
                "vn.egov.test.happened.v1",
                subject,
                new Payload("000.00.01.H26-261122-0001", 25_000)));

        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(id) > 0);
        assertThat(publishedAt(id)).as("not published while the broker is down").isNull();

        broker.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> publishedAt(id) != null);
        List<ConsumerRecord<String, String>> records =
                readTopic(EventPlumbingTestApplication.TOPIC, id, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(subject);
        assertThat(new String(record.headers().lastHeader("content-type").value()))
                .isEqualTo(CloudEvent.CONTENT_TYPE);
        assertThat(record.value())
                .contains(
                        "\"specversion\":\"1.0\"",
                        "\"type\":\"vn.egov.test.happened.v1\"",
                        "\"source\":\"/egov-commons-test\"",
                        "\"dossierCode\":\"000.00.01.H26-261122-0001\"",
                        "\"traceparent\":\"00-");
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String subject = "dossier-" + UUID.randomUUID();
        List<String> rolledBack = new ArrayList<>();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
                    rolledBack.add(publisher.publish(
                            EventPlumbingTestApplication.TOPIC,
                            "vn.egov.test.happened.v1",
                            subject,
                            new Payload("rolled-back", 1)));
                    throw new IllegalStateException("the change fails after the event was written");
                }))
                .isInstanceOf(IllegalStateException.class);
        String committed = transactions.execute(s -> publisher.publish(
                EventPlumbingTestApplication.TOPIC, "vn.egov.test.happened.v1", subject, new Payload("committed", 2)));

        await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(committed) != null);
        assertThat(jdbc.sql("select count(*) from outbox_event where event_id = ?::uuid")
                        .param(rolledBack.get(0))
                        .query(Long.class)
                        .single())
                .isZero();
        List<String> values = readTopicByKey(EventPlumbingTestApplication.TOPIC, subject, Duration.ofSeconds(5));
        assertThat(values).hasSize(1);
        assertThat(values.get(0)).contains("committed").doesNotContain("rolled-back");
    }

    /**
     * The relay's wake-up: each transaction that wrote an event, once committed, runs the publisher's after-commit
     * actions (the relay runner registers one, see {@code EgovEventsAutoConfiguration}); a rolled-back one does not.
     * The row is visible to another connection when the action runs.
     */
    @Test
    void aCommittedEventWakesTheRelayARolledBackOneDoesNot() {
        List<Boolean> visible = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>();
        publisher.afterCommit(() -> {
            String id = last.get();
            if (id != null) {
                visible.add(jdbc.sql("select count(*) from outbox_event where event_id = ?::uuid")
                                .param(id)
                                .query(Long.class)
                                .single()
                        == 1);
            }
        });
        String subject = "dossier-" + UUID.randomUUID();

        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
                    last.set(publisher.publish(
                            EventPlumbingTestApplication.TOPIC,
                            "vn.egov.test.happened.v1",
                            subject,
                            new Payload("rolled-back", 1)));
                    throw new IllegalStateException("roll back");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(visible).as("nothing after a rollback").isEmpty();

        transactions.executeWithoutResult(s -> last.set(publisher.publish(
                EventPlumbingTestApplication.TOPIC, "vn.egov.test.happened.v1", subject, new Payload("committed", 2))));
        assertThat(visible).as("once, after the commit, the row visible").containsExactly(true);
        String committed = last.getAndSet(null);
        // handled before the next test counts its own deliveries
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(committed));
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> publisher.publish(
                        EventPlumbingTestApplication.TOPIC,
                        "vn.egov.test.happened.v1",
                        "x",
                        new Payload("no transaction", 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRedeliveredEventHasOneEffect() {
        String eventId = UUID.randomUUID().toString();
        String value = cloudEvent(eventId, "vn.egov.test.happened.v1");
        int before = listener.deliveries.get();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(EventPlumbingTestApplication.TOPIC, "k-" + eventId, value));
            producer.send(new ProducerRecord<>(EventPlumbingTestApplication.TOPIC, "k-" + eventId, value));
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.deliveries.get() >= before + 2);
        assertThat(effects(eventId)).isEqualTo(1);
    }

    @Test
    void aFailedEffectIsRetriedAndAppliedOnce() {
        listener.failuresLeft.set(2);
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(
                    EventPlumbingTestApplication.TOPIC,
                    "k-" + eventId,
                    cloudEvent(eventId, "vn.egov.test.happened.v1")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(eventId) == 1);
        assertThat(listener.failuresLeft.get()).isZero();
        assertThat(processed(eventId)).isTrue();
    }

    @Test
    void anEventThatKeepsFailingGoesToTheDeadLetterTopicAfterBoundedRetries() {
        String eventId = UUID.randomUUID().toString();
        int before = listener.deliveries.get();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(
                    EventPlumbingTestApplication.TOPIC, "k-" + eventId, cloudEvent(eventId, "vn.egov.test.poison.v1")));
        }
        String dlq = EventTopics.deadLetter(EventPlumbingTestApplication.TOPIC, EventPlumbingTestApplication.GROUP);
        assertThat(dlq).isEqualTo("egov.test.events.commons-test.dlq");
        List<ConsumerRecord<String, String>> dead = readTopic(dlq, eventId, Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        // one delivery plus the configured three retries, and no effect kept
        assertThat(listener.deliveries.get() - before).isEqualTo(4);
        assertThat(effects(eventId)).isZero();
        assertThat(processed(eventId)).isFalse();
    }

    @Test
    void anUnreadableRecordGoesStraightToTheDeadLetterTopic() {
        String marker = UUID.randomUUID().toString();
        int before = listener.deliveries.get();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(EventPlumbingTestApplication.TOPIC, "k", "not json " + marker));
        }
        String dlq = EventTopics.deadLetter(EventPlumbingTestApplication.TOPIC, EventPlumbingTestApplication.GROUP);
        assertThat(readTopic(dlq, marker, Duration.ofSeconds(60))).hasSize(1);
        assertThat(listener.deliveries.get() - before).isEqualTo(1);
    }

    @Test
    void aSensitiveEventReachesKafkaWholeButItsDataIsErasedFromTheOutboxWhenPublished() {
        String subject = "person-" + UUID.randomUUID();
        String code = "code-" + UUID.randomUUID();
        String secret = transactions.execute(s -> publisher.publish(
                EventPlumbingTestApplication.TOPIC,
                EventPlumbingTestApplication.SECRET_TYPE,
                subject,
                new Secret("a@example.vn", code)));
        String ordinary = transactions.execute(s -> publisher.publish(
                EventPlumbingTestApplication.TOPIC, "vn.egov.test.happened.v1", subject, new Payload("kept", 3)));

        await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(ordinary) != null);
        assertThat(publishedAt(secret)).isNotNull();
        assertThat(readTopic(EventPlumbingTestApplication.TOPIC, secret, Duration.ofSeconds(30)))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).contains(code, "\"destination\":\"a@example.vn\""));

        // the envelope stays (id, type, subject: enough to trace the event), the data is gone
        assertThat(payload(secret)).doesNotContain(code).doesNotContain("a@example.vn");
        JsonNode stored = JSON.readTree(payload(secret));
        assertThat(stored.has("data")).as("data kept in the outbox").isFalse();
        assertThat(stored.path("id").asString()).isEqualTo(secret);
        assertThat(stored.path("type").asString()).isEqualTo(EventPlumbingTestApplication.SECRET_TYPE);
        assertThat(stored.path("subject").asString()).isEqualTo(subject);
        assertThat(jdbc.sql("select count(*) from outbox_event where payload like ?")
                        .param("%" + code + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        // erasing is opt-in by type: other events keep their payload until the retention purge
        assertThat(payload(ordinary)).contains("\"dossierCode\":\"kept\"");
    }

    @Test
    void publishedRowsOlderThanTheRetentionArePurgedByTheScheduledJob() {
        String subject = "dossier-" + UUID.randomUUID();
        String old = transactions.execute(s -> publisher.publish(
                EventPlumbingTestApplication.TOPIC, "vn.egov.test.happened.v1", subject, new Payload("old", 1)));
        String recent = transactions.execute(s -> publisher.publish(
                EventPlumbingTestApplication.TOPIC, "vn.egov.test.happened.v1", subject, new Payload("recent", 2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(old) != null && publishedAt(recent) != null);

        // one row published eight days ago (the default retention is seven), one just now
        jdbc.sql("update outbox_event set published_at = now() - interval '8 days' where event_id = ?::uuid")
                .param(old)
                .update();

        // no call here: the scheduled job (every second in this test's configuration) does it
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(old) == null);
        assertThat(jdbc.sql("select count(*) from outbox_event where event_id = ?::uuid")
                        .param(old)
                        .query(Long.class)
                        .single())
                .as("purged")
                .isZero();
        assertThat(payload(recent)).as("published within the retention: kept").contains("\"dossierCode\":\"recent\"");
    }

    @Test
    void purgesRunningSideBySideDeleteEveryExpiredRowAndNothingElse() {
        String topic = "egov.test.purge-" + UUID.randomUUID();
        int expired = OutboxRetention.BATCH_SIZE * 2 + 500;
        jdbc.sql("""
                insert into outbox_event (event_id, topic, event_key, event_type, payload, published_at)
                select gen_random_uuid(), ?, 'k', 'vn.egov.test.happened.v1', '{}', now() - interval '30 days'
                from generate_series(1, ?)""").param(topic).param(expired).update();
        jdbc.sql("""
                insert into outbox_event (event_id, topic, event_key, event_type, payload, published_at)
                values (gen_random_uuid(), ?, 'k', 'vn.egov.test.happened.v1', '{}', now() - interval '6 days')""").param(topic).update();

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(retention::purge);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(retention::purge);
        CompletableFuture.allOf(a, b).join();

        // (the scheduled job may have taken a share too, so the two counts need not add up to all of them)
        assertThat(a.join() + b.join()).isLessThanOrEqualTo(expired);
        assertThat(jdbc.sql("select count(*) from outbox_event where topic = ?")
                        .param(topic)
                        .query(Long.class)
                        .single())
                .as("only the row within the retention is left")
                .isEqualTo(1);
    }

    @Test
    void consumersForgetHandledEventsOnlyAfterTheirRetention() {
        String consumer = "retention-test-" + UUID.randomUUID();
        jdbc.sql("""
                insert into processed_event (consumer, event_id, event_type, processed_at) values
                    (?, 'old', 'vn.egov.test.happened.v1', now() - interval '31 days'),
                    (?, 'recent', 'vn.egov.test.happened.v1', now() - interval '29 days')""").params(consumer, consumer).update();
        assertThat(retention.purgeProcessed()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select event_id from processed_event where consumer = ?")
                        .param(consumer)
                        .query(String.class)
                        .list())
                .containsExactly("recent");
        assertThat(jdbc.sql("select count(*) from pg_indexes where indexname = 'processed_event_processed_at'")
                        .query(Long.class)
                        .single())
                .as("the purge's index, from the repeatable migration")
                .isEqualTo(1);
    }

    private String payload(String id) {
        return jdbc.sql("select payload from outbox_event where event_id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
    }

    private static String cloudEvent(String id, String type) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"%s","subject":"s-%s",
                 "time":"%s","datacontenttype":"application/json","futureField":"ignored","data":{"n":1}}""".formatted(id, type, id, Instant.now());
    }

    private Integer attempts(String id) {
        return jdbc.sql("select attempts from outbox_event where event_id = ?::uuid")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private Object publishedAt(String id) {
        return jdbc.sql("select published_at from outbox_event where event_id = ?::uuid")
                .param(id)
                .query((rs, i) -> rs.getTimestamp(1))
                .optional()
                .orElse(null);
    }

    private long effects(String eventId) {
        return jdbc.sql("select count(*) from test_effect where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }

    private boolean processed(String eventId) {
        return jdbc.sql("select count(*) from processed_event where consumer = ? and event_id = ?")
                        .param(EventPlumbingTestApplication.GROUP)
                        .param(eventId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    private static List<ConsumerRecord<String, String>> readTopic(String topic, String containing, Duration wait) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        poll(
                topic,
                wait,
                r -> {
                    if (r.value() != null && r.value().contains(containing)) {
                        found.add(r);
                    }
                },
                () -> !found.isEmpty());
        return found;
    }

    private static List<String> readTopicByKey(String topic, String key, Duration wait) {
        List<String> found = new ArrayList<>();
        poll(
                topic,
                wait,
                r -> {
                    if (key.equals(r.key())) {
                        found.add(r.value());
                    }
                },
                () -> false);
        return found;
    }

    /** Reads the topic from the start for {@code wait} (or until {@code done}), then a little more to catch extras. */
    private static void poll(
            String topic,
            Duration wait,
            java.util.function.Consumer<ConsumerRecord<String, String>> sink,
            BooleanSupplier done) {
        try (KafkaConsumer<String, String> consumer =
                ServiceConformance.readerFromTheStart(broker.bootstrapServers(), topic)) {
            Instant deadline = Instant.now().plus(wait);
            Instant settle = null;
            while (Instant.now().isBefore(deadline)
                    && (settle == null || Instant.now().isBefore(settle))) {
                consumer.poll(Duration.ofMillis(300)).forEach(sink);
                if (settle == null && done.getAsBoolean()) {
                    settle = Instant.now().plusSeconds(2);
                }
            }
        }
    }
}

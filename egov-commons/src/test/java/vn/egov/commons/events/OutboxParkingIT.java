package vn.egov.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.devstack.kafka.KafkaBroker;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * Parking against a real PostgreSQL and a real broker (this test's own, so it can be stopped): an event Kafka
 * refuses is parked while other aggregates' events go on, later events of its aggregate wait behind it, and an
 * operator's retry or discard lets them go; a broker outage parks nothing and keeps the order. A database of
 * its own, so the figures (parked, backlog) are this test's alone.
 */
@SpringBootTest(
        classes = EventPlumbingTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "egov.test.database=egov_commons_parking",
            "egov.events.max-send-attempts=2",
            "egov.events.monitor-interval=500ms"
        })
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@ExtendWith(OutputCaptureExtension.class)
class OutboxParkingIT {

    private static final KafkaBroker broker = RealInfrastructure.startKafkaBroker();
    private static final String TYPE = "vn.egov.test.happened.v1";
    private static final String TOPIC = EventPlumbingTestApplication.TOPIC;
    /** Above the producer's max.request.size (1 048 576 bytes by default). */
    private static final int OVERSIZED = 1_200_000;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("egov.test.kafka", () -> "false");
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Autowired
    EventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ParkedEvents parkedEvents;

    @Autowired
    OutboxMonitor monitor;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("outboxHealthIndicator")
    HealthIndicator health;

    record Payload(String note) {}

    @BeforeEach
    void brokerUp() {
        broker.start();
    }

    @Test
    void anOversizedEventIsParkedWhileOtherAggregatesFlowAndItsOwnLaterEventsWaitBehindIt(CapturedOutput output)
            throws Exception {
        String poisoned = "dossier-poisoned-" + UUID.randomUUID();
        String other = "dossier-other-" + UUID.randomUUID();
        String oversized = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        // one transaction: the relay finds all four in one batch, the oversized one between the others
        transactions.executeWithoutResult(s -> {
            ids.add(publisher.publish(TOPIC, TYPE, other, new Payload("before")));
            jdbc.sql("""
                    insert into outbox_event (event_id, topic, event_key, event_type, payload)
                    values (?::uuid, ?, ?, ?, '{"specversion":"1.0","data":{"reason":"' || repeat('x', ?) || '"}}')""").params(oversized, TOPIC, poisoned, TYPE, OVERSIZED).update();
            ids.add(publisher.publish(TOPIC, TYPE, poisoned, new Payload("held")));
            ids.add(publisher.publish(TOPIC, TYPE, other, new Payload("after")));
        });
        String before = ids.get(0);
        String held = ids.get(1);
        String after = ids.get(2);

        await().atMost(Duration.ofSeconds(60)).until(() -> publishedAt(before) != null && publishedAt(after) != null);
        assertThat(readByKey(other, 2, Duration.ofSeconds(30)))
                .as("the other aggregate's events, in order")
                .satisfiesExactly(
                        v -> assertThat(v).contains(before), v -> assertThat(v).contains(after));
        assertThat(column(oversized, "parked_at")).as("parked").isNotNull();
        assertThat((String) column(oversized, "last_error")).contains("RecordTooLargeException", "max.request.size");

        // the relay keeps running; the later event of the parked aggregate stays held, unparked, unsent
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> publishedAt(held) == null);
        assertThat(column(held, "parked_at")).isNull();
        assertThat(column(held, "attempts"))
                .as("never tried: held, not failing")
                .isEqualTo(0);
        assertThat(actions(oversized)).as("parked once, not at every pass").containsExactly("PARKED");
        assertThat(output.getAll())
                .as("the refused event is logged by id, never by its content")
                .contains(oversized)
                .doesNotContain("xxxxxxxxxxxxxxxx");

        // operators see it: the list (no payload), the metric, the health details
        ParkedEvents.ParkedEvent listed = parkedEvents.list(0, 20).stream()
                .filter(e -> e.eventId().toString().equals(oversized))
                .findFirst()
                .orElseThrow();
        assertThat(listed.sizeBytes()).isGreaterThan(OVERSIZED);
        assertThat(listed.heldBehind()).isEqualTo(1);
        assertThat(listed.state()).isEqualTo(ParkedEvents.State.PARKED);
        assertThat(listed.key()).isEqualTo(poisoned);
        assertThat(listed.toString()).doesNotContain("xxxxxxxx");
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("egov.outbox.parked") == 1.0);
        assertThat(health.health().getStatus())
                .as("parked events never take the service out")
                .isEqualTo(Status.UP);
        assertThat(health.health().getDetails())
                .containsEntry("parked", 1L)
                .containsKey("backlog")
                .containsKey("oldestPendingAgeSeconds");

        // a retry sends it again: still too large, parked again, the held event still waits
        assertThat(parkedEvents.retry(UUID.fromString(oversized), "operator-1"))
                .isInstanceOf(ParkedEvents.Outcome.Done.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> actions(oversized).size() == 3);
        assertThat(actions(oversized)).containsExactly("PARKED", "RETRIED", "PARKED");
        assertThat(column(oversized, "attempts")).isEqualTo(2);
        assertThat(publishedAt(held)).isNull();

        // discarded: never sent, the held event goes on
        assertThat(parkedEvents.discard(UUID.fromString(oversized), "operator-2"))
                .isInstanceOfSatisfying(
                        ParkedEvents.Outcome.Done.class,
                        d -> assertThat(d.event().state()).isEqualTo(ParkedEvents.State.DISCARDED));
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(held) != null);
        assertThat(readByKey(poisoned, 1, Duration.ofSeconds(30)))
                .singleElement()
                .satisfies(v -> assertThat(v).contains(held).doesNotContain("xxxxxxxx"));
        assertThat(column(oversized, "discarded_by")).isEqualTo("operator-2");
        assertThat(jdbc.sql("select actor from outbox_event_action where event_id = ?::uuid order by id")
                        .param(oversized)
                        .query(String.class)
                        .list())
                .containsExactly("outbox-relay", "operator-1", "outbox-relay", "operator-2");
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("egov.outbox.parked") == 0.0);
        // a second discard, or a retry of what is no longer parked, is refused; an unknown id is not found
        assertThat(parkedEvents.discard(UUID.fromString(oversized), "operator-2"))
                .isEqualTo(new ParkedEvents.Outcome.NotParked(ParkedEvents.State.DISCARDED));
        assertThat(parkedEvents.retry(UUID.randomUUID(), "operator-2"))
                .isInstanceOf(ParkedEvents.Outcome.NotFound.class);
    }

    @Test
    void aDiscardedEventOfASensitiveTypeLosesItsDataAtOnce() {
        String id = UUID.randomUUID().toString();
        String code = "code-" + UUID.randomUUID();
        jdbc.sql("""
                insert into outbox_event (event_id, topic, event_key, event_type, payload)
                values (?::uuid, ?, 'person-1', ?, '{"id":"' || ? || '","type":"' || ? || '","data":{"code":"' || ? || '",'
                        || '"pad":"' || repeat('x', ?) || '"}}')""")
                .params(
                        id,
                        TOPIC,
                        EventPlumbingTestApplication.SECRET_TYPE,
                        id,
                        EventPlumbingTestApplication.SECRET_TYPE,
                        code,
                        OVERSIZED)
                .update();
        await().atMost(Duration.ofSeconds(60)).until(() -> column(id, "parked_at") != null);
        assertThat((String) column(id, "payload"))
                .as("kept while parked: it may be retried")
                .contains(code);

        assertThat(parkedEvents.discard(UUID.fromString(id), "operator-3"))
                .isInstanceOf(ParkedEvents.Outcome.Done.class);
        assertThat((String) column(id, "payload"))
                .doesNotContain(code, "\"data\"")
                .contains("\"id\":\"" + id + "\"");
    }

    @Test
    void anEventForATopicKafkaRejectsIsParkedToo() {
        String key = "k-" + UUID.randomUUID();
        String id = transactions.execute(
                s -> publisher.publish("egov.test.not a valid topic!", TYPE, key, new Payload("nowhere")));
        await().atMost(Duration.ofSeconds(60)).until(() -> column(id, "parked_at") != null);
        assertThat((String) column(id, "last_error")).contains("InvalidTopicException");
    }

    @Test
    void whileTheBrokerIsDownNothingIsParkedAndEverythingGoesInOrderOnceItIsBack() {
        broker.stop();
        String first = "dossier-a-" + UUID.randomUUID();
        String second = "dossier-b-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            ids.add(transactions.execute(s -> publisher.publish(TOPIC, TYPE, first, new Payload("a" + n))));
            ids.add(transactions.execute(s -> publisher.publish(TOPIC, TYPE, second, new Payload("b" + n))));
        }
        // more failed attempts than egov.events.max-send-attempts (2): the outage does not count
        await().atMost(Duration.ofSeconds(90)).until(() -> (Integer) column(ids.get(0), "attempts") >= 3);
        assertThat(ids).allSatisfy(id -> {
            assertThat(column(id, "parked_at")).isNull();
            assertThat(publishedAt(id)).isNull();
        });
        assertThat(column(ids.get(0), "send_failures")).isEqualTo(0);
        assertThat(column(ids.get(0), "last_error")).isNotNull();
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        health.health().getDetails().get("oldestPendingAgeSeconds") instanceof Double d && d > 1.0);

        broker.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> ids.stream().allMatch(id -> publishedAt(id) != null));
        assertThat(readByKey(first, 3, Duration.ofSeconds(30)))
                .satisfiesExactly(
                        v -> assertThat(v).contains(ids.get(0)),
                        v -> assertThat(v).contains(ids.get(2)),
                        v -> assertThat(v).contains(ids.get(4)));
        assertThat(readByKey(second, 3, Duration.ofSeconds(30)))
                .satisfiesExactly(
                        v -> assertThat(v).contains(ids.get(1)),
                        v -> assertThat(v).contains(ids.get(3)),
                        v -> assertThat(v).contains(ids.get(5)));
        assertThat(jdbc.sql("select count(*) from outbox_event_action where event_id in (:ids)")
                        .param("ids", ids.stream().map(UUID::fromString).toList())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void recordsInThisServicesDeadLetterTopicsAreCounted() {
        await().atMost(Duration.ofSeconds(30)).until(() -> monitor.deadLetters().refreshedAt() != null);
        long before = monitor.deadLetters().total();
        String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // unreadable: the listener's error handler sends it to egov.test.events.commons-test.dlq at once
            producer.send(new ProducerRecord<>(TOPIC, "k", "not json " + marker));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> monitor.deadLetters().total() != null
                        && monitor.deadLetters().total() == before + 1);
        assertThat(monitor.deadLetters().topics()).containsKey("egov.test.events.commons-test.dlq");
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("egov.events.dead.letter.records") == before + 1);
        assertThat(health.health().getDetails()).containsEntry("deadLetterRecords", before + 1);
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private List<String> actions(String id) {
        return jdbc.sql("select action from outbox_event_action where event_id = ?::uuid order by id")
                .param(id)
                .query(String.class)
                .list();
    }

    private Object column(String id, String column) {
        return jdbc.sql("select " + column + " from outbox_event where event_id = ?::uuid")
                .param(id)
                .query((rs, i) -> java.util.Optional.ofNullable(rs.getObject(1)))
                .single()
                .orElse(null);
    }

    private Object publishedAt(String id) {
        return column(id, "published_at");
    }

    /** The values of {@code key}'s records on the test topic, in offset order, once {@code expected} are there. */
    private static List<String> readByKey(String key, int expected, Duration wait) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                ServiceConformance.readerFromTheStart(broker.bootstrapServers(), TOPIC)) {
            Instant deadline = Instant.now().plus(wait);
            Instant settle = null;
            while (Instant.now().isBefore(deadline)
                    && (settle == null || Instant.now().isBefore(settle))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(r.key())) {
                        found.add(r.value());
                    }
                }
                if (settle == null && found.size() >= expected) {
                    settle = Instant.now().plusSeconds(2); // a little longer, to catch extras
                }
            }
        }
        return found;
    }
}

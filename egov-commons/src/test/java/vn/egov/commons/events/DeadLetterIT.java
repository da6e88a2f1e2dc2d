package vn.egov.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.testsupport.PoisonRecords;
import vn.egov.testsupport.PoisonRecords.Poison;
import vn.egov.testsupport.PoisonRecords.Sent;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * The listener error handler against a real broker: records no listener can read, and records too large to be
 * copied to the dead-letter topic with Spring's headers, end up there (cut, and marked so, when they must be) and
 * the consumer goes on with the next record of the same partition.
 *
 * <p>The dead-letter topic is created here with a {@code max.message.bytes} of {@value #DLQ_MAX_BYTES}, lower than
 * the producer's {@code max.request.size}: a record the producer would send is refused by the broker, which is
 * the second way a dead-letter send can fail for size.
 */
@SpringBootTest(classes = EventPlumbingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class DeadLetterIT {

    static final int DLQ_MAX_BYTES = 300_000;
    static final String DLQ =
            EventTopics.deadLetter(EventPlumbingTestApplication.TOPIC, EventPlumbingTestApplication.GROUP);

    @Autowired
    EventPlumbingTestApplication.TestListener listener;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void smallDeadLetterTopic() throws InterruptedException, java.util.concurrent.TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()))) {
            admin.createTopics(List.of(new NewTopic(DLQ, 1, (short) 1)
                            .configs(Map.of("max.message.bytes", String.valueOf(DLQ_MAX_BYTES)))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void everyUnreadableRecordGoesStraightToTheDeadLetterTopicAndTheNextRecordIsProcessed() {
        String key = "k-" + UUID.randomUUID();
        int before = listener.deliveries.get();
        List<Poison> poisons = PoisonRecords.malformed(key);

        List<Sent> sent = PoisonRecords.send(kafka(), EventPlumbingTestApplication.TOPIC, key, poisons);
        String next = sendValid(key);

        await().atMost(Duration.ofSeconds(60)).until(() -> effects(next) == 1);
        List<ConsumerRecord<String, byte[]>> dead =
                PoisonRecords.read(kafka(), DLQ, key, poisons.size(), Duration.ofSeconds(30));
        assertThat(PoisonRecords.originalOffsets(dead))
                .as("each poison dead-lettered once")
                .containsExactlyInAnyOrderElementsOf(
                        sent.stream().map(Sent::offset).toList());
        // read once each (EventFormatException is not retried), and the valid record once
        assertThat(listener.deliveries.get() - before).isEqualTo(poisons.size() + 1);
        ConsumerRecord<String, byte[]> tombstone = dead.stream()
                .filter(r -> PoisonRecords.originalOffset(r)
                        == sent.get(poisons.size() - 1).offset())
                .findFirst()
                .orElseThrow();
        assertThat(tombstone.value()).isNull();
        assertThat(PoisonRecords.header(tombstone, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo(EventFormatException.class.getName());
        // the reader's messages say what is wrong, never quote the record
        assertThat(dead)
                .allSatisfy(r -> assertThat(PoisonRecords.header(r, "kafka_dlt-exception-message"))
                        .doesNotContain(key.substring(2)));
    }

    @Test
    void aRecordTooLargeForTheDeadLetterTopicWithItsHeadersGoesThereCutAndTheNextRecordIsProcessed() {
        String key = "k-" + UUID.randomUUID();
        Poison oversized = PoisonRecords.oversized(key);

        Sent sent = PoisonRecords.send(kafka(), EventPlumbingTestApplication.TOPIC, key, List.of(oversized))
                .get(0);
        String next = sendValid(key);

        await().atMost(Duration.ofSeconds(60)).until(() -> effects(next) == 1);
        List<ConsumerRecord<String, byte[]>> dead = PoisonRecords.read(kafka(), DLQ, key, 1, Duration.ofSeconds(30));
        assertThat(dead).singleElement().satisfies(r -> assertCut(r, sent, PoisonRecords.OVERSIZED_VALUE_BYTES));
    }

    @Test
    void aLargeEventThatKeepsFailingIsRetriedThenGoesToTheDeadLetterTopicCut() {
        String key = "k-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        // a readable CloudEvent whose processing always fails, 1 040 000 bytes with its padding attribute
        String envelope = """
                {"specversion":"1.0","id":"%s","source":"/test","type":"vn.egov.test.poison.v1","subject":"%s",
                 "data":{"n":1},"padding":"%%s"}""".formatted(id, key);
        String value = envelope.formatted("p".repeat(1_040_000 - envelope.length() + 2));
        int before = listener.deliveries.get();

        Sent sent = PoisonRecords.send(
                        kafka(),
                        EventPlumbingTestApplication.TOPIC,
                        key,
                        List.of(new Poison("large and failing", value.getBytes(StandardCharsets.UTF_8))))
                .get(0);
        String next = sendValid(key);

        await().atMost(Duration.ofSeconds(60)).until(() -> effects(next) == 1);
        List<ConsumerRecord<String, byte[]>> dead = PoisonRecords.read(kafka(), DLQ, key, 1, Duration.ofSeconds(30));
        assertThat(dead).singleElement().satisfies(r -> {
            assertCut(r, sent, value.length());
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("\"id\":\"" + id + "\"");
        });
        // one delivery and the three configured retries, then the next record once
        assertThat(listener.deliveries.get() - before).isEqualTo(5);
        assertThat(effects(id)).isZero();
    }

    @Test
    void anEventFailingByTurnsWithTwoKindsOfErrorIsStillRetriedOnlyTheConfiguredTimes() {
        String key = "k-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        int before = listener.deliveries.get();
        Sent sent = PoisonRecords.send(
                        kafka(),
                        EventPlumbingTestApplication.TOPIC,
                        key,
                        List.of(new Poison("alternating", """
                {"specversion":"1.0","id":"%s","source":"/test","type":"vn.egov.test.alternating.v1","subject":"%s",
                 "data":{"n":1}}""".formatted(id, key).getBytes(StandardCharsets.UTF_8))))
                .get(0);
        String next = sendValid(key);

        await().atMost(Duration.ofSeconds(60)).until(() -> effects(next) == 1);
        assertThat(PoisonRecords.originalOffsets(PoisonRecords.read(kafka(), DLQ, key, 1, Duration.ofSeconds(30))))
                .containsExactly(sent.offset());
        // one delivery and the three configured retries whatever the exception, then the next record once
        assertThat(listener.deliveries.get() - before).isEqualTo(5);
    }

    @Test
    void aRecordTheProducerWouldSendButTheBrokerRefusesForTheDeadLetterTopicIsSentAgainCut() {
        String key = "k-" + UUID.randomUUID();
        // fits the producer's limit with the dead-letter headers, but not the dead-letter topic's
        Poison large = new Poison(
                "500 kB garbage", ("garbage " + key + " " + "g".repeat(500_000)).getBytes(StandardCharsets.UTF_8));

        Sent sent = PoisonRecords.send(kafka(), EventPlumbingTestApplication.TOPIC, key, List.of(large))
                .get(0);
        String next = sendValid(key);

        await().atMost(Duration.ofSeconds(60)).until(() -> effects(next) == 1);
        List<ConsumerRecord<String, byte[]>> dead = PoisonRecords.read(kafka(), DLQ, key, 1, Duration.ofSeconds(30));
        assertThat(dead).singleElement().satisfies(r -> assertCut(r, sent, large.value().length));
    }

    private static void assertCut(ConsumerRecord<String, byte[]> r, Sent sent, int originalBytes) {
        assertThat(PoisonRecords.header(r, PoisonRecords.TRUNCATED)).isEqualTo(String.valueOf(originalBytes));
        assertThat(r.value()).hasSize(DeadLetterRecoverer.KEPT_VALUE_BYTES);
        assertThat(r.value()).startsWith(java.util.Arrays.copyOf(sent.poison().value(), 64));
        // where the whole record is, for as long as the source topic keeps it
        assertThat(PoisonRecords.header(r, PoisonRecords.ORIGINAL_TOPIC)).isEqualTo(EventPlumbingTestApplication.TOPIC);
        assertThat(PoisonRecords.originalPartition(r)).isEqualTo(sent.partition());
        assertThat(PoisonRecords.originalOffset(r)).isEqualTo(sent.offset());
        assertThat(r.headers().lastHeader(PoisonRecords.EXCEPTION_STACKTRACE).value().length)
                .isLessThanOrEqualTo(DeadLetterRecoverer.MAX_EXCEPTION_HEADER_BYTES);
    }

    /** A readable event with the same key (so on the same partition, after the poison). Returns its id. */
    private String sendValid(String key) {
        String id = UUID.randomUUID().toString();
        PoisonRecords.send(kafka(), EventPlumbingTestApplication.TOPIC, key, List.of(new Poison("valid", """
                {"specversion":"1.0","id":"%s","source":"/test","type":"vn.egov.test.happened.v1","subject":"%s",
                 "time":"%s","data":{"n":1}}""".formatted(
                        id, key, Instant.now())
                .getBytes(StandardCharsets.UTF_8))));
        return id;
    }

    private long effects(String eventId) {
        return jdbc.sql("select count(*) from test_effect where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }

    private static String kafka() {
        return RealInfrastructure.kafkaBootstrapServers();
    }
}

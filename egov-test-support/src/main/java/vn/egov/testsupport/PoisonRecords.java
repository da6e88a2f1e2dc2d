package vn.egov.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Records no listener can read, sent as raw bytes, and a reader of the dead-letter topic where they must
 * end up: for the per-service tests that every listener dead-letters them and goes on with the next record.
 */
public final class PoisonRecords {

    /**
     * A value just under what the broker takes ({@code message.max.bytes} 1 048 588) in a record the producer
     * sends ({@code max.request.size} 1 048 576): the dead-letter copy with its added headers would not fit.
     */
    public static final int OVERSIZED_VALUE_BYTES = 1_048_000;

    /** Spring Kafka's headers on a dead-letter record. */
    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";

    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    public static final String EXCEPTION_STACKTRACE = "kafka_dlt-exception-stacktrace";
    /** egov-commons' header on a dead-letter record whose value was cut: the original size in bytes. */
    public static final String TRUNCATED = "egov-dlq-truncated";

    /** A named poison value; {@code value} null is a tombstone. */
    public record Poison(String name, byte[] value) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Where a poison landed in the source topic. */
    public record Sent(Poison poison, int partition, long offset) {}

    private PoisonRecords() {}

    /**
     * Values that are no CloudEvent: not JSON, JSON that is not a CloudEvent (an object without the envelope's
     * attributes, an array, a CloudEvent of another spec version), bytes that are not UTF-8, and a tombstone.
     * Each but the tombstone contains {@code marker}.
     */
    public static List<Poison> malformed(String marker) {
        byte[] notUtf8 = concat(
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '{', (byte) 0xA0},
                marker.getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xE2, (byte) 0x82});
        return List.of(
                new Poison("not JSON", utf8("not json at all " + marker)),
                new Poison("JSON, not a CloudEvent", utf8("{\"marker\":\"" + marker + "\",\"hello\":\"world\"}")),
                new Poison("a JSON array", utf8("[\"" + marker + "\"]")),
                new Poison("another specversion", utf8("""
                        {"specversion":"0.3","id":"%s","source":"/x","type":"vn.egov.x.v1","data":{}}""".formatted(marker))),
                new Poison("not UTF-8", notUtf8),
                new Poison("tombstone", null));
    }

    /** {@link #OVERSIZED_VALUE_BYTES} bytes starting with {@code marker}, not JSON. */
    public static Poison oversized(String marker) {
        byte[] value = new byte[OVERSIZED_VALUE_BYTES];
        Arrays.fill(value, (byte) 'x');
        byte[] head = utf8(marker + " ");
        System.arraycopy(head, 0, value, 0, head.length);
        return new Poison("oversized (" + OVERSIZED_VALUE_BYTES + " bytes)", value);
    }

    /**
     * A CloudEvent of {@code type} whose {@code data} is {@code dataJson} (for data that misses the fields a
     * listener needs).
     */
    public static Poison cloudEvent(String name, String type, String subject, String dataJson) {
        // from the service that writes events of this type ("vn.egov.dossier.…" → /dossier-service), so that
        // the listener's own checks of the data are what refuses it, not the source check
        String[] parts = type.split("\\.");
        String writer = parts.length > 2 && type.startsWith("vn.egov.") ? "/" + parts[2] + "-service" : "/poison";
        return fromSource(name, writer, type, subject, dataJson);
    }

    /** A CloudEvent that says it comes from {@code source} (to show a listener refuses events of another writer). */
    public static Poison fromSource(String name, String source, String type, String subject, String dataJson) {
        return new Poison(name, utf8("""
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","subject":"%s","time":"%s",
                 "datacontenttype":"application/json","data":%s}""".formatted(UUID.randomUUID(), source, type, subject, Instant.now(), dataJson)));
    }

    /** Sends each value with {@code key} (so all on one partition, in this order) and waits for the broker. */
    public static List<Sent> send(String bootstrapServers, String topic, String key, List<Poison> poisons) {
        List<Sent> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                2 * 1024 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            for (Poison poison : poisons) {
                RecordMetadata m = producer.send(new ProducerRecord<>(topic, key, poison.value()))
                        .get(30, TimeUnit.SECONDS);
                sent.add(new Sent(poison, m.partition(), m.offset()));
            }
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
        return sent;
    }

    /**
     * The records of {@code topic} with {@code key}, read from the start until {@code expected} are found or
     * {@code wait} is over, then a further two seconds to catch any extra (a record dead-lettered twice).
     */
    public static List<ConsumerRecord<String, byte[]>> read(
            String bootstrapServers, String topic, String key, int expected, Duration wait) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "poison-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(wait);
            Instant settle = null;
            while (Instant.now().isBefore(settle != null ? settle : deadline)) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                if (settle == null && found.size() >= expected) {
                    settle = Instant.now().plusSeconds(2);
                }
            }
        }
        return found;
    }

    /** What {@link #proveDeadLetteredAndGoneOn} saw: where each poison and the valid record landed, the dead letters. */
    public record Outcome(List<Sent> poisons, Sent valid, List<ConsumerRecord<String, byte[]>> deadLetters) {}

    /**
     * Sends {@code poisons} and then {@code valid}, all with {@code key} (one partition, in this order), and asserts
     * that the consumer group {@code group} dead-letters every poison exactly once to {@code <topic>.<group>.dlq}
     * and goes on: its committed offset passes the valid record, which is not dead-lettered (so the listener
     * handled it). Which instance of the group consumed does not matter (a test JVM may hold several contexts).
     */
    public static Outcome proveDeadLetteredAndGoneOn(
            String bootstrapServers, String topic, String group, String key, List<Poison> poisons, Poison valid) {
        List<Poison> all = new ArrayList<>(poisons);
        all.add(valid);
        List<Sent> sent = send(bootstrapServers, topic, key, all);
        Sent last = sent.get(sent.size() - 1);
        String dlq = topic + "." + group + ".dlq";
        Awaitility.await("the group " + group + " past the valid record at " + topic + "-" + last.partition() + "@"
                        + last.offset())
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> committedOffset(bootstrapServers, group, topic, last.partition()) > last.offset());
        List<ConsumerRecord<String, byte[]>> dead =
                read(bootstrapServers, dlq, key, poisons.size(), Duration.ofSeconds(30));
        List<Sent> poisoned = sent.subList(0, poisons.size());
        assertThat(dead).as("dead letters in %s", dlq).allSatisfy(r -> {
            assertThat(header(r, ORIGINAL_TOPIC)).isEqualTo(topic);
            assertThat(originalPartition(r)).isEqualTo(last.partition());
        });
        assertThat(originalOffsets(dead))
                .as("each poison (%s) dead-lettered once, the valid record not at all", poisons)
                .containsExactlyInAnyOrderElementsOf(
                        poisoned.stream().map(Sent::offset).toList());
        for (ConsumerRecord<String, byte[]> r : dead) {
            Sent source = poisoned.stream()
                    .filter(s -> s.offset() == originalOffset(r))
                    .findFirst()
                    .orElseThrow();
            byte[] original = source.poison().value();
            if (original == null) {
                assertThat(r.value()).as("the tombstone stays one").isNull();
            } else if (original.length >= OVERSIZED_VALUE_BYTES) {
                assertThat(header(r, TRUNCATED))
                        .as("%s marked cut", source.poison())
                        .isEqualTo(String.valueOf(original.length));
                assertThat(r.value().length).isLessThan(64 * 1024);
                assertThat(r.value()).startsWith(Arrays.copyOf(original, 64));
            } else {
                assertThat(header(r, TRUNCATED)).as("%s whole", source.poison()).isNull();
            }
        }
        return new Outcome(poisoned, last, dead);
    }

    /** The group's committed offset on one partition (the next record it will read), -1 when none. */
    public static long committedOffset(String bootstrapServers, String group, String topic, int partition) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .get(new TopicPartition(topic, partition));
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new AssertionError("cannot read the offsets of " + group, e);
        }
    }

    /** The last value of a header as UTF-8 text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The source offsets of dead-letter records (their {@value #ORIGINAL_OFFSET} header, a big-endian long). */
    public static List<Long> originalOffsets(List<ConsumerRecord<String, byte[]>> deadLetters) {
        return deadLetters.stream().map(PoisonRecords::originalOffset).toList();
    }

    public static long originalOffset(ConsumerRecord<?, ?> deadLetter) {
        return ByteBuffer.wrap(deadLetter.headers().lastHeader(ORIGINAL_OFFSET).value())
                .getLong();
    }

    /** The source partition of a dead-letter record (a big-endian int). */
    public static int originalPartition(ConsumerRecord<?, ?> deadLetter) {
        return ByteBuffer.wrap(
                        deadLetter.headers().lastHeader(ORIGINAL_PARTITION).value())
                .getInt();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}

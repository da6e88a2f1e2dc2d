package vn.egov.testsupport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;

/**
 * What Kafka's producer will think of an outbox row: the size it checks against {@code max.request.size}
 * (its own upper-bound estimate of a batch holding just this record: key, value, the relay's
 * {@code content-type} header, record and batch overhead), and the effective limit of a producer
 * configuration (what is set, else Kafka's default).
 */
public final class EventSizes {

    /** The header OutboxRelay puts on every record. */
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private EventSizes() {}

    public static int recordSize(String key, String payload) {
        return AbstractRecords.estimateSizeInBytesUpperBound(
                RecordBatch.CURRENT_MAGIC_VALUE,
                CompressionType.NONE,
                key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)),
                ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)),
                new Header[] {new RecordHeader("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))});
    }

    /** {@code max.request.size} of this producer configuration, Kafka's default filled in when unset. */
    public static int maxRequestSize(Map<String, Object> producerConfiguration) {
        return new ProducerConfig(producerConfiguration).getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    }
}

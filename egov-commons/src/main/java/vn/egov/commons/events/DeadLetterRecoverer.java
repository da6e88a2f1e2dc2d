package vn.egov.commons.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Sends a record a listener could not read or process to {@code <topic>.<group>.dlq}, and makes sure that
 * send cannot fail for the record's size (decision 12 in docs/decisions.md).
 *
 * <p>Spring's recoverer copies the record and adds headers (original topic, partition, offset, the exception
 * and its whole stack trace). A record close to the broker's limit then no longer fits the producer's
 * {@code max.request.size} or the broker's {@code message.max.bytes}; the recovery fails, the error handler
 * seeks back to the record, and the partition is wedged for good. So:
 * <ul>
 *   <li>the exception message and stack trace headers are cut to {@value #MAX_EXCEPTION_HEADER_BYTES} bytes;</li>
 *   <li>a record that still does not fit ({@code max.request.size} less a margin for the batch framing), or
 *       that the broker refuses as too large, is sent with its value cut to its first
 *       {@value #KEPT_VALUE_BYTES} bytes (enough to show the CloudEvent's id and type) and its own headers
 *       that are larger than {@value #MAX_KEPT_HEADER_BYTES} bytes dropped, marked with the
 *       {@value #TRUNCATED_HEADER} header (the original value's size in bytes). The original topic, partition
 *       and offset headers stay: the whole record can be read from the source topic while it is retained.</li>
 * </ul>
 * Every dead-lettered record is logged once as an error (a cut one also once as a warning, with its sizes), by its coordinates and the exception's type; never
 * its key, value or the exception's message (which may quote the value).
 */
public class DeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    /** Header of a dead-letter record whose value was cut: the original value's size in bytes. */
    public static final String TRUNCATED_HEADER = "egov-dlq-truncated";

    static final int MAX_EXCEPTION_HEADER_BYTES = 8 * 1024;
    static final int KEPT_VALUE_BYTES = 16 * 1024;
    static final int MAX_KEPT_HEADER_BYTES = 1024;
    static final int MAX_KEY_BYTES = 1024;
    /** Room for the record batch's framing and the record's own overhead (varints, attributes). */
    static final int FRAMING_MARGIN_BYTES = 1024;

    private static final Set<String> EXCEPTION_TEXT_HEADERS = Set.of(
            KafkaHeaders.DLT_EXCEPTION_MESSAGE,
            KafkaHeaders.DLT_EXCEPTION_STACKTRACE,
            KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE,
            KafkaHeaders.DLT_KEY_EXCEPTION_STACKTRACE);
    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final int maxRecordBytes;
    private final String defaultGroup;
    private final long sendTimeoutMillis;

    /**
     * @param template the service's template (String keys and values)
     * @param defaultGroup the consumer group of listeners that name none
     */
    public DeadLetterRecoverer(KafkaTemplate<String, String> template, String defaultGroup) {
        super(quietTemplate(template), (record, exception) -> {
            String group = KafkaUtils.getConsumerGroupId();
            return new TopicPartition(EventTopics.deadLetter(record.topic(), group != null ? group : defaultGroup), -1);
        });
        this.maxRecordBytes = maxRequestSize(template) - FRAMING_MARGIN_BYTES;
        this.sendTimeoutMillis = longConfig(template, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000) + 5_000;
        this.defaultGroup = defaultGroup;
    }

    private volatile MeterRegistry meters;

    /** Counts each dead-letter publication ({@code egov.events.dead.letter.published}, by source topic and reason). */
    public DeadLetterRecoverer countedBy(MeterRegistry meters) {
        this.meters = meters;
        return this;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
        super.accept(record, consumer, exception);
        Throwable cause = rootCause(exception);
        MeterRegistry meters = this.meters;
        if (meters != null) {
            meters.counter(
                            "egov.events.dead.letter.published",
                            "topic",
                            record.topic(),
                            "reason",
                            cause instanceof EventFormatException ? "unreadable" : "failed")
                    .increment();
        }
        // coordinates and the kind of failure only: values, keys and messages may hold personal data
        log.error(
                "Record {}-{}@{} could not be {} ({}{}); sent to {}",
                record.topic(),
                record.partition(),
                record.offset(),
                cause instanceof EventFormatException ? "read" : "processed",
                cause.getClass().getName(),
                cause instanceof EventFormatException ? ": " + cut(cause.getMessage(), 300) : "",
                EventTopics.deadLetter(record.topic(), group()));
    }

    private String group() {
        String group = KafkaUtils.getConsumerGroupId();
        return group != null ? group : defaultGroup;
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(
            ConsumerRecord<?, ?> record,
            TopicPartition topicPartition,
            Headers headers,
            byte @Nullable [] key,
            byte @Nullable [] value) {
        Headers capped = new RecordHeaders();
        for (Header h : headers) {
            if (EXCEPTION_TEXT_HEADERS.contains(h.key())
                    && h.value() != null
                    && h.value().length > MAX_EXCEPTION_HEADER_BYTES) {
                capped.add(h.key(), cutUtf8(h.value(), MAX_EXCEPTION_HEADER_BYTES));
            } else {
                capped.add(h);
            }
        }
        ProducerRecord<Object, Object> out = super.createProducerRecord(record, topicPartition, capped, key, value);
        int size = sizeOf(out);
        if (size <= maxRecordBytes) {
            return out;
        }
        log.warn(
                "Record {}-{}@{} is {} bytes with the dead-letter headers, above the {} a record may have; "
                        + "its value goes to the dead-letter topic cut to {} bytes (header {}), whole in {} while retained",
                record.topic(),
                record.partition(),
                record.offset(),
                size,
                maxRecordBytes,
                KEPT_VALUE_BYTES,
                TRUNCATED_HEADER,
                record.topic());
        return truncated(out);
    }

    /**
     * The service's producer, in a template that logs nothing of its own: Spring's default producer listener
     * logs a failed send with the key and the first hundred characters of the value (personal data), and
     * {@link #publish} throws every failure anyway.
     */
    private static KafkaTemplate<String, String> quietTemplate(KafkaTemplate<String, String> template) {
        KafkaTemplate<String, String> quiet = new KafkaTemplate<>(template.getProducerFactory());
        quiet.setProducerListener(null);
        return quiet;
    }

    /**
     * Sends and waits, logging nothing: a failure is thrown, to {@link #send} (which cuts a record refused as too
     * large) and then to the error handler (which logs it and tries the record again: a dead-letter topic that
     * cannot be reached, e.g. Kafka down, must not lose the record).
     */
    @Override
    protected void publish(
            ProducerRecord<Object, Object> outRecord,
            KafkaOperations<Object, Object> kafkaTemplate,
            ConsumerRecord<?, ?> inRecord) {
        try {
            kafkaTemplate.send(outRecord).get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException(
                    "Interrupted while sending " + KafkaUtils.format(inRecord) + " to " + outRecord.topic(), e);
        } catch (ExecutionException e) {
            throw new KafkaException(
                    "Dead-letter publication to " + outRecord.topic() + " failed for " + KafkaUtils.format(inRecord),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException(
                    "Dead-letter publication to " + outRecord.topic() + " timed out for " + KafkaUtils.format(inRecord),
                    e);
        }
    }

    /** The broker may allow less than the producer (a topic's {@code max.message.bytes}): cut and send once more. */
    @Override
    protected void send(
            ProducerRecord<Object, Object> outRecord,
            KafkaOperations<Object, Object> kafkaTemplate,
            ConsumerRecord<?, ?> inRecord) {
        try {
            super.send(outRecord, kafkaTemplate, inRecord);
        } catch (RuntimeException e) {
            if (!tooLarge(e) || outRecord.headers().lastHeader(TRUNCATED_HEADER) != null) {
                throw e;
            }
            log.warn(
                    "The broker refused record {}-{}@{} as too large for {}; sending it with its value cut to {} bytes",
                    inRecord.topic(),
                    inRecord.partition(),
                    inRecord.offset(),
                    outRecord.topic(),
                    KEPT_VALUE_BYTES);
            super.send(truncated(outRecord), kafkaTemplate, inRecord);
        }
    }

    private static ProducerRecord<Object, Object> truncated(ProducerRecord<Object, Object> out) {
        Headers headers = new RecordHeaders();
        for (Header h : out.headers()) {
            boolean ours = h.key().startsWith(KafkaHeaders.PREFIX + "dlt-");
            if (ours || h.value() == null || h.value().length <= MAX_KEPT_HEADER_BYTES) {
                headers.add(h);
            }
        }
        headers.add(TRUNCATED_HEADER, String.valueOf(bytes(out.value()).length).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(
                out.topic(),
                out.partition(),
                cutValue(out.key(), MAX_KEY_BYTES),
                cutValue(out.value(), KEPT_VALUE_BYTES),
                headers);
    }

    private static Object cutValue(Object value, int max) {
        if (value instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return b.length <= max ? s : new String(cutUtf8(b, max), StandardCharsets.UTF_8);
        }
        if (value instanceof byte[] b && b.length > max) {
            return java.util.Arrays.copyOf(b, max);
        }
        return value;
    }

    /** At most {@code max} bytes, never ending inside a UTF-8 sequence. */
    static byte[] cutUtf8(byte[] bytes, int max) {
        if (bytes.length <= max) {
            return bytes;
        }
        int end = max;
        // step back over continuation bytes (10xxxxxx) to the start of the character that would be split
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return java.util.Arrays.copyOf(bytes, end);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "…";
    }

    static int sizeOf(ProducerRecord<Object, Object> record) {
        int size = bytes(record.key()).length + bytes(record.value()).length;
        for (Header h : record.headers()) {
            size += h.key().getBytes(StandardCharsets.UTF_8).length + (h.value() == null ? 0 : h.value().length) + 8;
        }
        return size;
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return new byte[0];
        }
        if (value instanceof byte[] b) {
            return b;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof EventFormatException) {
                return t;
            }
            t = t.getCause();
        }
        return t;
    }

    private static int maxRequestSize(KafkaTemplate<String, String> template) {
        return (int) longConfig(template, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576); // Kafka's default
    }

    private static long longConfig(KafkaTemplate<String, String> template, String name, long kafkaDefault) {
        Object configured =
                template.getProducerFactory().getConfigurationProperties().get(name);
        if (configured == null) {
            return kafkaDefault;
        }
        return configured instanceof Number n
                ? n.longValue()
                : Long.parseLong(configured.toString().trim());
    }
}

package vn.egov.commons.events;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal service for the plumbing tests: it owns a database, publishes and consumes events. */
@SpringBootApplication
public class EventPlumbingTestApplication {

    static final String TOPIC = "egov.test.events";
    static final String GROUP = "commons-test";
    /** Declared sensitive in this test's application.yml ({@code egov.events.sensitive-types}). */
    static final String SECRET_TYPE = "vn.egov.test.secret-requested.v1";

    @Component
    static class TestListener {
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger deliveries = new AtomicInteger();
        private final EventReader reader;
        private final IdempotentConsumer idempotent;
        private final JdbcClient jdbc;

        TestListener(EventReader reader, IdempotentConsumer idempotent, JdbcClient jdbc) {
            this.reader = reader;
            this.idempotent = idempotent;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = TOPIC, groupId = GROUP)
        void on(ConsumerRecord<String, String> record) {
            deliveries.incrementAndGet();
            CloudEvent event = reader.read(record.value());
            idempotent.process(GROUP, event, e -> {
                jdbc.sql("insert into test_effect (event_id) values (?)")
                        .param(e.id())
                        .update();
                if (e.type().endsWith(".alternating.v1")) {
                    // fails every time, by turns with two kinds of error
                    if (deliveries.get() % 2 == 0) {
                        throw new IllegalStateException("this event can never be processed");
                    }
                    throw new IllegalArgumentException("nor this way");
                }
                if (e.type().endsWith(".poison.v1")) {
                    throw new IllegalStateException("this event can never be processed");
                }
                if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException("transient failure");
                }
            });
        }
    }
}

package vn.egov.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.commons.events.OutboxRelay.Failure.PERMANENT;
import static vn.egov.commons.events.OutboxRelay.Failure.TRANSIENT;
import static vn.egov.commons.events.OutboxRelay.Failure.UNEXPECTED;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;

/** How the relay reads a failed send, wrapped the ways KafkaTemplate's future and the producer wrap it. */
class OutboxRelayFailureTest {

    /** What {@code kafka.send(record).get(...)} throws when the producer's callback got {@code cause}. */
    private static Exception fromFuture(Exception cause) {
        return new ExecutionException(new KafkaProducerException(null, "Failed to send", cause));
    }

    @Test
    void refusalsOfTheRecordItselfAreParkedAtOnce() {
        assertThat(OutboxRelay.classify(fromFuture(new RecordTooLargeException(
                        "The message is 1201062 bytes when serialized which is larger than 1048576"))))
                .isEqualTo(PERMANENT);
        assertThat(OutboxRelay.classify(fromFuture(new TopicAuthorizationException(Set.of("egov.dossier.events")))))
                .isEqualTo(PERMANENT);
        assertThat(OutboxRelay.classify(fromFuture(new InvalidTopicException("bad name"))))
                .isEqualTo(PERMANENT);
        // thrown synchronously by the producer, wrapped by the template
        assertThat(OutboxRelay.classify(
                        new KafkaException("Send failed", new SerializationException("cannot serialise"))))
                .isEqualTo(PERMANENT);
    }

    @Test
    void theBrokerBeingAwayIsTransientAndNeverCounts() {
        assertThat(OutboxRelay.classify(
                        fromFuture(new TimeoutException("Topic not present in metadata after 5000 ms"))))
                .isEqualTo(TRANSIENT);
        assertThat(OutboxRelay.classify(fromFuture(new NetworkException("disconnected"))))
                .isEqualTo(TRANSIENT);
        assertThat(OutboxRelay.classify(new java.util.concurrent.TimeoutException()))
                .isEqualTo(TRANSIENT);
        assertThat(OutboxRelay.classify(new InterruptedException())).isEqualTo(TRANSIENT);
        assertThat(OutboxRelay.classify(fromFuture(new AuthenticationException("SASL failed"))))
                .isEqualTo(TRANSIENT);
    }

    @Test
    void anythingElseCountsTowardsTheBound() {
        assertThat(OutboxRelay.classify(fromFuture(new UnknownServerException("?"))))
                .isEqualTo(UNEXPECTED);
        assertThat(OutboxRelay.classify(new IllegalStateException("?"))).isEqualTo(UNEXPECTED);
    }
}

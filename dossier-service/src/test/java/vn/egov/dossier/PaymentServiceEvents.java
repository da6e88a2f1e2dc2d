package vn.egov.dossier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.events.CloudEvent;
import vn.egov.commons.events.EventTopics;
import vn.egov.testsupport.PoisonRecords;
import vn.egov.testsupport.RealInfrastructure;

/**
 * payment-service's events as its outbox relay puts them on {@code egov.payment.events}: source
 * {@code /payment-service}, key = the payment's id. dossier-service's listener takes that topic's events from
 * payment-service only ({@code EventReader.read(topic, value)}), so a test cannot publish them through
 * dossier-service's own outbox.
 */
public final class PaymentServiceEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PaymentServiceEvents() {}

    public static void send(String type, String paymentId, Object data) {
        send(EventTopics.PAYMENT, type, paymentId, data);
    }

    /**
     * An event as the one writer of {@code topic} puts it there (source {@link EventTopics#writerOf}), keyed and with
     * subject {@code key}: identity-service's agency changes on {@code egov.identity.events}, for one.
     */
    public static void send(String topic, String type, String key, Object data) {
        String value = JSON.writeValueAsString(new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                EventTopics.writerOf(topic),
                type,
                key,
                Instant.now().toString(),
                "application/json",
                null,
                null,
                JSON.valueToTree(data)));
        PoisonRecords.send(
                RealInfrastructure.kafkaBootstrapServers(),
                topic,
                key,
                List.of(new PoisonRecords.Poison(type, value.getBytes(StandardCharsets.UTF_8))));
    }
}

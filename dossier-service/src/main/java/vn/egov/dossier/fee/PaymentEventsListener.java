package vn.egov.dossier.fee;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.egov.commons.events.CloudEvent;
import vn.egov.commons.events.EventReader;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.events.IdempotentConsumer;
import vn.egov.contracts.payment.PaymentExpiredV1;
import vn.egov.contracts.payment.PaymentFailedV1;
import vn.egov.contracts.payment.PaymentSucceededV1;
import vn.egov.dossier.dossier.Actor;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierStore;
import vn.egov.dossier.dossier.DossierTransitions;

/**
 * Consumes payment-service's events: a paid fee moves the dossier from AWAITING_PAYMENT to SUBMITTED
 * (the agency may now receive it); a fee paid at the counter (decision 36) for a walk-in dossier, already received,
 * is recorded as paid without a move (the same event, from whichever payment paid it); an expired order, and one the gateway declined (payment-service never takes
 * a second attempt on a failed order), is forgotten so that a new one (new generation, new Idempotency-Key) is
 * created by the sweeper and the citizen gets a fresh link to pay again. A record that is no
 * CloudEvent, or a payment event without its payment or dossier, goes to
 * {@code egov.payment.events.dossier-service.dlq} at once (egov-commons' error handler); other failures are
 * retried with backoff first.
 */
@Component
class PaymentEventsListener {

    static final String CONSUMER = "dossier-service.payment-events";
    private static final Logger log = LoggerFactory.getLogger(PaymentEventsListener.class);

    private final EventReader reader;
    private final IdempotentConsumer idempotent;
    private final DossierStore store;
    private final DossierLifecycle lifecycle;
    private final DossierFees fees;

    PaymentEventsListener(
            EventReader reader,
            IdempotentConsumer idempotent,
            DossierStore store,
            DossierLifecycle lifecycle,
            DossierFees fees) {
        this.reader = reader;
        this.idempotent = idempotent;
        this.store = store;
        this.lifecycle = lifecycle;
        this.fees = fees;
    }

    @KafkaListener(topics = EventTopics.PAYMENT, groupId = "dossier-service")
    void on(ConsumerRecord<String, String> record) {
        CloudEvent event = reader.read(record.topic(), record.value());
        // an event without its payment or dossier cannot be applied: a format error, straight to the dead-letter topic
        if (PaymentSucceededV1.TYPE.equals(event.type())) {
            PaymentSucceededV1 paid = reader.data(event, PaymentSucceededV1.class, "paymentId", "dossierCode");
            idempotent.process(CONSUMER, event, e -> paid(paid));
        } else if (PaymentExpiredV1.TYPE.equals(event.type())) {
            PaymentExpiredV1 expired = reader.data(event, PaymentExpiredV1.class, "paymentId", "dossierCode");
            idempotent.process(CONSUMER, event, e -> expired(expired));
        } else if (PaymentFailedV1.TYPE.equals(event.type())) {
            PaymentFailedV1 failed = reader.data(event, PaymentFailedV1.class, "paymentId", "dossierCode");
            idempotent.process(CONSUMER, event, e -> fees.expired(failed.dossierCode(), failed.paymentId()));
        }
    }

    private void paid(PaymentSucceededV1 paid) {
        store.lock(paid.dossierCode())
                .ifPresentOrElse(
                        d -> {
                            if (d.status() != DossierTransitions.Status.AWAITING_PAYMENT) {
                                // a walk-in dossier paid at the counter (decision 36) is already received: its fee
                                // is recorded as paid and in its history, its status does not move. Withdrawn
                                // meanwhile: the same
                                // (a refund is payment-service's business)
                                fees.paid(d.id(), paid.paymentId(), paid.amountVnd());
                                lifecycle.feePaid(d, paid.paymentId(), paid.receiptNumber());
                                log.info(
                                        "payment {} for dossier {} in {}: fee paid, no transition",
                                        paid.paymentId(),
                                        d.code(),
                                        d.status());
                                return;
                            }
                            fees.paid(d.id(), paid.paymentId(), paid.amountVnd());
                            DossierTransitions.Transition t = DossierTransitions.find(
                                            d.status(), DossierTransitions.Action.PAY, DossierTransitions.Role.SYSTEM)
                                    .orElseThrow();
                            lifecycle.apply(
                                    d,
                                    t,
                                    Actor.SYSTEM,
                                    new DossierLifecycle.Change(
                                            null,
                                            "receipt " + paid.receiptNumber(),
                                            d.dueDate(),
                                            java.util.List.of(),
                                            java.util.Map.of(
                                                    "paymentId",
                                                    paid.paymentId().toString(),
                                                    "receiptNumber",
                                                    String.valueOf(paid.receiptNumber()))));
                        },
                        () -> log.warn("payment {} names unknown dossier {}", paid.paymentId(), paid.dossierCode()));
    }

    private void expired(PaymentExpiredV1 expired) {
        fees.expired(expired.dossierCode(), expired.paymentId());
    }
}

package vn.egov.payment.refund;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.egov.commons.events.CloudEvent;
import vn.egov.commons.events.EventReader;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.events.IdempotentConsumer;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.contracts.dossier.DossierStatus;
import vn.egov.payment.order.PaymentLifecycle;
import vn.egov.payment.order.PaymentOrder;
import vn.egov.payment.order.PaymentOrders;
import vn.egov.payment.order.PaymentStatus;

/**
 * Consumes dossier-service's lifecycle events: a dossier rejected before the agency processed it
 * (from SUBMITTED or AWAITING_PAYMENT) or withdrawn by the citizen has what remains of its paid fee
 * refunded through the gateway (the same path as an officer's refund: lock, reservation, gateway call
 * outside any transaction, event), unless {@link AutomaticRefundProperties} excludes its procedure.
 * The refund's Idempotency-Key is derived from the event id, so a redelivered event finds the refund
 * it already made. A withdrawn AWAITING_PAYMENT dossier also has its unpaid order cancelled. A record that
 * is no CloudEvent, or a rejection or withdrawal without its dossier, goes to
 * {@code egov.dossier.events.payment-service.dlq} at once (egov-commons' error handler).
 */
@Component
class DossierEventsListener {

    static final String CONSUMER = "payment-service.dossier-events";
    static final Set<DossierStatus> BEFORE_PROCESSING =
            EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.AWAITING_PAYMENT);
    static final String REJECTED_REASON = "Hồ sơ bị từ chối trước khi xử lý";
    static final String WITHDRAWN_REASON = "Công dân rút hồ sơ";
    private static final Logger log = LoggerFactory.getLogger(DossierEventsListener.class);

    private final EventReader reader;
    private final IdempotentConsumer idempotent;
    private final RefundService refunds;
    private final PaymentOrders orders;
    private final PaymentLifecycle lifecycle;
    private final AutomaticRefundProperties policy;
    private final JdbcClient jdbc;
    private final Clock clock;

    DossierEventsListener(
            EventReader reader,
            IdempotentConsumer idempotent,
            RefundService refunds,
            PaymentOrders orders,
            PaymentLifecycle lifecycle,
            AutomaticRefundProperties policy,
            JdbcClient jdbc,
            Clock clock) {
        this.reader = reader;
        this.idempotent = idempotent;
        this.refunds = refunds;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.policy = policy;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The Idempotency-Key of the refunds one dossier event causes. */
    static String refundKey(CloudEvent event) {
        return "dossier-event:" + event.id();
    }

    @KafkaListener(
            topics = EventTopics.DOSSIER,
            groupId = "payment-service",
            autoStartup = "${egov.payment.refunds.automatic.listener-auto-startup:true}")
    void on(ConsumerRecord<String, String> record) {
        CloudEvent event = reader.read(record.topic(), record.value());
        boolean rejected = DossierLifecycleEventV1.REJECTED.equals(event.type());
        boolean withdrawn = DossierLifecycleEventV1.WITHDRAWN.equals(event.type());
        if (!rejected && !withdrawn) {
            return;
        }
        if (processed(event)) {
            return;
        }
        // without its dossier nothing can be refunded or cancelled: a format error, straight to the dead-letter topic
        DossierLifecycleEventV1 dossier = reader.data(event, DossierLifecycleEventV1.class, "dossierCode");
        if (withdrawn || BEFORE_PROCESSING.contains(dossier.fromStatus())) {
            refundPaidOrders(event, dossier, withdrawn ? WITHDRAWN_REASON : REJECTED_REASON);
        }
        // marks the event handled; the cancellation (no gateway call) is its transaction's effect
        idempotent.process(CONSUMER, event, e -> {
            if (withdrawn && dossier.fromStatus() == DossierStatus.AWAITING_PAYMENT) {
                cancelUnpaidOrders(dossier);
            }
        });
    }

    /** Outside any transaction: each refund makes its own short transactions around the gateway call. */
    private void refundPaidOrders(CloudEvent event, DossierLifecycleEventV1 dossier, String reason) {
        if (!policy.allows(dossier.procedureCode())) {
            log.info(
                    "dossier {} ({}): procedure {} not refunded automatically",
                    dossier.dossierCode(),
                    event.type(),
                    dossier.procedureCode());
            return;
        }
        for (PaymentOrder order : orders.ofDossier(dossier.dossierCode())) {
            if (order.status() != PaymentStatus.SUCCEEDED && order.status() != PaymentStatus.PARTIALLY_REFUNDED) {
                continue;
            }
            if (order.method().atCounter()) {
                // the gateway never had this money (decision 36): the agency pays it back at the counter
                log.warn(
                        "dossier {} ({}): payment {} was taken at the counter ({}) — to be refunded at the counter",
                        dossier.dossierCode(),
                        event.type(),
                        order.id(),
                        order.method());
                continue;
            }
            refunds.refundRemaining(order.id(), refundKey(event), reason).ifPresent(refund -> {
                if ("SUCCEEDED".equals(refund.refundStatus())) {
                    log.info(
                            "dossier {} ({}): refund {} of {} VND on payment {}",
                            dossier.dossierCode(),
                            event.type(),
                            refund.refundId(),
                            refund.amountVnd(),
                            order.id());
                } else {
                    log.warn(
                            "dossier {} ({}): refund {} of payment {} is {} — an officer must follow it up",
                            dossier.dossierCode(),
                            event.type(),
                            refund.refundId(),
                            order.id(),
                            refund.refundStatus());
                }
            });
        }
    }

    private void cancelUnpaidOrders(DossierLifecycleEventV1 dossier) {
        for (PaymentOrder seen : orders.ofDossier(dossier.dossierCode())) {
            if (seen.status() != PaymentStatus.CREATED && seen.status() != PaymentStatus.PENDING) {
                continue;
            }
            orders.findForUpdate(seen.id())
                    .filter(o -> o.status() == PaymentStatus.CREATED || o.status() == PaymentStatus.PENDING)
                    .ifPresent(o -> {
                        lifecycle.cancel(o, clock.instant());
                        log.info("dossier {} withdrawn: payment {} cancelled", dossier.dossierCode(), o.id());
                    });
        }
    }

    private boolean processed(CloudEvent event) {
        return jdbc.sql("select count(*) from processed_event where consumer = ? and event_id = ?")
                        .params(CONSUMER, event.id())
                        .query(Long.class)
                        .single()
                > 0;
    }
}

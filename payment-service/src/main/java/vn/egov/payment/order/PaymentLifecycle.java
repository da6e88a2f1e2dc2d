package vn.egov.payment.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.metrics.CommittedCounters;
import vn.egov.contracts.payment.PaymentCancelledV1;
import vn.egov.contracts.payment.PaymentExpiredV1;
import vn.egov.contracts.payment.PaymentFailedV1;
import vn.egov.contracts.payment.PaymentLatePaidV1;
import vn.egov.contracts.payment.PaymentOrderCreatedV1;
import vn.egov.contracts.payment.PaymentRefundedV1;
import vn.egov.contracts.payment.PaymentSucceededV1;

/**
 * The only writer of a payment order's status. Each method asks {@link PaymentTransitions} for the
 * move, writes the new status only if the row still has the status the caller saw (so a stale caller
 * changes nothing), and records the move's event in the same transaction (the outbox).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PaymentLifecycle {

    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final CommittedCounters counters;

    PaymentLifecycle(JdbcClient jdbc, EventPublisher events, CommittedCounters counters) {
        this.counters = counters;
        this.jdbc = jdbc;
        this.events = events;
    }

    void open(PaymentOrder order) {
        move(
                order,
                PaymentStatus.PENDING,
                "",
                new Object[0],
                new PaymentOrderCreatedV1(
                        order.id(), order.dossierCode(), order.agencyCode(), order.amountVnd(), order.expiresAt()));
    }

    public void succeed(
            PaymentOrder order, String receiptNumber, Instant paidAt, String gatewayTransactionNo, String bankCode) {
        move(
                order,
                PaymentStatus.SUCCEEDED,
                """
                        , receipt_number = ?, paid_at = ?, gateway_transaction_no = ?, bank_code = ?,
                          gateway_response_code = '00'""",
                new Object[] {receiptNumber, Timestamp.from(paidAt), gatewayTransactionNo, bankCode},
                new PaymentSucceededV1(
                        order.id(),
                        order.dossierCode(),
                        order.agencyCode(),
                        order.amountVnd(),
                        receiptNumber,
                        paidAt,
                        gatewayTransactionNo,
                        bankCode,
                        order.payerSubject()));
    }

    /**
     * A payment recorded at the counter (cash or card) for an order {@link PaymentOrders#insertAtCounter} just made:
     * the same {@code succeeded.v1} as an online payment (no gateway transaction or bank), so every consumer goes on
     * as after one.
     */
    public void collectAtCounter(PaymentOrder order, String receiptNumber, Instant paidAt) {
        if (!order.method().atCounter()) {
            throw new IllegalArgumentException("payment " + order.id() + " is not a counter payment");
        }
        move(
                order,
                PaymentStatus.SUCCEEDED,
                ", receipt_number = ?, paid_at = ?",
                new Object[] {receiptNumber, Timestamp.from(paidAt)},
                new PaymentSucceededV1(
                        order.id(),
                        order.dossierCode(),
                        order.agencyCode(),
                        order.amountVnd(),
                        receiptNumber,
                        paidAt,
                        null,
                        null,
                        order.payerSubject()));
    }

    public void fail(PaymentOrder order, String gatewayResponseCode, Instant at) {
        move(
                order,
                PaymentStatus.FAILED,
                ", gateway_response_code = ?",
                new Object[] {gatewayResponseCode},
                new PaymentFailedV1(
                        order.id(),
                        order.dossierCode(),
                        order.agencyCode(),
                        order.amountVnd(),
                        gatewayResponseCode,
                        at));
    }

    public void expire(PaymentOrder order, Instant at) {
        move(
                order,
                PaymentStatus.EXPIRED,
                "",
                new Object[0],
                new PaymentExpiredV1(order.id(), order.dossierCode(), order.agencyCode(), order.amountVnd(), at));
    }

    /** An order not paid (CREATED or PENDING) that is no longer wanted, e.g. its dossier was withdrawn. */
    public void cancel(PaymentOrder order, Instant at) {
        move(
                order,
                PaymentStatus.CANCELLED,
                "",
                new Object[0],
                new PaymentCancelledV1(order.id(), order.dossierCode(), order.agencyCode(), order.amountVnd(), at));
    }

    /**
     * The gateway confirmed a payment for an order that no longer accepts one (CANCELLED, EXPIRED,
     * FAILED): the money is recorded with its receipt; {@code refundId}, already requested, pays it back.
     */
    public void latePay(
            PaymentOrder order,
            String receiptNumber,
            Instant paidAt,
            String gatewayTransactionNo,
            String bankCode,
            UUID refundId) {
        move(
                order,
                PaymentStatus.LATE_PAID,
                """
                        , receipt_number = ?, paid_at = ?, gateway_transaction_no = ?, bank_code = ?,
                          gateway_response_code = '00'""",
                new Object[] {receiptNumber, Timestamp.from(paidAt), gatewayTransactionNo, bankCode},
                new PaymentLatePaidV1(
                        order.id(),
                        order.dossierCode(),
                        order.agencyCode(),
                        order.amountVnd(),
                        order.status().name(),
                        receiptNumber,
                        paidAt,
                        gatewayTransactionNo,
                        bankCode,
                        refundId,
                        order.payerSubject()));
    }

    /** Records {@code amountVnd} more refunded; REFUNDED when nothing remains, PARTIALLY_REFUNDED otherwise. */
    public PaymentStatus refund(PaymentOrder order, UUID refundId, long amountVnd, Instant at) {
        long total = order.refundedVnd() + amountVnd;
        PaymentStatus to = total == order.amountVnd() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        move(
                order,
                to,
                ", refunded_vnd = ?",
                new Object[] {total},
                new PaymentRefundedV1(
                        order.id(),
                        refundId,
                        order.dossierCode(),
                        order.agencyCode(),
                        order.amountVnd(),
                        amountVnd,
                        total,
                        to == PaymentStatus.REFUNDED,
                        order.receiptNumber(),
                        at,
                        order.payerSubject()));
        return to;
    }

    private void move(PaymentOrder order, PaymentStatus to, String extraSet, Object[] extraParams, Object event) {
        PaymentTransitions.Transition transition = PaymentTransitions.require(order.status(), to);
        JdbcClient.StatementSpec update = jdbc.sql("update payment_order set status = ?, updated_at = now()" + extraSet
                        + " where id = ? and status = ?")
                .param(to.name());
        for (Object p : extraParams) {
            update = update.param(p);
        }
        int changed = update.param(order.id()).param(order.status().name()).update();
        if (changed != 1) {
            throw new ConcurrentStatusChangeException(order.id());
        }
        events.publish(EventTopics.PAYMENT, transition.eventType(), order.id().toString(), event);
        // issue 18: payments by outcome (the status reached) per agency, counted once the change commits
        counters.increment(
                "egov.payment.transitions",
                "payment orders reaching a status, by agency",
                "agency",
                String.valueOf(order.agencyCode()),
                "outcome",
                to.name());
    }

    /** The row no longer had the status the caller read: someone else moved it first. */
    public static final class ConcurrentStatusChangeException extends IllegalStateException {
        ConcurrentStatusChangeException(UUID id) {
            super("payment order " + id + " changed status concurrently");
        }
    }
}

package vn.egov.payment.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.payment.order.GatewayPaymentStatus;
import vn.egov.payment.order.OrderProperties;
import vn.egov.payment.order.PaymentGatewayAdapter;
import vn.egov.payment.order.PaymentLifecycle;
import vn.egov.payment.order.PaymentOrder;
import vn.egov.payment.order.PaymentOrders;
import vn.egov.payment.order.PaymentStatus;
import vn.egov.payment.receipt.ReceiptNumbers;
import vn.egov.payment.refund.LatePayments;

/**
 * Settles PENDING orders whose IPN never came, from the gateway's own record, and expires the unpaid
 * ones. An order is never expired without asking the gateway first: a payment made but never
 * confirmed (a lost IPN) becomes SUCCEEDED with its receipt, not EXPIRED. When the gateway cannot be
 * asked, the order stays PENDING for the next pass.
 *
 * <p>The gateway is asked outside any database transaction; each order is then settled in its own
 * short transaction, under its row lock and only if it is still PENDING (an IPN may have won the race).
 * If the order was cancelled meanwhile (its dossier withdrawn) and the gateway says it was paid, the
 * money is a late payment: recorded and refunded in full ({@link LatePayments}), never dropped.
 *
 * <p>A CANCELLED order whose pay page was handed out stays usable at the gateway until its window
 * closes; once the window and the grace have passed, the gateway is asked once whether it was paid
 * anyway (its IPN may have been lost too): paid → late payment, otherwise the check is recorded.
 */
@Component
public class PendingOrderSweeper {

    /** What one pass did. */
    public record Pass(int succeeded, int failed, int expired, int unanswered, int latePaid) {

        public Pass(int succeeded, int failed, int expired, int unanswered) {
            this(succeeded, failed, expired, unanswered, 0);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PendingOrderSweeper.class);
    private static final int BATCH = 100;

    private final PaymentOrders orders;
    private final PaymentLifecycle lifecycle;
    private final PaymentGatewayAdapter gateway;
    private final ReceiptNumbers receipts;
    private final LatePayments latePayments;
    private final TransactionTemplate transactions;
    private final OrderProperties properties;
    private final Clock clock;

    PendingOrderSweeper(
            PaymentOrders orders,
            PaymentLifecycle lifecycle,
            PaymentGatewayAdapter gateway,
            ReceiptNumbers receipts,
            LatePayments latePayments,
            TransactionTemplate transactions,
            OrderProperties properties,
            Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.receipts = receipts;
        this.latePayments = latePayments;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${egov.payment.orders.sweep-interval:1m}",
            initialDelayString = "${egov.payment.orders.sweep-interval:1m}")
    void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("pending-order sweep failed, the next pass retries: {}", e.toString());
        }
    }

    /** One pass over the overdue PENDING orders (at most a batch). */
    public Pass sweep() {
        Instant now = clock.instant();
        List<PaymentOrder> overdue =
                orders.pendingOverdue(now.minus(properties.queryAfter()), now.minus(properties.expiryGrace()), BATCH);
        int succeeded = 0;
        int failed = 0;
        int expired = 0;
        int unanswered = 0;
        int latePaid = 0;
        List<PaymentOrder> cancelled = orders.cancelledUnchecked(now.minus(properties.expiryGrace()), BATCH);
        for (PaymentOrder order : cancelled) {
            GatewayPaymentStatus status;
            try {
                status = gateway.query(order);
            } catch (PaymentGatewayAdapter.GatewayUnavailableException e) {
                log.warn(
                        "gateway could not tell whether cancelled payment {} was paid: {}", order.id(), e.getMessage());
                unanswered++;
                continue;
            }
            if (transactions.execute(tx -> checkCancelled(order.id(), status, now)) == PaymentStatus.LATE_PAID) {
                latePaid++;
            }
        }
        for (PaymentOrder order : overdue) {
            GatewayPaymentStatus status;
            try {
                status = gateway.query(order);
            } catch (PaymentGatewayAdapter.GatewayUnavailableException e) {
                log.warn("gateway could not tell the state of payment {}: {}", order.id(), e.getMessage());
                unanswered++;
                continue;
            }
            PaymentStatus result = transactions.execute(tx -> settle(order.id(), status, now));
            if (result == PaymentStatus.SUCCEEDED) {
                succeeded++;
            } else if (result == PaymentStatus.FAILED) {
                failed++;
            } else if (result == PaymentStatus.EXPIRED) {
                expired++;
            } else if (result == PaymentStatus.LATE_PAID) {
                latePaid++;
            }
        }
        Pass pass = new Pass(succeeded, failed, expired, unanswered, latePaid);
        if (!overdue.isEmpty() || !cancelled.isEmpty()) {
            log.info("pending-order sweep: {}", pass);
        }
        return pass;
    }

    /** A cancelled order whose window has closed: paid anyway (late payment), or checked and left CANCELLED. */
    private PaymentStatus checkCancelled(java.util.UUID id, GatewayPaymentStatus status, Instant now) {
        PaymentOrder order = orders.findForUpdate(id).orElseThrow();
        if (order.status() != PaymentStatus.CANCELLED) {
            return null; // the IPN came in the meantime
        }
        if (status.outcome() == GatewayPaymentStatus.Outcome.PAID) {
            PaymentStatus result = latePaid(order, status);
            if (result != null) {
                return result;
            }
        }
        orders.markGatewayChecked(id, now);
        return null;
    }

    private PaymentStatus latePaid(PaymentOrder order, GatewayPaymentStatus status) {
        if (status.amountVnd() != order.amountVnd()) {
            log.error("gateway reports payment {} with another amount; left for reconciliation", order.id());
            return null;
        }
        latePayments.record(order, status.paidAt(), status.transactionNo(), status.bankCode());
        return PaymentStatus.LATE_PAID;
    }

    /** The status the order moved to, or null when it was left as it was. */
    private PaymentStatus settle(java.util.UUID id, GatewayPaymentStatus status, Instant now) {
        PaymentOrder order = orders.findForUpdate(id).orElseThrow();
        if (order.status().acceptsLatePayment() && status.outcome() == GatewayPaymentStatus.Outcome.PAID) {
            return latePaid(order, status); // cancelled while the citizen was paying
        }
        if (order.status() != PaymentStatus.PENDING) {
            return null; // the IPN came in the meantime
        }
        switch (status.outcome()) {
            case PAID -> {
                if (status.amountVnd() != order.amountVnd()) {
                    log.error("gateway reports payment {} with another amount; left for reconciliation", order.id());
                    return null;
                }
                lifecycle.succeed(
                        order,
                        receipts.next(order.agencyCode(), status.paidAt()),
                        status.paidAt(),
                        status.transactionNo(),
                        status.bankCode());
                return PaymentStatus.SUCCEEDED;
            }
            case DECLINED -> {
                lifecycle.fail(order, status.responseCode(), now);
                return PaymentStatus.FAILED;
            }
            default -> {
                if (order.expiresAt() != null && order.expiresAt().isBefore(now.minus(properties.expiryGrace()))) {
                    lifecycle.expire(order, now);
                    return PaymentStatus.EXPIRED;
                }
                return null;
            }
        }
    }
}

package vn.egov.payment.refund;

import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.payment.order.PaymentLifecycle;
import vn.egov.payment.order.PaymentOrder;
import vn.egov.payment.receipt.ReceiptNumbers;

/**
 * Money the gateway confirms for an order that no longer accepts it (CANCELLED, EXPIRED, FAILED: the
 * citizen paid on the gateway's page at the last second, or the answer came after we gave up). It is
 * never kept and never lost: the payment is recorded with its e-receipt (LATE_PAID, {@code late-paid.v1}),
 * and a full refund is requested in the same transaction, due at once; {@link RefundRetrySweeper} asks
 * the gateway for it outside any transaction and retries until the gateway answers, and the order then
 * becomes REFUNDED with {@code refunded.v1}. It never becomes SUCCEEDED, so the dossier's fee is not
 * paid by it (the citizen pays the dossier's current order, or nothing if it was withdrawn).
 */
@Component
public class LatePayments {

    static final String REASON = "Thanh toán sau khi khoản thu đã hủy hoặc hết hạn: hoàn trả toàn bộ";
    private static final Logger log = LoggerFactory.getLogger(LatePayments.class);

    private final RefundService refunds;
    private final ReceiptNumbers receipts;
    private final PaymentLifecycle lifecycle;

    LatePayments(RefundService refunds, ReceiptNumbers receipts, PaymentLifecycle lifecycle) {
        this.refunds = refunds;
        this.receipts = receipts;
        this.lifecycle = lifecycle;
    }

    /** The Idempotency-Key of a late payment's refund: one per order, whatever path found the payment. */
    static String refundKey(PaymentOrder order) {
        return "late-payment:" + order.id();
    }

    /**
     * Records the late payment of {@code order}, which the caller has locked and read in a state that
     * {@linkplain vn.egov.payment.order.PaymentStatus#acceptsLatePayment() accepts a late payment}.
     *
     * @return the id of the refund that pays it back
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(PaymentOrder order, Instant paidAt, String gatewayTransactionNo, String bankCode) {
        UUID refundId = refunds.requestLatePaymentRefund(order, refundKey(order), REASON);
        lifecycle.latePay(
                order, receipts.next(order.agencyCode(), paidAt), paidAt, gatewayTransactionNo, bankCode, refundId);
        log.warn(
                "payment {} confirmed by the gateway while {}: recorded as LATE_PAID, full refund {} requested",
                order.id(),
                order.status(),
                refundId);
        return refundId;
    }
}

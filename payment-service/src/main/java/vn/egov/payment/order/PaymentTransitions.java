package vn.egov.payment.order;

import static vn.egov.payment.order.PaymentStatus.CANCELLED;
import static vn.egov.payment.order.PaymentStatus.CREATED;
import static vn.egov.payment.order.PaymentStatus.EXPIRED;
import static vn.egov.payment.order.PaymentStatus.FAILED;
import static vn.egov.payment.order.PaymentStatus.LATE_PAID;
import static vn.egov.payment.order.PaymentStatus.PARTIALLY_REFUNDED;
import static vn.egov.payment.order.PaymentStatus.PENDING;
import static vn.egov.payment.order.PaymentStatus.REFUNDED;
import static vn.egov.payment.order.PaymentStatus.SUCCEEDED;

import java.util.List;
import java.util.Optional;
import vn.egov.contracts.payment.PaymentCancelledV1;
import vn.egov.contracts.payment.PaymentExpiredV1;
import vn.egov.contracts.payment.PaymentFailedV1;
import vn.egov.contracts.payment.PaymentLatePaidV1;
import vn.egov.contracts.payment.PaymentOrderCreatedV1;
import vn.egov.contracts.payment.PaymentRefundedV1;
import vn.egov.contracts.payment.PaymentSucceededV1;

/**
 * The payment order state machine, kept as data: every allowed move and the event type it emits.
 * Anything not in the table is refused. Code that changes a status asks here first, in the same
 * transaction that writes the new status and the event.
 *
 * <p>CREATED → PENDING is the moment the order is handed to the gateway (its signed redirect URL
 * exists); that is when dossier-service and the citizen can act on it, so it emits "created".
 * A repeated IPN for a settled order is answered "already confirmed" and changes nothing. The one way
 * out of CANCELLED, EXPIRED and FAILED is money the gateway confirms anyway (the citizen paid at the
 * last second): LATE_PAID, recorded with a receipt and refunded in full (LATE_PAID → REFUNDED), never
 * SUCCEEDED, so the dossier's fee is not paid by it. CREATED → SUCCEEDED is a payment recorded at the counter
 * (cash or card, decision 36): it never had a gateway page, and emits the same "succeeded" as an online payment.
 */
public final class PaymentTransitions {

    /** One allowed move. */
    public record Transition(PaymentStatus from, PaymentStatus to, String eventType) {}

    static final List<Transition> TABLE = List.of(
            new Transition(CREATED, PENDING, PaymentOrderCreatedV1.TYPE),
            new Transition(CREATED, CANCELLED, PaymentCancelledV1.TYPE),
            // paid at the counter (decision 36): the money is in the officer's hand, no gateway in between
            new Transition(CREATED, SUCCEEDED, PaymentSucceededV1.TYPE),
            new Transition(PENDING, SUCCEEDED, PaymentSucceededV1.TYPE),
            new Transition(PENDING, FAILED, PaymentFailedV1.TYPE),
            new Transition(PENDING, EXPIRED, PaymentExpiredV1.TYPE),
            new Transition(PENDING, CANCELLED, PaymentCancelledV1.TYPE),
            new Transition(SUCCEEDED, PARTIALLY_REFUNDED, PaymentRefundedV1.TYPE),
            new Transition(SUCCEEDED, REFUNDED, PaymentRefundedV1.TYPE),
            // a second (third…) partial refund, and the one that refunds what remains
            new Transition(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED, PaymentRefundedV1.TYPE),
            new Transition(PARTIALLY_REFUNDED, REFUNDED, PaymentRefundedV1.TYPE),
            // paid after the order stopped accepting money: recorded, then refunded in full only
            new Transition(CANCELLED, LATE_PAID, PaymentLatePaidV1.TYPE),
            new Transition(EXPIRED, LATE_PAID, PaymentLatePaidV1.TYPE),
            new Transition(FAILED, LATE_PAID, PaymentLatePaidV1.TYPE),
            new Transition(LATE_PAID, REFUNDED, PaymentRefundedV1.TYPE));

    private PaymentTransitions() {}

    public static List<Transition> all() {
        return TABLE;
    }

    public static Optional<Transition> find(PaymentStatus from, PaymentStatus to) {
        return TABLE.stream().filter(t -> t.from() == from && t.to() == to).findFirst();
    }

    public static boolean isAllowed(PaymentStatus from, PaymentStatus to) {
        return find(from, to).isPresent();
    }

    /**
     * The move from {@code from} to {@code to}.
     *
     * @throws IllegalTransitionException when the table does not allow it
     */
    public static Transition require(PaymentStatus from, PaymentStatus to) {
        return find(from, to).orElseThrow(() -> new IllegalTransitionException(from, to));
    }

    /** A move the state machine does not allow. */
    public static final class IllegalTransitionException extends IllegalStateException {

        private final PaymentStatus from;
        private final PaymentStatus to;

        IllegalTransitionException(PaymentStatus from, PaymentStatus to) {
            super("payment order may not move from " + from + " to " + to);
            this.from = from;
            this.to = to;
        }

        public PaymentStatus from() {
            return from;
        }

        public PaymentStatus to() {
            return to;
        }
    }
}

package vn.egov.payment.order;

/**
 * The states of a payment order; which moves are allowed is {@link PaymentTransitions}' business.
 * LATE_PAID: the gateway confirmed a payment after the order was cancelled, expired or failed; the
 * money is recorded (with a receipt) and being refunded in full.
 */
public enum PaymentStatus {
    CREATED,
    PENDING,
    SUCCEEDED,
    FAILED,
    EXPIRED,
    CANCELLED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    LATE_PAID;

    /** States in which the order no longer accepts money: a payment confirmed now is a late payment. */
    public boolean acceptsLatePayment() {
        return this == CANCELLED || this == EXPIRED || this == FAILED;
    }

    /** The gateway has had its final word on the payment itself (refunds may still follow a success). */
    public boolean isSettled() {
        return this != CREATED && this != PENDING;
    }
}

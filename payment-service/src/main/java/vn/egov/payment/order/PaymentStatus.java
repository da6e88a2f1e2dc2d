package vn.egov.payment.order;

/** The states of a payment order; which moves are allowed is {@link PaymentTransitions}' business. */
public enum PaymentStatus {
    CREATED, PENDING, SUCCEEDED, FAILED, EXPIRED, CANCELLED, PARTIALLY_REFUNDED, REFUNDED;

    /** The gateway has had its final word on the payment itself (refunds may still follow a success). */
    public boolean isSettled() {
        return this != CREATED && this != PENDING;
    }
}

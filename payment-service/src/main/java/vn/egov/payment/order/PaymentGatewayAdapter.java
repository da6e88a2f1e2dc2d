package vn.egov.payment.order;

import java.time.Duration;

/** What the payment orders need from a payment gateway. */
public interface PaymentGatewayAdapter {

    /** How long an order may be paid after it is created. */
    Duration paymentWindow();

    /** The signed URL of the gateway's pay page for {@code order} (no outside call: computed locally). */
    String paymentUrl(PaymentOrder order, String payerIp);

    /**
     * Asks the gateway what became of {@code order}'s transaction: an outside call, so never made inside
     * a database transaction.
     *
     * @throws GatewayUnavailableException when the gateway cannot be asked or its answer cannot be trusted
     */
    GatewayPaymentStatus query(PaymentOrder order);

    /**
     * Asks the gateway to pay {@code amountVnd} of a paid order back to the payer: an outside call,
     * never made inside a database transaction.
     *
     * @return true when the gateway made the refund, false when it refused it
     * @throws GatewayUnavailableException when the gateway cannot be asked or its answer cannot be trusted
     */
    boolean refund(PaymentOrder order, java.util.UUID refundId, long amountVnd, boolean full, String requestedBy);

    /** The gateway could not tell (down, timed out, or an answer that failed its signature check). */
    class GatewayUnavailableException extends RuntimeException {
        public GatewayUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package vn.egov.payment.order;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment order as stored (an online order, or a payment recorded at the counter: {@code method}, who collected
 * it and for which agency, the payer's name if given). Never leaves the service as is: controllers map it to their responses. */
public record PaymentOrder(
        UUID id,
        String txnRef,
        String dossierCode,
        String agencyCode,
        String payerSubject,
        long amountVnd,
        String description,
        PaymentStatus status,
        String paymentUrl,
        Instant expiresAt,
        String receiptNumber,
        Instant paidAt,
        String gatewayTransactionNo,
        String bankCode,
        long refundedVnd,
        Instant createdAt,
        PaymentMethod method,
        String collectedBy,
        String collectedAgency,
        String payerName) {

    /** How a fee was paid: through the gateway, or at the counter (decision 36). */
    public enum PaymentMethod {
        ONLINE,
        CASH,
        CARD;

        public boolean atCounter() {
            return this != ONLINE;
        }
    }

    public long refundableVnd() {
        return amountVnd - refundedVnd;
    }

    /** The gateway's order reference (vnp_TxnRef): the id without dashes, alphanumeric as the protocol wants. */
    public static String txnRefOf(UUID id) {
        return id.toString().replace("-", "");
    }
}

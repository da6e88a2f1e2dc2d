package vn.egov.payment.order;

import java.time.Instant;
import java.util.UUID;

/** A payment order as stored. Never leaves the service as is: controllers map it to their responses. */
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
        Instant createdAt) {

    public long refundableVnd() {
        return amountVnd - refundedVnd;
    }

    /** The gateway's order reference (vnp_TxnRef): the id without dashes, alphanumeric as the protocol wants. */
    public static String txnRefOf(UUID id) {
        return id.toString().replace("-", "");
    }
}

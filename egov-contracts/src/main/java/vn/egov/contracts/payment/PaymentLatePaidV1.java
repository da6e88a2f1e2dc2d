package vn.egov.contracts.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * The gateway confirmed a payment for an order that was no longer payable ({@code previousStatus}
 * CANCELLED, EXPIRED or FAILED: e.g. the citizen paid on the gateway's page at the last second after
 * the dossier was withdrawn). The money is recorded with the e-receipt {@code receiptNumber} and is
 * being refunded in full ({@code refundId}); a {@code vn.egov.payment.refunded.v1} follows once the
 * gateway has made the refund. Not a {@code succeeded}: the dossier's fee is NOT paid by this.
 * {@code payerSubject} is the citizen who paid (subject id only); added within v1, so events published
 * before it have none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentLatePaidV1(
        UUID paymentId,
        String dossierCode,
        String agencyCode,
        long amountVnd,
        String previousStatus,
        String receiptNumber,
        Instant paidAt,
        String gatewayTransactionNo,
        String bankCode,
        UUID refundId,
        String payerSubject) {

    public static final String TYPE = "vn.egov.payment.late-paid.v1";
}

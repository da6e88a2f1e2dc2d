package vn.egov.contracts.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * Part or all of a paid fee was refunded: {@code refundAmountVnd} this time, {@code refundedTotalVnd}
 * so far (never more than {@code amountVnd}); {@code fullyRefunded} when nothing remains.
 * {@code payerSubject} is the citizen who paid and is refunded (subject id only); added within v1, so
 * events published before it have none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentRefundedV1(
        UUID paymentId,
        UUID refundId,
        String dossierCode,
        String agencyCode,
        long amountVnd,
        long refundAmountVnd,
        long refundedTotalVnd,
        boolean fullyRefunded,
        String receiptNumber,
        Instant refundedAt,
        String payerSubject) {

    public static final String TYPE = "vn.egov.payment.refunded.v1";
}

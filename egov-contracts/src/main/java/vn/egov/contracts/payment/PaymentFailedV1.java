package vn.egov.contracts.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** The gateway reported the payment as not made ({@code gatewayResponseCode} is the gateway's own code). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentFailedV1(
        UUID paymentId,
        String dossierCode,
        String agencyCode,
        long amountVnd,
        String gatewayResponseCode,
        Instant failedAt) {

    public static final String TYPE = "vn.egov.payment.failed.v1";
}

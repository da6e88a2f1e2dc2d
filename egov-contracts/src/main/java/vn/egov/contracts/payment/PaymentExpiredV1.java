package vn.egov.contracts.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** The order was not paid before it expired; a new order is needed to pay the fee. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentExpiredV1(
        UUID paymentId, String dossierCode, String agencyCode, long amountVnd, Instant expiredAt) {

    public static final String TYPE = "vn.egov.payment.expired.v1";
}

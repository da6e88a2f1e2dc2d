package vn.egov.contracts.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** The order was cancelled before it was paid (e.g. its dossier was withdrawn). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentCancelledV1(
        UUID paymentId, String dossierCode, String agencyCode, long amountVnd, Instant cancelledAt) {

    public static final String TYPE = "vn.egov.payment.cancelled.v1";
}

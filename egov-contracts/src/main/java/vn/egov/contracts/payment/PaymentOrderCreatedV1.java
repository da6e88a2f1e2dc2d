package vn.egov.contracts.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment order was created for a dossier's fee and handed to the gateway: it can be paid until
 * {@code expiresAt}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentOrderCreatedV1(
        UUID paymentId, String dossierCode, String agencyCode, long amountVnd, Instant expiresAt) {

    public static final String TYPE = "vn.egov.payment.created.v1";
}

package vn.egov.payment.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * dossier-service asks for a fee to be paid. The amount comes from the procedure, through
 * dossier-service: never from a browser. {@code payerIp} (the citizen's address, which the gateway
 * protocol asks for) is optional.
 */
record CreatePaymentRequest(
        @NotBlank @Size(max = 64) String dossierCode,
        @NotBlank @Size(max = 64) String agencyCode,
        @NotBlank @Size(max = 255) String payerSubject,
        // the gateway carries amount × 100 in a long, and no fee comes near this
        @Positive @Max(10_000_000_000L) long amountVnd,
        @NotBlank @Size(max = 255) String description,
        @Size(max = 45) String payerIp) {}

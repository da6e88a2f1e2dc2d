package vn.egov.payment.counter;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An officer records the fee of {@code dossierCode} as paid at the counter. No amount: the fee is the one the
 * platform knows for the dossier, never typed at the desk.
 */
record CounterPaymentRequest(
        @NotBlank @Size(max = 64) String dossierCode,

        @Schema(allowableValues = {"CASH", "CARD"}) @NotNull @Pattern(regexp = "CASH|CARD")
        String method,

        @Size(max = 200) String payerName) {}

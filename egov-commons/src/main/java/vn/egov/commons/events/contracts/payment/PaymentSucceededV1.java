package vn.egov.commons.events.contracts.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * The gateway confirmed the payment (its server-to-server IPN, never the browser): the fee of
 * {@code dossierCode} is paid and has the e-receipt {@code receiptNumber} (e.g. {@code BL-2026-000001}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentSucceededV1(UUID paymentId, String dossierCode, String agencyCode, long amountVnd,
                                 String receiptNumber, Instant paidAt, String gatewayTransactionNo,
                                 String bankCode) {

    public static final String TYPE = "vn.egov.payment.succeeded.v1";
}

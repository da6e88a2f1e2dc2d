package vn.egov.contracts.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * The gateway confirmed the payment (its server-to-server IPN, never the browser), or an officer recorded it paid at
 * the counter (cash or card; then {@code gatewayTransactionNo} and {@code bankCode} are null): the fee of
 * {@code dossierCode} is paid and has the e-receipt {@code receiptNumber}, in the collecting agency's series (e.g.
 * {@code 000.00.11.H26/2026/000001}; {@code BL-2026-000001} before the series were per agency).
 * {@code payerSubject} is the citizen who paid (their subject id only, never contacts); it was added within v1,
 * so events published before it have none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentSucceededV1(
        UUID paymentId,
        String dossierCode,
        String agencyCode,
        long amountVnd,
        String receiptNumber,
        Instant paidAt,
        String gatewayTransactionNo,
        String bankCode,
        String payerSubject) {

    public static final String TYPE = "vn.egov.payment.succeeded.v1";
}

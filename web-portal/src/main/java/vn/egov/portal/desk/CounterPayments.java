package vn.egov.portal.desk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.UserApi;

/**
 * payment-service's counter endpoint with the officer's token: the fee taken in cash or by card at the counter
 * ({@code POST /api/v1/payments/counter}, Idempotency-Key), answered at once with its receipt number in the agency's
 * series. 409 when the dossier is already paid, 403 when it is not the officer's agency (shown as sentences).
 */
@Component
class CounterPayments {

    /** The API's limit on the payer's name. */
    static final int PAYER_LIMIT = 200;

    /** The answer of {@code POST /api/v1/payments/counter}: SUCCEEDED at once (a flash attribute, so in the session). */
    record CounterPayment(
            UUID id,
            String dossierCode,
            long amount,
            String method,
            String status,
            String receiptNumber,
            Instant paidAt)
            implements java.io.Serializable {}

    private final RestClient api;

    CounterPayments(@UserApi RestClient api) {
        this.api = api;
    }

    CounterPayment pay(String dossierCode, String method, String payerName, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dossierCode", dossierCode);
        body.put("method", method);
        if (payerName != null) {
            body.put("payerName", payerName);
        }
        return api.post()
                .uri("/api/v1/payments/counter")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(CounterPayment.class);
    }
}

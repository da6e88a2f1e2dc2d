package vn.egov.portal.payment;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.UserApi;

/**
 * payment-service's orders and receipts as the signed-in citizen may see them (their own: anyone else's order is
 * the API's 404, the same as one that does not exist), called with the user's token.
 */
@Component
public class Payments {

    /** The states in which the fee has been received and a receipt exists (a refund keeps the receipt). */
    static final Set<String> PAID = Set.of("SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED");

    /** {@code GET /api/v1/payments/{id}}: {@code paymentUrl} is given while the order is PENDING only. */
    public record Order(
            UUID id,
            String dossierCode,
            String agencyCode,
            long amountVnd,
            String status,
            Instant createdAt,
            Instant expiresAt,
            String paymentUrl,
            String receiptNumber,
            Instant paidAt,
            long refundedVnd) {

        /** The gateway's page can be opened: the order waits for the payment and the API gave its address. */
        public boolean payable() {
            return "PENDING".equals(status) && paymentUrl != null && paymentUrl.startsWith("http");
        }

        public boolean paid() {
            return PAID.contains(status);
        }
    }

    /** {@code GET /api/v1/payments/{id}/receipt} (JSON): the e-receipt of a paid fee. */
    record Receipt(
            String receiptNumber,
            UUID paymentId,
            String dossierCode,
            String agencyCode,
            long amountVnd,
            Instant paidAt,
            String gatewayTransactionNo,
            String bankCode,
            String status,
            long refundedVnd) {}

    private final RestClient api;

    Payments(@UserApi RestClient api) {
        this.api = api;
    }

    public Order find(UUID id) {
        return api.get().uri("/api/v1/payments/{id}", id).retrieve().body(Order.class);
    }

    Receipt receipt(UUID id) {
        return api.get().uri("/api/v1/payments/{id}/receipt", id).retrieve().body(Receipt.class);
    }
}

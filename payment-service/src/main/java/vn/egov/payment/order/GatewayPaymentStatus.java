package vn.egov.payment.order;

import java.time.Instant;

/**
 * The gateway's own record of a transaction, as its query API tells it.
 *
 * @param outcome PAID, DECLINED (final, not paid), or NOT_PAID (unknown to the gateway or still open)
 * @param amountVnd what the gateway says was paid (whole VND)
 * @param responseCode the gateway's transaction status code, kept for a failure
 */
public record GatewayPaymentStatus(
        Outcome outcome, long amountVnd, String transactionNo, String bankCode, Instant paidAt, String responseCode) {

    public enum Outcome {
        PAID,
        DECLINED,
        NOT_PAID
    }

    public static GatewayPaymentStatus notPaid() {
        return new GatewayPaymentStatus(Outcome.NOT_PAID, 0, null, null, null, null);
    }
}

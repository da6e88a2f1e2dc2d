package vn.egov.dossier.fee;

/**
 * A dossier's fee as its views show it: the amount ({@code 0}: no fee) and, once payment-service has created it,
 * where to pay ({@code null} before that, and for a dossier without a fee).
 */
public record Fee(long amountVnd, PaymentLink payment) {

    public static final Fee NONE = new Fee(0, null);
}

package vn.egov.payment.order;

import vn.egov.commons.security.EgovPrincipal;

/** Who may see a payment order (and its receipt): its payer, or an officer or approver of its agency. */
public final class PaymentAccess {

    private PaymentAccess() {}

    public static boolean canSee(PaymentOrder order, EgovPrincipal who) {
        return order.payerSubject().equals(who.subject())
                || (who.hasRole("OFFICER") || who.hasRole("APPROVER"))
                        && order.agencyCode().equals(who.agency());
    }
}

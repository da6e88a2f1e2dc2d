/**
 * Paying a dossier's fee: the payment gateway's return page, which shows the order as payment-service has it (read
 * with the user's token, never from the gateway's query string), and the e-receipt. The "pay" button itself is on
 * the dossier page ({@code dossier}), which asks {@link vn.egov.portal.payment.Payments} for the order's state.
 */
package vn.egov.portal.payment;

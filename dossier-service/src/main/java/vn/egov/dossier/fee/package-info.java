/**
 * Application module (Spring Modulith). A dossier's fee, in its own table ({@code dossier_fee}, {@link
 * vn.egov.dossier.fee.DossierFees}): the amount, the payment order requested from payment-service (and swept until
 * it exists), and the payment events that move the dossier on.
 */
package vn.egov.dossier.fee;

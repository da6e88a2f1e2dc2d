package vn.egov.dossier.fee;

import java.util.UUID;

/** Where the applicant pays a dossier's fee: the payment order and its page. */
public record PaymentLink(UUID id, long amount, String paymentUrl) {}

package vn.egov.dossier.fee;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;
import vn.egov.dossier.dossier.DossierTransitions;
import vn.egov.dossier.payment.PaymentClient;

/**
 * Payment orders of dossiers with a fee. The fee's row ({@link DossierFees}) of a dossier in AWAITING_PAYMENT without a
 * payment id is the durable record that an order is owed: the order is asked for right after the submission commits
 * and, if payment-service is not reachable, by {@link #sweep()} until it is — with the same
 * Idempotency-Key each time, so a retry can never create a second order. Calls to payment-service are
 * made outside any transaction; the result is written in a short one.
 */
@Component
public class DossierPayments {

    private static final Logger log = LoggerFactory.getLogger(DossierPayments.class);

    private final DossierFees fees;
    private final DossierStore store;
    private final PaymentClient client;

    DossierPayments(DossierFees fees, DossierStore store, PaymentClient client) {
        this.fees = fees;
        this.store = store;
        this.client = client;
    }

    /** Asks payment-service for the dossier's order; empty when it could not (the sweeper will try again). */
    public Optional<PaymentLink> requestOrder(String code) {
        DossierRow d = store.find(code).orElseThrow();
        if (d.status() != DossierTransitions.Status.AWAITING_PAYMENT) {
            return Optional.empty();
        }
        Optional<DossierFees.Order> owed = fees.order(d.id());
        if (owed.isEmpty()) {
            return Optional.empty();
        }
        DossierFees.Order o = owed.get();
        if (o.paymentId() != null) {
            return o.link();
        }
        try {
            PaymentClient.Order order = client.createOrder(
                    new PaymentClient.CreateOrder(
                            d.code(), d.agencyCode(), d.applicantSubject(), o.amountVnd(), "Le phi ho so " + d.code()),
                    "dossier-" + d.code() + "-" + o.generation());
            PaymentLink link = new PaymentLink(order.id(), order.amount(), order.paymentUrl());
            fees.created(d.id(), o.generation(), link);
            return Optional.of(link);
        } catch (PaymentClient.PaymentUnavailableException e) {
            int attempts = o.attempts() + 1;
            Duration wait = Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 8)));
            log.warn(
                    "payment order for dossier {} not created yet (attempt {}): {}",
                    d.code(),
                    attempts,
                    e.getMessage());
            fees.notCreated(d.id(), attempts, wait);
            return Optional.empty();
        }
    }

    @Scheduled(
            fixedDelayString = "${egov.dossier.payment.sweep-interval:30s}",
            initialDelayString = "${egov.dossier.payment.sweep-interval:30s}")
    public void sweep() {
        for (String code : fees.owed(50)) {
            requestOrder(code);
        }
    }
}

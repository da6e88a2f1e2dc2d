package vn.egov.dossier.fee;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;
import vn.egov.dossier.dossier.DossierTransitions;
import vn.egov.dossier.payment.PaymentClient;

/**
 * Payment orders of dossiers with a fee. The dossier row is the durable record that an order is owed
 * (AWAITING_PAYMENT without a payment id): the order is asked for right after the submission commits
 * and, if payment-service is not reachable, by {@link #sweep()} until it is — with the same
 * Idempotency-Key each time, so a retry can never create a second order. Calls to payment-service are
 * made outside any transaction; the result is written in a short one.
 */
@Component
public class DossierPayments {

    private static final Logger log = LoggerFactory.getLogger(DossierPayments.class);

    private final JdbcClient jdbc;
    private final DossierStore store;
    private final PaymentClient client;

    DossierPayments(JdbcClient jdbc, DossierStore store, PaymentClient client) {
        this.jdbc = jdbc;
        this.store = store;
        this.client = client;
    }

    /** Asks payment-service for the dossier's order; empty when it could not (the sweeper will try again). */
    public Optional<PaymentLink> requestOrder(String code) {
        DossierRow d = store.find(code).orElseThrow();
        if (d.status() != DossierTransitions.Status.AWAITING_PAYMENT) {
            return Optional.empty();
        }
        if (d.paymentId() != null) {
            return Optional.of(new PaymentLink(d.paymentId(), d.paymentAmount(), d.paymentUrl()));
        }
        try {
            PaymentClient.Order order = client.createOrder(
                    new PaymentClient.CreateOrder(
                            d.code(), d.agencyCode(), d.applicantSubject(), d.feeVnd(), "Le phi ho so " + d.code()),
                    "dossier-" + d.code() + "-" + d.paymentGeneration());
            jdbc.sql("""
                            update dossier set payment_id = ?, payment_amount = ?, payment_url = ?, updated_at = now()
                            where id = ? and payment_id is null and payment_generation = ?""")
                    .params(order.id(), order.amount(), order.paymentUrl(), d.id(), d.paymentGeneration())
                    .update();
            return Optional.of(new PaymentLink(order.id(), order.amount(), order.paymentUrl()));
        } catch (PaymentClient.PaymentUnavailableException e) {
            int attempts = d.paymentAttempts() + 1;
            Duration wait = Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 8)));
            log.warn(
                    "payment order for dossier {} not created yet (attempt {}): {}",
                    d.code(),
                    attempts,
                    e.getMessage());
            jdbc.sql("""
                            update dossier set payment_attempts = ?, payment_next_attempt_at = now() + make_interval(secs => ?)
                            where id = ? and payment_id is null""").params(attempts, (double) wait.toSeconds(), d.id()).update();
            return Optional.empty();
        }
    }

    @Scheduled(
            fixedDelayString = "${egov.dossier.payment.sweep-interval:30s}",
            initialDelayString = "${egov.dossier.payment.sweep-interval:30s}")
    public void sweep() {
        List<String> owed = jdbc.sql("""
                        select code from dossier where status = 'AWAITING_PAYMENT' and payment_id is null
                        and (payment_next_attempt_at is null or payment_next_attempt_at <= now())
                        order by submitted_at limit 50""").query(String.class).list();
        for (String code : owed) {
            requestOrder(code);
        }
    }
}

package vn.egov.dossier.fee;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.dossier.dossier.DossierFeeAmounts;

/**
 * The fee package's table, {@code dossier_fee}: one row per dossier with a fee (none for a free one), holding the
 * amount and the payment order at payment-service (its id, amount and page; the attempts to create it and when to
 * try next; the generation, which names a new order after one expired). The only SQL on that table.
 */
@Component
public class DossierFees implements DossierFeeAmounts {

    /** The order's state as the row holds it; {@code paymentId} is null until payment-service has created it. */
    record Order(
            UUID dossierId,
            long amountVnd,
            UUID paymentId,
            Long paymentAmount,
            String paymentUrl,
            int attempts,
            int generation) {

        Optional<PaymentLink> link() {
            return paymentId == null
                    ? Optional.empty()
                    : Optional.of(new PaymentLink(paymentId, paymentAmount, paymentUrl));
        }
    }

    private final JdbcClient jdbc;

    DossierFees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new dossier's fee, in the submission's transaction (before its first event, which names the fee). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void open(UUID dossierId, long amountVnd) {
        if (amountVnd <= 0) {
            return;
        }
        jdbc.sql("insert into dossier_fee (dossier_id, amount_vnd) values (?, ?)")
                .params(dossierId, amountVnd)
                .update();
    }

    /** The dossier's fee and payment link as its views show them. */
    public Fee of(UUID dossierId) {
        return order(dossierId)
                .map(o -> new Fee(o.amountVnd(), o.link().orElse(null)))
                .orElse(Fee.NONE);
    }

    @Override
    public long amountVnd(UUID dossierId) {
        return jdbc.sql("select amount_vnd from dossier_fee where dossier_id = ?")
                .param(dossierId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    Optional<Order> order(UUID dossierId) {
        return jdbc.sql("""
                        select dossier_id, amount_vnd, payment_id, payment_amount, payment_url, attempts, generation
                        from dossier_fee where dossier_id = ?""")
                .param(dossierId)
                .query((rs, i) -> new Order(
                        rs.getObject("dossier_id", UUID.class),
                        rs.getLong("amount_vnd"),
                        rs.getObject("payment_id", UUID.class),
                        (Long) rs.getObject("payment_amount"),
                        rs.getString("payment_url"),
                        rs.getInt("attempts"),
                        rs.getInt("generation")))
                .optional();
    }

    /** The order payment-service created for this generation (a later generation's order is not overwritten). */
    void created(UUID dossierId, int generation, PaymentLink link) {
        jdbc.sql("""
                        update dossier_fee set payment_id = ?, payment_amount = ?, payment_url = ?, updated_at = now()
                        where dossier_id = ? and payment_id is null and generation = ?""")
                .params(link.id(), link.amount(), link.paymentUrl(), dossierId, generation)
                .update();
    }

    /** payment-service could not be reached: try again after {@code wait}. */
    void notCreated(UUID dossierId, int attempts, Duration wait) {
        jdbc.sql("""
                        update dossier_fee set attempts = ?, next_attempt_at = now() + make_interval(secs => ?),
                               updated_at = now()
                        where dossier_id = ? and payment_id is null""").params(attempts, (double) wait.toSeconds(), dossierId).update();
    }

    /** Codes of dossiers awaiting payment whose order is owed and due for another attempt, oldest first. */
    List<String> owed(int limit) {
        return jdbc.sql("""
                        select d.code from dossier_fee f join dossier d on d.id = f.dossier_id
                        where d.status = 'AWAITING_PAYMENT' and f.payment_id is null
                          and (f.next_attempt_at is null or f.next_attempt_at <= now())
                        order by d.submitted_at limit ?""").param(limit).query(String.class).list();
    }

    /**
     * The payment that paid the fee (the event may arrive before the answer to the order's creation did). It replaces
     * the link to another order: a fee paid at the counter (decision 36) while an online order was open is paid by
     * the counter's payment, and the online order's page (cancelled by payment-service) is no longer shown.
     */
    void paid(UUID dossierId, UUID paymentId, long amountVnd) {
        jdbc.sql("""
                        update dossier_fee set payment_url = case when payment_id = ? then payment_url end,
                               payment_id = ?, payment_amount = ?, updated_at = now()
                        where dossier_id = ?""").params(paymentId, paymentId, amountVnd, dossierId).update();
    }

    /** An expired order is forgotten: the next generation's order is created by the sweeper, at once. */
    void expired(String dossierCode, UUID paymentId) {
        jdbc.sql("""
                        update dossier_fee f set payment_id = null, payment_url = null, payment_amount = null,
                               generation = f.generation + 1, attempts = 0, next_attempt_at = now(), updated_at = now()
                        from dossier d
                        where d.id = f.dossier_id and d.code = ? and d.status = 'AWAITING_PAYMENT' and f.payment_id = ?""").params(dossierCode, paymentId).update();
    }
}

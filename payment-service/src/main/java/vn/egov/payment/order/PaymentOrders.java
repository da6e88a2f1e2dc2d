package vn.egov.payment.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Explicit SQL over {@code payment_order}. The {@code …ForUpdate} reads lock the row until the transaction ends. */
@Repository
public class PaymentOrders {

    private static final String COLUMNS = """
            id, txn_ref, dossier_code, agency_code, payer_subject, amount_vnd, description, status, payment_url,
            expires_at, receipt_number, paid_at, gateway_transaction_no, bank_code, refunded_vnd, created_at,
            method, collected_by, collected_agency, payer_name""";

    private static final RowMapper<PaymentOrder> MAPPER = (rs, i) -> new PaymentOrder(
            rs.getObject("id", UUID.class),
            rs.getString("txn_ref"),
            rs.getString("dossier_code"),
            rs.getString("agency_code"),
            rs.getString("payer_subject"),
            rs.getLong("amount_vnd"),
            rs.getString("description"),
            PaymentStatus.valueOf(rs.getString("status")),
            rs.getString("payment_url"),
            instant(rs.getTimestamp("expires_at")),
            rs.getString("receipt_number"),
            instant(rs.getTimestamp("paid_at")),
            rs.getString("gateway_transaction_no"),
            rs.getString("bank_code"),
            rs.getLong("refunded_vnd"),
            instant(rs.getTimestamp("created_at")),
            PaymentOrder.PaymentMethod.valueOf(rs.getString("method")),
            rs.getString("collected_by"),
            rs.getString("collected_agency"),
            rs.getString("payer_name"));

    private final JdbcClient jdbc;

    PaymentOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PaymentOrder> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from payment_order where id = ?")
                .param(id)
                .query(MAPPER)
                .optional();
    }

    public Optional<PaymentOrder> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from payment_order where id = ? for update")
                .param(id)
                .query(MAPPER)
                .optional();
    }

    public Optional<PaymentOrder> findByTxnRef(String txnRef) {
        return jdbc.sql("select " + COLUMNS + " from payment_order where txn_ref = ?")
                .param(txnRef)
                .query(MAPPER)
                .optional();
    }

    /** The orders of one dossier (several when an unpaid one expired and a new one was made), oldest first. */
    public List<PaymentOrder> ofDossier(String dossierCode) {
        return jdbc.sql("select " + COLUMNS + " from payment_order where dossier_code = ? order by created_at")
                .param(dossierCode)
                .query(MAPPER)
                .list();
    }

    /** Serialises concurrent IPNs for one order: the second waits here until the first commits. */
    public Optional<PaymentOrder> findByTxnRefForUpdate(String txnRef) {
        return jdbc.sql("select " + COLUMNS + " from payment_order where txn_ref = ? for update")
                .param(txnRef)
                .query(MAPPER)
                .optional();
    }

    /**
     * PENDING orders created before {@code createdBefore} (their IPN is overdue) or whose payment window
     * closed before {@code expiredBefore}; read without a lock, oldest first.
     */
    public List<PaymentOrder> pendingOverdue(Instant createdBefore, Instant expiredBefore, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from payment_order where status = 'PENDING' and (created_at < ? or expires_at < ?)
                         order by created_at limit ?""")
                .param(Timestamp.from(createdBefore))
                .param(Timestamp.from(expiredBefore))
                .param(limit)
                .query(MAPPER)
                .list();
    }

    /**
     * CANCELLED orders whose pay page was handed out, whose payment window closed before
     * {@code expiredBefore}, and which the gateway has not been asked about since; oldest first.
     */
    public List<PaymentOrder> cancelledUnchecked(Instant expiredBefore, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from payment_order where status = 'CANCELLED' and gateway_checked_at is null
                           and payment_url is not null and expires_at < ?
                         order by expires_at limit ?""")
                .param(Timestamp.from(expiredBefore))
                .param(limit)
                .query(MAPPER)
                .list();
    }

    /** The gateway was asked, after the window closed, whether a cancelled order was paid anyway: it was not. */
    public void markGatewayChecked(UUID id, Instant at) {
        jdbc.sql("update payment_order set gateway_checked_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    /**
     * Orders the gateway confirmed as paid in {@code [from, to)}, of one agency or of all ({@code agencyCode} null).
     * Payments at the counter never went through the gateway, so they are not in its settlement file.
     */
    public List<PaymentOrder> paidBetween(Instant from, Instant to, String agencyCode) {
        return jdbc.sql("select " + COLUMNS
                        + " from payment_order where paid_at >= ? and paid_at < ? and method = 'ONLINE'"
                        + " and (cast(? as text) is null or agency_code = ?) order by paid_at")
                .params(Timestamp.from(from), Timestamp.from(to), agencyCode, agencyCode)
                .query(MAPPER)
                .list();
    }

    void insertCreated(
            UUID id,
            String dossierCode,
            String agencyCode,
            String payerSubject,
            long amountVnd,
            String description,
            Instant createdAt,
            Instant expiresAt) {
        jdbc.sql("""
                        insert into payment_order (id, txn_ref, dossier_code, agency_code, payer_subject, amount_vnd,
                            description, status, expires_at, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?, ?)""")
                .params(
                        id,
                        PaymentOrder.txnRefOf(id),
                        dossierCode,
                        agencyCode,
                        payerSubject,
                        amountVnd,
                        description,
                        Timestamp.from(expiresAt),
                        Timestamp.from(createdAt),
                        Timestamp.from(createdAt))
                .update();
    }

    /** A payment taken at the counter, CREATED until {@link PaymentLifecycle#collectAtCounter} settles it. */
    public void insertAtCounter(
            UUID id,
            String dossierCode,
            String agencyCode,
            String payerSubject,
            long amountVnd,
            String description,
            PaymentOrder.PaymentMethod method,
            String collectedBy,
            String collectedAgency,
            String payerName,
            Instant createdAt) {
        jdbc.sql("""
                        insert into payment_order (id, txn_ref, dossier_code, agency_code, payer_subject, amount_vnd,
                            description, status, method, collected_by, collected_agency, payer_name,
                            created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        PaymentOrder.txnRefOf(id),
                        dossierCode,
                        agencyCode,
                        payerSubject,
                        amountVnd,
                        description,
                        method.name(),
                        collectedBy,
                        collectedAgency,
                        payerName,
                        Timestamp.from(createdAt),
                        Timestamp.from(createdAt))
                .update();
    }

    void savePaymentUrl(UUID id, String paymentUrl) {
        jdbc.sql("update payment_order set payment_url = ? where id = ?")
                .params(paymentUrl, id)
                .update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

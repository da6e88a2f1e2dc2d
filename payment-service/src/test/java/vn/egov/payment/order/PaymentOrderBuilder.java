package vn.egov.payment.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payment orders for tests, as GOV.UK Pay's fixtures do: {@code aPaymentOrder().withStatus(PaymentStatus.PAID)...}.
 * Every field has a plausible default, so a test names only what it is about; {@link #build()} gives the record,
 * {@link #insertInto(JdbcClient)} stores the order as payment-service's own tables hold it.
 */
public final class PaymentOrderBuilder {

    private UUID id = UUID.randomUUID();
    private String dossierCode = "000.00.01.H26-261122-0001";
    private String agencyCode = "000.00.01.H26";
    private String payerSubject = "payer-" + UUID.randomUUID();
    private long amountVnd = 200_000L;
    private String description = "Lệ phí hồ sơ";
    private PaymentStatus status = PaymentStatus.PENDING;
    private long refundedVnd;
    private Instant createdAt = Instant.now();

    private PaymentOrderBuilder() {}

    public static PaymentOrderBuilder aPaymentOrder() {
        return new PaymentOrderBuilder();
    }

    public PaymentOrderBuilder withId(UUID id) {
        this.id = id;
        return this;
    }

    public PaymentOrderBuilder withDossier(String dossierCode) {
        this.dossierCode = dossierCode;
        return this;
    }

    public PaymentOrderBuilder withAgency(String agencyCode) {
        this.agencyCode = agencyCode;
        return this;
    }

    public PaymentOrderBuilder withPayer(String payerSubject) {
        this.payerSubject = payerSubject;
        return this;
    }

    public PaymentOrderBuilder withAmount(long amountVnd) {
        this.amountVnd = amountVnd;
        return this;
    }

    public PaymentOrderBuilder withDescription(String description) {
        this.description = description;
        return this;
    }

    public PaymentOrderBuilder withStatus(PaymentStatus status) {
        this.status = status;
        return this;
    }

    public PaymentOrderBuilder withRefunded(long refundedVnd) {
        this.refundedVnd = refundedVnd;
        return this;
    }

    public PaymentOrder build() {
        return new PaymentOrder(
                id,
                PaymentOrder.txnRefOf(id),
                dossierCode,
                agencyCode,
                payerSubject,
                amountVnd,
                description,
                status,
                null,
                null,
                null,
                null,
                null,
                null,
                refundedVnd,
                createdAt,
                PaymentOrder.PaymentMethod.ONLINE,
                null,
                null,
                null);
    }

    /** Stores the order (the columns a freshly created order has) and answers it. */
    public PaymentOrder insertInto(JdbcClient jdbc) {
        PaymentOrder order = build();
        jdbc.sql("""
                        insert into payment_order (id, txn_ref, dossier_code, agency_code, payer_subject, amount_vnd,
                                                   description, status, refunded_vnd, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        order.id(),
                        order.txnRef(),
                        order.dossierCode(),
                        order.agencyCode(),
                        order.payerSubject(),
                        order.amountVnd(),
                        order.description(),
                        order.status().name(),
                        order.refundedVnd(),
                        Timestamp.from(order.createdAt()))
                .update();
        return order;
    }
}

package vn.egov.payment.counter;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.idempotency.IdempotentRequests;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.payment.dossier.DossierFeeBook;
import vn.egov.payment.order.PaymentLifecycle;
import vn.egov.payment.order.PaymentOrder;
import vn.egov.payment.order.PaymentOrders;
import vn.egov.payment.order.PaymentStatus;
import vn.egov.payment.receipt.ReceiptNumbers;

/**
 * Payments taken at the counter (decision 36). In one transaction, under the lock of the dossier's fee entry (two
 * officers paying one dossier queue there): the Idempotency-Key is claimed (scope {@code counter-payment:<officer>}),
 * an unpaid online order of the dossier is cancelled (its page can no longer pay it; if the gateway still takes money
 * on it, that is a late payment, refunded in full), the payment is stored with the agency's next receipt number and
 * {@code succeeded.v1} goes to the outbox, as for an online payment.
 */
@Service
class CounterPayments {

    private static final Logger log = LoggerFactory.getLogger(CounterPayments.class);

    record Collected(PaymentOrder payment, boolean replayed) {}

    /** What the Idempotency-Key store keeps: the payment's id; a retry answers the payment as it is now. */
    record PaymentRef(UUID paymentId) {}

    private final DossierFeeBook fees;
    private final PaymentOrders orders;
    private final PaymentLifecycle lifecycle;
    private final ReceiptNumbers receipts;
    private final IdempotentRequests idempotent;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CounterPayments(
            DossierFeeBook fees,
            PaymentOrders orders,
            PaymentLifecycle lifecycle,
            ReceiptNumbers receipts,
            IdempotentRequests idempotent,
            TransactionTemplate transactions,
            Clock clock) {
        this.fees = fees;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.receipts = receipts;
        this.idempotent = idempotent;
        this.transactions = transactions;
        this.clock = clock;
    }

    Collected collect(EgovPrincipal officer, String key, CounterPaymentRequest request) {
        return transactions.execute(status -> {
            IdempotentRequests.Outcome<PaymentRef> outcome = idempotent.execute(
                    "counter-payment:" + officer.subject(),
                    key,
                    request,
                    PaymentRef.class,
                    () -> new PaymentRef(take(officer, request)));
            return new Collected(orders.find(outcome.response().paymentId()).orElseThrow(), outcome.replayed());
        });
    }

    private UUID take(EgovPrincipal officer, CounterPaymentRequest request) {
        DossierFeeBook.DossierFee fee = fees.lock(request.dossierCode())
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "dossier-fee-not-found"));
        if (!fee.agencyCode().equals(officer.agency())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "payment-of-another-agency");
        }
        if (fee.feeVnd() <= 0) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "dossier-fee-not-found");
        }
        if (fee.closed()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "dossier-closed");
        }
        // lock the dossier's unpaid online orders first, so an IPN settling one now is seen before we decide
        List<PaymentOrder> unpaid = orders.ofDossier(fee.dossierCode()).stream()
                .filter(o -> o.status() == PaymentStatus.CREATED || o.status() == PaymentStatus.PENDING)
                .map(o -> orders.findForUpdate(o.id()).orElseThrow())
                .toList();
        if (orders.ofDossier(fee.dossierCode()).stream()
                .anyMatch(
                        o -> o.status() == PaymentStatus.SUCCEEDED || o.status() == PaymentStatus.PARTIALLY_REFUNDED)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "fee-already-paid");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (PaymentOrder online : unpaid) {
            if (online.status() == PaymentStatus.CREATED || online.status() == PaymentStatus.PENDING) {
                lifecycle.cancel(online, now);
                log.info("dossier {} paid at the counter: online order {} cancelled", fee.dossierCode(), online.id());
            }
        }
        UUID id = UUID.randomUUID();
        PaymentOrder.PaymentMethod method = PaymentOrder.PaymentMethod.valueOf(request.method());
        orders.insertAtCounter(
                id,
                fee.dossierCode(),
                fee.agencyCode(),
                fee.applicantSubject(),
                fee.feeVnd(),
                "Lệ phí hồ sơ " + fee.dossierCode() + " thu tại quầy",
                method,
                officer.subject(),
                officer.agency(),
                blankToNull(request.payerName()),
                now);
        PaymentOrder created = orders.find(id).orElseThrow();
        lifecycle.collectAtCounter(created, receipts.next(fee.agencyCode(), now), now);
        return id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

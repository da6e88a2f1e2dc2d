package vn.egov.payment.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.idempotency.IdempotentRequests;

/**
 * Creates orders for dossier-service, idempotently through egov-commons' {@link IdempotentRequests} (scope
 * {@code payment-order:<client>}): the key is claimed first in the creating transaction, so a concurrent retry
 * with the same key waits on it and then finds the order; the same key with another request is refused (409).
 * What is kept for a key is the order's id: a retry answers the order as it is now.
 */
@Service
class PaymentOrderService {

    record Created(PaymentOrder order, boolean replayed) {}

    /** What the Idempotency-Key store keeps of a created order. */
    record OrderRef(UUID paymentId) {}

    private final PaymentOrders orders;
    private final PaymentLifecycle lifecycle;
    private final PaymentGatewayAdapter gateway;
    private final TransactionTemplate transactions;
    private final IdempotentRequests idempotent;
    private final Clock clock;

    PaymentOrderService(
            PaymentOrders orders,
            PaymentLifecycle lifecycle,
            PaymentGatewayAdapter gateway,
            TransactionTemplate transactions,
            IdempotentRequests idempotent,
            Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.transactions = transactions;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    Created create(String clientId, String idempotencyKey, CreatePaymentRequest request) {
        return transactions.execute(status -> {
            IdempotentRequests.Outcome<OrderRef> outcome = idempotent.execute(
                    "payment-order:" + clientId,
                    idempotencyKey,
                    request,
                    OrderRef.class,
                    () -> new OrderRef(open(request)));
            return new Created(orders.find(outcome.response().paymentId()).orElseThrow(), outcome.replayed());
        });
    }

    private UUID open(CreatePaymentRequest request) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(gateway.paymentWindow());
        orders.insertCreated(
                id,
                request.dossierCode(),
                request.agencyCode(),
                request.payerSubject(),
                request.amountVnd(),
                request.description(),
                now,
                expiresAt);
        PaymentOrder created = orders.find(id).orElseThrow();
        String url = gateway.paymentUrl(created, request.payerIp() == null ? "127.0.0.1" : request.payerIp());
        orders.savePaymentUrl(id, url);
        lifecycle.open(created);
        return id;
    }
}

package vn.egov.payment.refund;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.payment.order.PaymentGatewayAdapter;
import vn.egov.payment.order.PaymentLifecycle;
import vn.egov.payment.order.PaymentOrder;
import vn.egov.payment.order.PaymentOrders;
import vn.egov.payment.order.PaymentStatus;

/**
 * Refunds of a paid order through the gateway, in three steps: (1) under the order's row lock, the
 * refund is recorded as REQUESTED and its amount reserved, so concurrent refunds can never together
 * pass the paid amount (the database checks the confirmed total too); (2) the gateway is asked, outside
 * any transaction; (3) under the lock again, the refund is SUCCEEDED (order status and event) or
 * FAILED (reservation released). A gateway that cannot be reached leaves the refund REQUESTED, and
 * {@link RefundRetrySweeper} asks again later ({@link #retry}) with the same request id (the refund id),
 * which the gateway answers as the first time without refunding twice.
 */
@Service
class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    record RefundResponse(
            UUID refundId,
            UUID paymentId,
            long amountVnd,
            String refundStatus,
            long refundedTotalVnd,
            long remainingVnd,
            String paymentStatus) {}

    private record Requested(PaymentOrder order, UUID refundId, long amountVnd, boolean full, RefundResponse earlier) {}

    /** The actor of automatic refunds (from dossier events). */
    static final String SYSTEM = "SYSTEM";

    private final JdbcClient jdbc;
    private final PaymentOrders orders;
    private final PaymentLifecycle lifecycle;
    private final PaymentGatewayAdapter gateway;
    private final TransactionTemplate transactions;
    private final RefundRetryProperties retries;
    private final Clock clock;

    RefundService(
            JdbcClient jdbc,
            PaymentOrders orders,
            PaymentLifecycle lifecycle,
            PaymentGatewayAdapter gateway,
            TransactionTemplate transactions,
            RefundRetryProperties retries,
            Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.transactions = transactions;
        this.retries = retries;
        this.clock = clock;
    }

    RefundResponse refund(UUID paymentId, EgovPrincipal officer, String key, RefundRequest request) {
        String hash = sha256(request.amountVnd() + "\n" + request.reason());
        Requested requested = transactions.execute(status -> request(paymentId, officer, key, hash, request));
        RefundResponse completed = settle(paymentId, requested, officer.subject());
        if ("FAILED".equals(completed.refundStatus()) && requested.earlier() == null) {
            // after the commit: the failure is recorded and the reserved amount is free again
            throw new ApiProblem(
                    HttpStatus.BAD_GATEWAY,
                    "refund-refused-by-gateway",
                    List.of(),
                    Map.of("refundId", completed.refundId().toString()));
        }
        return completed;
    }

    /**
     * Refunds what remains of a paid order (actor SYSTEM), at most once per {@code key}: the same key
     * again returns the refund it already made, whatever its state. Empty when the order is not paid
     * or nothing remains to refund. A refund the gateway refuses is returned FAILED (not thrown).
     */
    Optional<RefundResponse> refundRemaining(UUID paymentId, String key, String reason) {
        Requested requested = transactions.execute(status -> requestRemaining(paymentId, key, reason));
        if (requested == null) {
            return Optional.empty();
        }
        return Optional.of(settle(paymentId, requested, SYSTEM));
    }

    /** Asks the gateway (outside any transaction) and records its answer. */
    private RefundResponse settle(UUID paymentId, Requested requested, String requestedBy) {
        if (requested.earlier() != null) {
            return requested.earlier();
        }
        Boolean made;
        try {
            made = gateway.refund(
                    requested.order(), requested.refundId(), requested.amountVnd(), requested.full(), requestedBy);
        } catch (PaymentGatewayAdapter.GatewayUnavailableException e) {
            log.warn(
                    "refund {} of payment {} not confirmed by the gateway yet, retried later: {}",
                    requested.refundId(),
                    paymentId,
                    e.getMessage());
            lastError(requested.refundId(), e);
            made = null;
        }
        Boolean outcome = made;
        return transactions.execute(
                status -> complete(paymentId, requested.refundId(), requested.amountVnd(), outcome));
    }

    private Requested requestRemaining(UUID paymentId, String key, String reason) {
        PaymentOrder order = orders.findForUpdate(paymentId).orElse(null);
        if (order == null) {
            return null;
        }
        Optional<RefundResponse> earlier = earlier(order, key, null);
        if (earlier.isPresent()) {
            return new Requested(order, null, 0, false, earlier.get());
        }
        if (order.status() != PaymentStatus.SUCCEEDED && order.status() != PaymentStatus.PARTIALLY_REFUNDED) {
            return null;
        }
        long reserved = reserved(paymentId);
        long amount = order.refundableVnd() - reserved;
        if (amount <= 0) {
            return null;
        }
        UUID refundId =
                insertRequested(paymentId, amount, reason, SYSTEM, key, sha256(amount + "\n" + reason), firstRetry());
        return new Requested(order, refundId, amount, amount == order.amountVnd(), null);
    }

    private Requested request(UUID paymentId, EgovPrincipal officer, String key, String hash, RefundRequest request) {
        PaymentOrder order = orders.findForUpdate(paymentId)
                .filter(o -> o.agencyCode().equals(officer.agency()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "payment-not-found"));
        Optional<RefundResponse> earlier = earlier(order, key, hash);
        if (earlier.isPresent()) {
            return new Requested(order, null, 0, false, earlier.get());
        }
        if (order.method().atCounter()) {
            // money taken at the counter never went through the gateway: it is paid back at the counter, not here
            throw new ApiProblem(HttpStatus.CONFLICT, "counter-payment-not-refundable-online");
        }
        boolean late = order.status() == PaymentStatus.LATE_PAID;
        if (!late && order.status() != PaymentStatus.SUCCEEDED && order.status() != PaymentStatus.PARTIALLY_REFUNDED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "payment-not-refundable");
        }
        long reserved = reserved(paymentId);
        long refundable = order.refundableVnd() - reserved;
        if (request.amountVnd() > refundable) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "refund-exceeds-paid",
                    List.of(),
                    Map.of("refundableVnd", refundable),
                    refundable);
        }
        if (late && request.amountVnd() != refundable) {
            // money taken for an order that no longer wanted it goes back whole
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "refund-must-be-full",
                    List.of(),
                    Map.of("refundableVnd", refundable),
                    refundable);
        }
        UUID refundId = insertRequested(
                paymentId, request.amountVnd(), request.reason(), officer.subject(), key, hash, firstRetry());
        return new Requested(order, refundId, request.amountVnd(), request.amountVnd() == order.amountVnd(), null);
    }

    /**
     * In the caller's transaction, under its lock of {@code order} (LATE_PAID next): requests the refund of
     * the whole amount, due at once for {@link RefundRetrySweeper}. The same key again finds the same refund.
     */
    UUID requestLatePaymentRefund(PaymentOrder order, String key, String reason) {
        Optional<RefundResponse> earlier = earlier(order, key, null);
        if (earlier.isPresent()) {
            return earlier.get().refundId();
        }
        long amount = order.amountVnd();
        return insertRequested(
                order.id(), amount, reason, SYSTEM, key, sha256(amount + "\n" + reason), clock.instant());
    }

    /**
     * Asks the gateway again for a REQUESTED refund (outside any transaction), with its own request id,
     * and records the answer if the refund is still REQUESTED.
     *
     * @return the refund's status afterwards: SUCCEEDED, FAILED (refused) or REQUESTED (still no answer)
     */
    String retry(UUID refundId) {
        record Row(UUID paymentId, long amount, String requestedBy, String status) {}
        Row row = jdbc.sql("select payment_id, amount_vnd, requested_by, status from payment_refund where id = ?")
                .param(refundId)
                .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .single();
        if (!"REQUESTED".equals(row.status())) {
            return row.status();
        }
        PaymentOrder order = orders.find(row.paymentId()).orElseThrow();
        Boolean made;
        try {
            made = gateway.refund(order, refundId, row.amount(), row.amount() == order.amountVnd(), row.requestedBy());
        } catch (PaymentGatewayAdapter.GatewayUnavailableException e) {
            log.warn(
                    "refund {} of payment {} still not answered by the gateway: {}",
                    refundId,
                    order.id(),
                    e.getMessage());
            lastError(refundId, e);
            return "REQUESTED";
        }
        RefundResponse done = transactions.execute(status -> complete(order.id(), refundId, row.amount(), made));
        if ("FAILED".equals(done.refundStatus())) {
            log.warn(
                    "refund {} of payment {} refused by the gateway on retry; an officer must follow it up",
                    refundId,
                    order.id());
        } else {
            log.info("refund {} of payment {}: {} on retry", refundId, order.id(), done.refundStatus());
        }
        return done.refundStatus();
    }

    private Instant firstRetry() {
        return clock.instant().plus(retries.initialBackoff());
    }

    private void lastError(UUID refundId, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        jdbc.sql("update payment_refund set last_error = ? where id = ?")
                .params(message.length() > 500 ? message.substring(0, 500) : message, refundId)
                .update();
    }

    /** The amount of refunds asked of the gateway and not answered yet. */
    private long reserved(UUID paymentId) {
        return jdbc.sql(
                        "select coalesce(sum(amount_vnd), 0) from payment_refund where payment_id = ? and status = 'REQUESTED'")
                .param(paymentId)
                .query(Long.class)
                .single();
    }

    private UUID insertRequested(
            UUID paymentId,
            long amountVnd,
            String reason,
            String requestedBy,
            String key,
            String hash,
            Instant nextAttemptAt) {
        UUID refundId = UUID.randomUUID();
        jdbc.sql("""
                        insert into payment_refund (id, payment_id, amount_vnd, reason, requested_by, idempotency_key,
                            request_hash, created_at, status, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?)""")
                .params(
                        refundId,
                        paymentId,
                        amountVnd,
                        reason,
                        requestedBy,
                        key,
                        hash,
                        Timestamp.from(clock.instant()),
                        Timestamp.from(nextAttemptAt))
                .update();
        return refundId;
    }

    /**
     * {@code made}: true refunded, false refused by the gateway, null unknown (left REQUESTED). Applied only
     * if the refund is still REQUESTED (a retry and a late first answer cannot both count it).
     */
    private RefundResponse complete(UUID paymentId, UUID refundId, long amountVnd, Boolean made) {
        PaymentOrder order = orders.findForUpdate(paymentId).orElseThrow();
        if (Boolean.TRUE.equals(made)) {
            Instant now = clock.instant();
            if (jdbc.sql("""
                            update payment_refund set status = 'SUCCEEDED', gateway_response_code = '00', completed_at = ?,
                                   last_error = null
                            where id = ? and status = 'REQUESTED'""").params(Timestamp.from(now), refundId).update() == 0) {
                return current(order, refundId);
            }
            PaymentStatus to = lifecycle.refund(order, refundId, amountVnd, now);
            long total = order.refundedVnd() + amountVnd;
            return new RefundResponse(
                    refundId, paymentId, amountVnd, "SUCCEEDED", total, order.amountVnd() - total, to.name());
        }
        if (Boolean.FALSE.equals(made)) {
            if (jdbc.sql(
                                    "update payment_refund set status = 'FAILED', completed_at = ? where id = ? and status = 'REQUESTED'")
                            .params(Timestamp.from(clock.instant()), refundId)
                            .update()
                    == 0) {
                return current(order, refundId);
            }
            return new RefundResponse(
                    refundId,
                    paymentId,
                    amountVnd,
                    "FAILED",
                    order.refundedVnd(),
                    order.refundableVnd(),
                    order.status().name());
        }
        return new RefundResponse(
                refundId,
                paymentId,
                amountVnd,
                "REQUESTED",
                order.refundedVnd(),
                order.refundableVnd(),
                order.status().name());
    }

    private RefundResponse current(PaymentOrder order, UUID refundId) {
        return jdbc.sql("select amount_vnd, status from payment_refund where id = ?")
                .param(refundId)
                .query((rs, i) -> new RefundResponse(
                        refundId,
                        order.id(),
                        rs.getLong(1),
                        rs.getString(2),
                        order.refundedVnd(),
                        order.refundableVnd(),
                        order.status().name()))
                .single();
    }

    /**
     * The refund this key already made on this order (same request), or 409 for another request;
     * {@code hash} null: whatever the request was.
     */
    private Optional<RefundResponse> earlier(PaymentOrder order, String key, String hash) {
        record Row(UUID id, long amount, String hash, String status) {}
        return jdbc.sql("""
                        select id, amount_vnd, request_hash, status from payment_refund
                        where payment_id = ? and idempotency_key = ?""")
                .params(order.id(), key)
                .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional()
                .map(row -> {
                    if (hash != null && !row.hash().equals(hash)) {
                        throw new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-reused");
                    }
                    return new RefundResponse(
                            row.id(),
                            order.id(),
                            row.amount(),
                            row.status(),
                            order.refundedVnd(),
                            order.refundableVnd(),
                            order.status().name());
                });
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

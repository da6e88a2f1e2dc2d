package vn.egov.payment.order;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.web.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Creates orders for dossier-service, idempotently: the {@code (client, Idempotency-Key)} row is
 * inserted first in the creating transaction, so a concurrent retry with the same key waits on it and
 * then finds the order; the same key with another request is refused (409).
 */
@Service
class PaymentOrderService {

    record Created(PaymentOrder order, boolean replayed) {
    }

    private final JdbcClient jdbc;
    private final PaymentOrders orders;
    private final PaymentLifecycle lifecycle;
    private final PaymentGatewayAdapter gateway;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    PaymentOrderService(JdbcClient jdbc, PaymentOrders orders, PaymentLifecycle lifecycle,
                        PaymentGatewayAdapter gateway, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    Created create(String clientId, String idempotencyKey, CreatePaymentRequest request) {
        String hash = sha256(json.writeValueAsString(request));
        return transactions.execute(status -> {
            UUID id = UUID.randomUUID();
            int claimed = jdbc.sql("""
                            insert into payment_idempotency (client_id, idempotency_key, request_hash, payment_id)
                            values (?, ?, ?, ?) on conflict do nothing""")
                    .params(clientId, idempotencyKey, hash, id).update();
            if (claimed == 0) {
                return replay(clientId, idempotencyKey, hash);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant expiresAt = now.plus(gateway.paymentWindow());
            orders.insertCreated(id, request.dossierCode(), request.agencyCode(), request.payerSubject(),
                    request.amountVnd(), request.description(), now, expiresAt);
            PaymentOrder created = orders.find(id).orElseThrow();
            String url = gateway.paymentUrl(created, request.payerIp() == null ? "127.0.0.1" : request.payerIp());
            orders.savePaymentUrl(id, url);
            lifecycle.open(created);
            return new Created(orders.find(id).orElseThrow(), false);
        });
    }

    private Created replay(String clientId, String idempotencyKey, String hash) {
        record Earlier(String hash, UUID paymentId) {
        }
        Earlier earlier = jdbc.sql("""
                        select request_hash, payment_id from payment_idempotency
                        where client_id = ? and idempotency_key = ?""")
                .params(clientId, idempotencyKey)
                .query((rs, i) -> new Earlier(rs.getString(1), rs.getObject(2, UUID.class)))
                .single();
        if (!earlier.hash().equals(hash)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-reused");
        }
        return new Created(orders.find(earlier.paymentId()).orElseThrow(), true);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

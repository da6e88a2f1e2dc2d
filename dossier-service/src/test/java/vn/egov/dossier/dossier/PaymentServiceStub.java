package vn.egov.dossier.dossier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP stand-in for payment-service and the realm's token endpoint, on a fixed free port so it
 * can be stopped (connection refused, like a dead service) and started again.
 */
public final class PaymentServiceStub extends StubServer {

    public record Call(String path, String authorization, String idempotencyKey, String body) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> ordersByKey = new ConcurrentHashMap<>();

    @Override
    public void routes(HttpServer server) {
        server.createContext(
                "/token",
                ex -> answer(
                        ex, 200, "{\"access_token\":\"stub-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}"));
        server.createContext("/api/v1/payments", this::createOrder);
    }

    private void createOrder(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        calls.add(new Call(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization"), key, body));
        String id = ordersByKey.computeIfAbsent(
                String.valueOf(key), k -> UUID.randomUUID().toString());
        long amount = Long.parseLong(body.replaceAll(".*\"amountVnd\":(\\d+).*", "$1"));
        answer(ex, 201, """
                {"id":"%s","amount":%d,"paymentUrl":"http://127.0.0.1:8090/paymentv2/vpcpay.html?vnp_TxnRef=%s","status":"PENDING","expiresAt":"2030-01-01T00:00:00Z"}""".formatted(id, amount, id.replace("-", "")));
    }
}

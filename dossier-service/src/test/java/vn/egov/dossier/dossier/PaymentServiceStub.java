package vn.egov.dossier.dossier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
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
final class PaymentServiceStub {

    record Call(String path, String authorization, String idempotencyKey, String body) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> ordersByKey = new ConcurrentHashMap<>();
    private final int port;
    private HttpServer server;

    PaymentServiceStub() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", ex -> answer(ex, 200, "{\"access_token\":\"stub-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}"));
        server.createContext("/api/v1/payments", this::createOrder);
        server.start();
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void createOrder(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        calls.add(new Call(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization"), key, body));
        String id = ordersByKey.computeIfAbsent(String.valueOf(key), k -> UUID.randomUUID().toString());
        long amount = Long.parseLong(body.replaceAll(".*\"amountVnd\":(\\d+).*", "$1"));
        answer(ex, 201, """
                {"id":"%s","amount":%d,"paymentUrl":"http://127.0.0.1:8090/paymentv2/vpcpay.html?vnp_TxnRef=%s","status":"PENDING","expiresAt":"2030-01-01T00:00:00Z"}"""
                .formatted(id, amount, id.replace("-", "")));
    }

    private static void answer(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}

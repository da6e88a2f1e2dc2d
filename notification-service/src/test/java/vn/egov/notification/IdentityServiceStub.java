package vn.egov.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP stand-in for identity-service's internal contacts endpoint and Keycloak's token endpoint,
 * on a free port: issues client-credentials tokens to {@code notification-service} with the right secret,
 * answers contacts only with such a token, 404 (problem) for unknown people, and 503 for people marked
 * down. Records every contacts call with the Authorization header it carried.
 */
final class IdentityServiceStub implements AutoCloseable {

    record Contacts(String email, String phone, String language) {
    }

    private final HttpServer server;
    private final Map<String, Contacts> people = new ConcurrentHashMap<>();
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();

    IdentityServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/token", this::token);
        server.createContext("/api/v1/identity/internal/people/", this::contacts);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String tokenUri() {
        return baseUrl() + "/token";
    }

    void person(String id, String email, String phone, String language) {
        people.put(id, new Contacts(email, phone, language));
    }

    void down(String id, boolean isDown) {
        down.put(id, isDown);
    }

    /** Contacts calls for this person, each as the Authorization header it carried. */
    List<String> callsFor(String id) {
        return calls.stream().filter(c -> c.startsWith(id + " ")).map(c -> c.substring(id.length() + 1)).toList();
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    private void token(HttpExchange ex) throws IOException {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!form.contains("grant_type=client_credentials") || !form.contains("client_id=notification-service")
                || !form.contains("client_secret=it-notification-secret")) {
            respond(ex, 401, "application/json", "{\"error\":\"unauthorized_client\"}");
            return;
        }
        int n = tokensIssued.incrementAndGet();
        respond(ex, 200, "application/json", "{\"access_token\":\"svc-token-" + n + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
    }

    private void contacts(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String rest = path.substring("/api/v1/identity/internal/people/".length());
        if (!rest.endsWith("/contacts")) {
            respond(ex, 404, "application/problem+json", "{\"type\":\"urn:egov:problem:not-found\",\"status\":404}");
            return;
        }
        String id = rest.substring(0, rest.length() - "/contacts".length());
        String authorization = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
        calls.add(id + " " + authorization);
        if (!authorization.startsWith("Bearer svc-token-")) {
            respond(ex, 401, "application/problem+json", "{\"type\":\"urn:egov:problem:unauthorized\",\"status\":401}");
            return;
        }
        if (Boolean.TRUE.equals(down.get(id))) {
            respond(ex, 503, "application/problem+json", "{\"type\":\"urn:egov:problem:unavailable\",\"status\":503}");
            return;
        }
        Contacts c = people.get(id);
        if (c == null) {
            respond(ex, 404, "application/problem+json", "{\"type\":\"urn:egov:problem:person-not-found\",\"status\":404}");
            return;
        }
        respond(ex, 200, "application/json", "{\"email\":" + quote(c.email()) + ",\"phone\":" + quote(c.phone())
                + ",\"language\":" + quote(c.language()) + "}");
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

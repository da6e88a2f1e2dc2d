package vn.egov.dossier.dossier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP stand-in for identity-service's {@code GET /api/v1/identity/me}: answers the profile registered
 * for the bearer token it receives (a default name and date of birth and no businesses for any other token), records the Authorization headers, and can be
 * stopped (connection refused) and started again on the same free port.
 */
final class IdentityServiceStub {

    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<String, String> profilesByToken = new ConcurrentHashMap<>();
    private final int port;
    private HttpServer server;

    IdentityServiceStub() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The /me JSON that identity-service gives the holder of {@code token}. */
    void profile(String token, String json) {
        profilesByToken.put(token, json);
    }

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/identity/me", this::me);
        server.start();
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void me(HttpExchange ex) throws IOException {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(authorization));
        String token = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
        String profile = profilesByToken.get(token);
        byte[] bytes = (profile == null ? "{\"fullName\":\"Nguyễn Thị Mặc Định\",\"dateOfBirth\":\"1990-01-01\",\"levelOfAssurance\":1,\"roles\":[\"CITIZEN\"],\"businesses\":[]}" : profile)
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}

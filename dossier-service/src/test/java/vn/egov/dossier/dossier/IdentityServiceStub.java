package vn.egov.dossier.dossier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP stand-in for identity-service's {@code GET /api/v1/identity/me}: answers the profile registered
 * for the bearer token it receives (a default name and date of birth and no businesses for any other token), records the Authorization headers, and can be
 * stopped (connection refused) and started again on the same free port.
 */
public final class IdentityServiceStub extends StubServer {

    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<String, String> profilesByToken = new ConcurrentHashMap<>();

    /** The /me JSON that identity-service gives the holder of {@code token}. */
    public void profile(String token, String json) {
        profilesByToken.put(token, json);
    }

    @Override
    public void routes(HttpServer server) {
        server.createContext("/api/v1/identity/me", this::me);
    }

    private void me(HttpExchange ex) throws IOException {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(authorization));
        String token = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
        String profile = profilesByToken.get(token);
        answer(
                ex,
                200,
                profile == null
                        ? "{\"fullName\":\"Nguyễn Thị Mặc Định\",\"dateOfBirth\":\"1990-01-01\",\"levelOfAssurance\":1,\"roles\":[\"CITIZEN\"],\"businesses\":[]}"
                        : profile);
    }
}

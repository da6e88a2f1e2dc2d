package vn.egov.portal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server standing in for Keycloak's three endpoints the portal uses to sign a user in (authorization,
 * token, keys), so that a browser test can sign in by the portal's own OIDC flow: the authorization endpoint sends
 * the browser straight back with a code (the user "typed their password"), the token endpoint answers An's access
 * token and an ID token signed with a key of this run, carrying the nonce the portal sent. Nothing else of Keycloak.
 */
final class OidcStandIn {

    static final String REALM = "/auth/realms/egov";

    private final HttpServer server;
    private final RSAKey key;

    private OidcStandIn(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
    }

    static OidcStandIn start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OidcStandIn standIn = new OidcStandIn(server, key);
            server.createContext(REALM + "/protocol/openid-connect/auth", standIn::authorize);
            server.createContext(REALM + "/protocol/openid-connect/token", standIn::token);
            server.createContext(REALM + "/protocol/openid-connect/certs", standIn::keys);
            server.start();
            return standIn;
        } catch (IOException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
    }

    void stop() {
        server.stop(0);
    }

    /** The user signs in at once: back to the portal's callback with the state, the nonce travelling as the code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String back = query.get("redirect_uri") + "?code=" + encode(query.get("nonce")) + "&state="
                + encode(query.get("state"));
        exchange.getResponseHeaders().set("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("0c3f7a1e-6d0a-4b7e-9a43-2a1d7b9c1e55")
                .audience(List.of("web-portal"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("nonce", form.get("code"))
                .claim("preferred_username", "001090012345")
                .claim("given_name", "An")
                .claim("family_name", "Nguyễn Văn")
                .build();
        String idToken;
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            idToken = jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        json(exchange, """
                {"access_token":"%s","token_type":"Bearer","expires_in":600,"refresh_token":"refresh-of-an",
                 "refresh_expires_in":1800,"id_token":"%s","scope":"openid"}""".formatted(PublicApiStandIn.AN_TOKEN, idToken));
    }

    private void keys(HttpExchange exchange) throws IOException {
        json(exchange, new JWKSet(key.toPublicJWK()).toString());
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String encode(String value) {
        if (value == null) {
            throw new UncheckedIOException(new IOException("the portal sent no state or nonce"));
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

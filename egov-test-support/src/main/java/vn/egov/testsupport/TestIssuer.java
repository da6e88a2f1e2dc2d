package vn.egov.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A real OIDC issuer for tests: serves its discovery document and JWKS over HTTP and signs RS256
 * tokens shaped like the egov realm's (realm_access.roles, agency, loa, aud egov-api). Services
 * verify its tokens exactly as they verify Keycloak's. It can also mint tokens that must be refused:
 * expired, signed by another key, or with the wrong audience.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "egov-api";

    private static TestIssuer shared;

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey foreignKey;
    private final String issuer;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            foreignKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/egov";
        server.createContext(
                "/realms/egov/.well-known/openid-configuration",
                exchange -> json(exchange, """
                {"issuer":"%s","jwks_uri":"%s","token_endpoint":"%s/protocol/openid-connect/token",
                 "id_token_signing_alg_values_supported":["RS256"],"subject_types_supported":["public"],
                 "response_types_supported":["code"]}""".formatted(issuer, jwkSetUri(), issuer)));
        server.createContext(
                "/realms/egov/protocol/openid-connect/certs",
                exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/protocol/openid-connect/certs";
    }

    /** A citizen (role CITIZEN, level of assurance 1) whose username is the national id. */
    public String citizen(String nationalId) {
        return token(c -> c.subject(UUID.nameUUIDFromBytes(nationalId.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .claim("preferred_username", nationalId)
                .claim("realm_access", Map.of("roles", List.of("CITIZEN")))
                .claim("loa", 1));
    }

    /** A user with the given realm role bound to an agency. */
    public String staff(String username, String role, String agency) {
        return token(c -> c.subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .claim("agency", agency));
    }

    /** A service or ministry client (client credentials) with the given scopes. */
    public String client(String clientId, String... scopes) {
        return token(c -> c.subject(UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .claim("azp", clientId)
                .claim("preferred_username", "service-account-" + clientId)
                .claim("scope", String.join(" ", scopes)));
    }

    /** A signed token with the realm's usual claims, adjusted by {@code claims}. */
    public String token(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(key, claims);
    }

    /** A token that expired a minute ago (past any clock skew allowance). */
    public String expired(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(
                key,
                claims.andThen(c -> c.issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))
                        .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))))));
    }

    /** A token with the right key id but signed by another key. */
    public String forged(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(foreignKey, claims);
    }

    /** An unsigned token ({@code alg: none}). */
    public String unsigned(Consumer<JWTClaimsSet.Builder> claims) {
        return new com.nimbusds.jwt.PlainJWT(baseClaims(claims)).serialize();
    }

    private String sign(RSAKey signingKey, Consumer<JWTClaimsSet.Builder> claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    baseClaims(claims));
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet baseClaims(Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        claims.accept(builder);
        return builder.build();
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

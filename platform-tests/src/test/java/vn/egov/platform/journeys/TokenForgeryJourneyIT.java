package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tokens that must not open anything, at the gateway (the edge checks every bearer token) and at each service
 * called directly (each is a resource server of its own, in case something inside the network calls it): a
 * forged signature, {@code alg: none}, our own key under Keycloak's key id, the classic HS256-with-the-public-key
 * confusion, another realm's token (wrong issuer and audience), a token of this realm without the API's
 * audience. The demo citizen's real token opens all of them, so that each refusal is the token's doing. An expired
 * token Keycloak signed: minted here, fresh and accepted ({@link ExpiringToken}), refused a minute later in
 * {@link ExpiredTokenJourneyIT}.
 */
@Order(8)
@ExtendWith(PlatformExtension.class)
class TokenForgeryJourneyIT {

    private static final String KEYCLOAK = "http://127.0.0.1:8180/auth";

    /** An endpoint of each service that needs a signed-in caller, at the gateway and at the service itself. */
    static final List<String> PROTECTED = List.of(
            "/api/v1/identity/me",
            "/api/v1/dossiers",
            "/api/v1/payments/" + UUID.nameUUIDFromBytes("no such payment".getBytes(StandardCharsets.UTF_8)),
            "/api/v1/notifications");

    static final List<String> ORIGINS = List.of(
            GATEWAY,
            "http://127.0.0.1:8081",
            "http://127.0.0.1:8082",
            "http://127.0.0.1:8083",
            "http://127.0.0.1:8084");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void forgedAndForeignTokensAreRefusedAtTheGatewayAndAtEveryService() throws Exception {
        mintTheExpiringTokenAndSeeItAccepted();
        String real = People.token(People.DEMO_CITIZEN);
        for (String origin : ORIGINS) {
            for (String path : PROTECTED) {
                int status = status(origin + path, real);
                assertThat(status).as("the real token at %s%s", origin, path).isIn(200, 404);
            }
        }

        Map<String, String> forged = new LinkedHashMap<>();
        String[] parts = real.split("\\.");
        JsonNode header = Api.JSON.readTree(decode(parts[0]));
        ObjectNode claims = (ObjectNode) Api.JSON.readTree(decode(parts[1]));

        ObjectNode raised = claims.deepCopy();
        raised.put("loa", 2);
        raised.put("sub", UUID.randomUUID().toString());
        forged.put("claims changed, Keycloak's signature kept", encode(header) + "." + encode(raised) + "." + parts[2]);

        ObjectNode none = Api.JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        forged.put("alg none", encode(none) + "." + parts[1] + ".");
        forged.put("alg none, no signature part", encode(none) + "." + parts[1]);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey ours = generator.generateKeyPair().getPrivate();
        ObjectNode oursHeader = Api.JSON
                .createObjectNode()
                .put("alg", "RS256")
                .put("typ", "JWT")
                .put("kid", header.get("kid").asString());
        forged.put("our own key under Keycloak's key id", signedRs256(oursHeader, claims, ours));

        ObjectNode hs256 = Api.JSON
                .createObjectNode()
                .put("alg", "HS256")
                .put("typ", "JWT")
                .put("kid", header.get("kid").asString());
        byte[] publicKeyPem = publicKeyPem(header.get("kid").asString()).getBytes(StandardCharsets.US_ASCII);
        forged.put("HS256 keyed with Keycloak's public key", signedHs256(hs256, claims, publicKeyPem));

        String master = KeycloakAdmin.token();
        assertThat(Api.claims(master).get("iss").asString()).endsWith("/realms/master");
        forged.put("another realm's token (master)", master);

        String noAudience = adminCliToken();
        if (noAudience != null) {
            assertThat(Api.claims(noAudience).path("aud").toString())
                    .as("a token of this realm for another client")
                    .doesNotContain("egov-api");
            forged.put("this realm, without the API's audience", noAudience);
        }

        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, String> token : forged.entrySet()) {
            for (String origin : ORIGINS) {
                for (String path : PROTECTED) {
                    HttpResponse<String> answer = get(origin + path, token.getValue());
                    if (answer.statusCode() != 401
                            || !answer.headers()
                                    .firstValue("Content-Type")
                                    .orElse("")
                                    .startsWith("application/problem+json")) {
                        accepted.add(token.getKey() + " at " + origin + path + " → " + answer.statusCode());
                    }
                }
            }
        }

        assertThat(accepted)
                .as("tokens that were not refused with a 401 problem")
                .isEmpty();
    }

    /**
     * Mints the one-second token (once per run) and, while Spring's clock skew still covers it, sees it opens every
     * protected endpoint as the demo citizen's usual token does: whatever refuses it later, its expiry is the reason.
     */
    static void mintTheExpiringTokenAndSeeItAccepted() throws Exception {
        if (ExpiringToken.minted() != null) {
            return;
        }
        String fresh = ExpiringToken.mint();
        for (String origin : ORIGINS) {
            for (String path : PROTECTED) {
                assertThat(status(origin + path, fresh))
                        .as("the one-second token, fresh, at %s%s", origin, path)
                        .isIn(200, 404);
            }
        }
        assertThat(Duration.between(ExpiringToken.minted(), java.time.Instant.now()))
                .as("checked within the clock skew")
                .isLessThan(Duration.ofSeconds(55));
    }

    private static int status(String url, String token) throws Exception {
        return get(url, token).statusCode();
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The demo citizen's token for this realm's built-in admin-cli client, when the realm lets it have one. */
    private static String adminCliToken() {
        Api.Response r = Api.postForm(
                KEYCLOAK + "/realms/egov/protocol/openid-connect/token",
                null,
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        People.DEMO_CITIZEN,
                        "password",
                        People.DEMO_PASSWORD));
        return r.status() == 200 ? r.json().get("access_token").asString() : null;
    }

    private static String publicKeyPem(String kid) throws Exception {
        JsonNode keys = Api.get(KEYCLOAK + "/realms/egov/protocol/openid-connect/certs", null)
                .json()
                .get("keys");
        for (JsonNode key : keys) {
            if (kid.equals(key.path("kid").asString())) {
                PublicKey publicKey = KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(
                                new BigInteger(
                                        1,
                                        Base64.getUrlDecoder()
                                                .decode(key.get("n").asString())),
                                new BigInteger(
                                        1,
                                        Base64.getUrlDecoder()
                                                .decode(key.get("e").asString()))));
                return "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(publicKey.getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
            }
        }
        throw new AssertionError("Keycloak publishes no key " + kid);
    }

    private static String signedRs256(JsonNode header, JsonNode claims, PrivateKey key) throws Exception {
        String input = encode(header) + "." + encode(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String signedHs256(JsonNode header, JsonNode claims, byte[] secret) throws Exception {
        String input = encode(header) + "." + encode(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(JsonNode json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Api.JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }
}

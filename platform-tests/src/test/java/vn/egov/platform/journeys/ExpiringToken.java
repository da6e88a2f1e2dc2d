package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real token Keycloak signed, for a real account, that lives one second: minted from a client of its own
 * ({@code egov-expiring-check}, a copy of the local password client with {@code access.token.lifespan} 1, so no other
 * journey's tokens change). Spring's resource servers accept 60 s of clock skew, so it is refused only a minute later:
 * {@link TokenForgeryJourneyIT} mints it early in the run, {@link ExpiredTokenJourneyIT} uses it after the long
 * journeys (minting it itself and waiting when it runs alone).
 */
final class ExpiringToken {

    static final String CLIENT = "egov-expiring-check";
    /** Spring Security's default clock skew (60 s) past the token's one-second life, and a margin. */
    static final Duration REFUSED_AFTER = Duration.ofSeconds(66);

    private static String token;
    private static Instant minted;

    private ExpiringToken() {}

    /** Mints the token once per run; answers it. */
    static synchronized String mint() {
        if (token == null) {
            ensureClient();
            Api.Response r = Api.postForm(
                    Api.TOKEN_URL,
                    null,
                    Map.of(
                            "grant_type",
                            "password",
                            "client_id",
                            CLIENT,
                            "username",
                            People.DEMO_CITIZEN,
                            "password",
                            People.DEMO_PASSWORD,
                            "scope",
                            "openid"));
            assertThat(r.status()).as("a token of %s: %s", CLIENT, r).isEqualTo(200);
            token = r.json().get("access_token").asString();
            minted = Instant.now();
            JsonNode claims = Api.claims(token);
            assertThat(claims.get("exp").asLong() - claims.get("iat").asLong())
                    .as("its lifespan in seconds")
                    .isLessThanOrEqualTo(1);
        }
        return token;
    }

    /** The token, once Spring's clock skew is past its expiry (waits for what is left of that). */
    static String expired() {
        String t = mint();
        Duration left = Duration.between(Instant.now(), minted.plus(REFUSED_AFTER));
        if (!left.isNegative()) {
            Api.sleep(left);
        }
        return t;
    }

    /** When the token was minted. */
    static synchronized Instant minted() {
        return minted;
    }

    private static void ensureClient() {
        String admin = KeycloakAdmin.token();
        String clients = KeycloakAdmin.KEYCLOAK + "/admin/realms/egov/clients";
        if (!Api.list(Api.get(clients + "?clientId=" + CLIENT, admin).json()).isEmpty()) {
            return; // a platform kept between runs
        }
        JsonNode local = Api.list(
                        Api.get(clients + "?clientId=egov-local-cli", admin).json())
                .get(0);
        ObjectNode copy = (ObjectNode) local.deepCopy();
        copy.remove("id");
        // its mappers are the local client's: the copy gets new ones of the same kind
        for (JsonNode mapper : copy.path("protocolMappers")) {
            ((ObjectNode) mapper).remove("id");
        }
        copy.put("clientId", CLIENT);
        copy.put("name", "journeys: tokens that live one second");
        ObjectNode attributes =
                copy.has("attributes") ? (ObjectNode) copy.get("attributes") : copy.putObject("attributes");
        attributes.put("access.token.lifespan", "1");
        Api.Response created = Api.postJson(clients, admin, copy);
        assertThat(created.status()).as("client %s: %s", CLIENT, created).isEqualTo(201);
    }
}

package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.egov.testsupport.browser.CookieJar;

/**
 * Password guessing against Keycloak's sign-in form, driven through the gateway as a browser would (issue 16's
 * brute-force lock-out, docs/security.md section 4). One stranger's wrong passwords pause the stranger's address for
 * that account at the gateway (429 {@code sign-in-paused}, never reaching Keycloak) and leave the account open: the
 * owner signs in from elsewhere. Keycloak's own lock-out (per account, 30 wrong passwords) is reached only by many
 * addresses together; it is temporary and an administrator can lift it. One address gets 20 sign-in posts a minute
 * whatever the accounts (then 429 {@code rate-limited}).
 */
@Order(10)
@ExtendWith(PlatformExtension.class)
class SignInLockOutJourneyIT {

    private static final String REDIRECT = GATEWAY + "/login/oauth2/code/portal";
    private static final Pattern FORM = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void aStrangerIsPausedNotTheAccountAndOnlyManyAddressesTogetherLockIt() throws Exception {
        People.Citizen owner = People.registerNewCitizen();
        String userId = keycloakUserId(owner.nationalId());
        // private addresses: the local realm lets those sign in over http (sslRequired external)
        Browser stranger = new Browser("10.66.0.1");

        // the stranger guesses: five wrong passwords reach Keycloak, each answered with the form again
        HttpResponse<String> page = guess(stranger, owner.nationalId(), 5);
        HttpResponse<String> paused = stranger.post(page, owner.nationalId(), owner.password());
        assertPaused(paused, "sign-in-paused");
        long retryAfter =
                Long.parseLong(paused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("the first pause, a minute").isBetween(50L, 60L);
        JsonNode status = bruteForceStatus(userId);
        assertThat(status.path("numFailures").asInt())
                .as("what Keycloak counted: %s", status)
                .isEqualTo(5);
        assertThat(status.path("disabled").asBoolean())
                .as("the account is not locked by one stranger: %s", status)
                .isFalse();

        // the owner, at another address, signs in (which also clears Keycloak's count); each time in a new browser, as
        // a signed-in one would skip the form
        Browser ownersBrowser = new Browser("10.66.0.2");
        HttpResponse<String> in = ownersBrowser.post(ownersBrowser.signInPage(), owner.nationalId(), owner.password());
        assertSignedIn(in);
        assertThat(bruteForceStatus(userId).path("numFailures").asInt()).isZero();

        // many addresses together reach Keycloak's lock-out (30), each paused at the gateway after its five
        for (int i = 0; i < 6; i++) {
            Browser one = new Browser("10.66.0." + (10 + i));
            HttpResponse<String> last = guess(one, owner.nationalId(), 5);
            assertPaused(one.post(last, owner.nationalId(), "Sai!themMatKhau"), "sign-in-paused");
        }
        assertThat(bruteForceStatus(userId).path("disabled").asBoolean())
                .as("locked after 30 wrong passwords from six addresses")
                .isTrue();
        ownersBrowser = new Browser("10.66.0.2");
        HttpResponse<String> refused =
                ownersBrowser.post(ownersBrowser.signInPage(), owner.nationalId(), owner.password());
        assertThat(refused.statusCode()).as("the right password while locked").isEqualTo(200);
        assertThat(FORM.matcher(refused.body()).find())
                .as("the form again, no way in while locked")
                .isTrue();

        // the lock-out is temporary (the realm's maxFailureWaitSeconds bounds it; RealmFileCheck requires that) and an
        // administrator can lift it at once: then the owner's password lets them in
        HttpResponse<Void> lifted = HTTP.send(
                HttpRequest.newBuilder(URI.create(KeycloakAdmin.KEYCLOAK
                                + "/admin/realms/egov/attack-detection/brute-force/users/" + userId))
                        .header("Authorization", "Bearer " + KeycloakAdmin.token())
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(lifted.statusCode()).isEqualTo(204);
        ownersBrowser = new Browser("10.66.0.2");
        assertSignedIn(ownersBrowser.post(ownersBrowser.signInPage(), owner.nationalId(), owner.password()));

        // one address trying many accounts runs out of sign-in posts: 20 a minute, refilled one every 3 s
        Browser sprayer = new Browser("10.66.0.20");
        HttpResponse<String> form = sprayer.signInPage();
        HttpResponse<String> limited = null;
        int posts = 0;
        while (posts < 30) {
            HttpResponse<String> answer = sprayer.post(form, "0792" + String.format("%08d", posts), "Sai!1MatKhau");
            posts++;
            if (answer.statusCode() == 429) {
                limited = answer;
                break;
            }
            assertThat(answer.statusCode())
                    .as("post %d: %s", posts, answer.body())
                    .isEqualTo(200);
            form = answer;
        }
        assertThat(limited).as("the gateway cut the address off").isNotNull();
        assertThat(posts).as("posts that reached the gateway").isBetween(21, 24);
        assertPaused(limited, "rate-limited");
    }

    /** {@code count} wrong passwords for {@code username}, each answered with the form again; the last answer. */
    private static HttpResponse<String> guess(Browser browser, String username, int count) throws Exception {
        HttpResponse<String> page = browser.signInPage();
        for (int i = 1; i <= count; i++) {
            HttpResponse<String> answer = browser.post(page, username, "Sai!" + i + "MatKhau");
            assertThat(answer.statusCode())
                    .as("wrong password %d from %s: %s", i, browser.address, answer.body())
                    .isEqualTo(200);
            assertThat(FORM.matcher(answer.body()).find()).as("the form again").isTrue();
            page = answer;
        }
        return page;
    }

    private static void assertPaused(HttpResponse<String> answer, String code) {
        assertThat(answer.statusCode()).as("%s", answer.body()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.body())
                .as("the gateway's problem, not Keycloak's page")
                .contains("\"" + code + "\"")
                .doesNotContain("<html");
    }

    private static void assertSignedIn(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("signed in: %s", answer.body()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse(""))
                .startsWith(REDIRECT + "?")
                .contains("code=");
    }

    private static String keycloakUserId(String username) {
        Api.Response users = Api.get(
                KeycloakAdmin.KEYCLOAK + "/admin/realms/egov/users?exact=true&username=" + username,
                KeycloakAdmin.token());
        assertThat(users.status()).as("%s", users).isEqualTo(200);
        assertThat(users.json().size()).isEqualTo(1);
        return users.json().get(0).get("id").asString();
    }

    private static JsonNode bruteForceStatus(String userId) {
        Api.Response r = Api.get(
                KeycloakAdmin.KEYCLOAK + "/admin/realms/egov/attack-detection/brute-force/users/" + userId,
                KeycloakAdmin.token());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    /** A browser at one client address (the gateway trusts its loopback hop in the local profile). */
    private static final class Browser {
        private final String address;
        private final CookieJar cookies = new CookieJar();

        Browser(String address) {
            this.address = address;
        }

        /** The portal's authorization request (code flow with PKCE): Keycloak's sign-in page. */
        HttpResponse<String> signInPage() throws Exception {
            String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
            String challenge = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(GATEWAY
                    + "/auth/realms/egov/protocol/openid-connect/auth?client_id=web-portal&response_type=code"
                    + "&scope=openid&state=" + UUID.randomUUID() + "&code_challenge_method=S256&code_challenge="
                    + challenge + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8))));
            assertThat(page.statusCode())
                    .as("the sign-in page: %s", page.body())
                    .isEqualTo(200);
            return page;
        }

        /** Fills in the form of {@code page} and posts it. */
        HttpResponse<String> post(HttpResponse<String> page, String username, String password) throws Exception {
            Matcher action = FORM.matcher(page.body());
            assertThat(action.find()).as("a sign-in form in: %s", page.body()).isTrue();
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
            return send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            request.timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", address);
            return cookies.send(HTTP, request);
        }
    }
}

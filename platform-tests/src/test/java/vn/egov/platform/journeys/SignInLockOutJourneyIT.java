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
 * brute-force lock-out, docs/security.md section 4): after a few wrong passwords the account is locked for a while, so
 * even the right password is refused and guessing further is useless; the lock-out is temporary and an administrator
 * can lift it; one address gets 20 sign-in posts a minute from the gateway (then 429, never reaching Keycloak) while
 * another address still reaches the form. What it cannot show: a stranger at many addresses can still keep an account
 * locked (Keycloak counts failures per account; docs/security.md says so).
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
    void wrongPasswordsLockTheAccountForAWhileAndOneAddressIsCutOffAtTheGateway() throws Exception {
        People.Citizen owner = People.registerNewCitizen();
        // private addresses: the local realm lets those sign in over http (sslRequired external)
        Browser stranger = new Browser("10.66.0.1");
        Browser ownersBrowser = new Browser("10.66.0.2");

        // the stranger guesses: each wrong password is answered with the form again
        HttpResponse<String> page = stranger.signInPage();
        int posts = 0;
        for (; posts < 5; posts++) {
            HttpResponse<String> answer = stranger.post(page, owner.nationalId(), "Sai!" + posts + "MatKhau");
            assertThat(answer.statusCode())
                    .as("wrong password %d: %s", posts + 1, answer.body())
                    .isEqualTo(200);
            assertThat(FORM.matcher(answer.body()).find()).as("the form again").isTrue();
            page = answer;
        }
        String userId = keycloakUserId(owner.nationalId());
        JsonNode status = bruteForceStatus(userId);
        assertThat(status.path("disabled").asBoolean())
                .as("locked after wrong passwords: %s", status)
                .isTrue();

        // the owner, at another address, with the right password: refused while locked, as a wrong password is
        HttpResponse<String> refused =
                ownersBrowser.post(ownersBrowser.signInPage(), owner.nationalId(), owner.password());
        assertThat(refused.statusCode())
                .as("the right password during the lock-out")
                .isEqualTo(200);
        assertThat(FORM.matcher(refused.body()).find())
                .as("the form again, no way in while locked")
                .isTrue();

        // the stranger's address runs out of sign-in posts at the gateway: 20 a minute, refilled one every 3 s
        HttpResponse<String> limited = null;
        while (posts < 30) {
            HttpResponse<String> answer = stranger.post(page, owner.nationalId(), "Sai!" + posts + "MatKhau");
            posts++;
            if (answer.statusCode() == 429) {
                limited = answer;
                break;
            }
            assertThat(answer.statusCode())
                    .as("post %d: %s", posts, answer.body())
                    .isEqualTo(200);
            page = answer;
        }
        assertThat(limited).as("the gateway cut the address off").isNotNull();
        assertThat(posts).as("posts that reached the gateway").isBetween(21, 24);
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body())
                .as("the gateway's problem, not Keycloak's page")
                .contains("rate-limited")
                .doesNotContain("<html");
        // another address still reaches Keycloak's form
        HttpResponse<String> elsewhere =
                ownersBrowser.post(ownersBrowser.signInPage(), owner.nationalId(), "Sai!khac1MatKhau");
        assertThat(elsewhere.statusCode()).as("another address is not cut off").isEqualTo(200);

        // the lock-out is temporary (the realm's maxFailureWaitSeconds bounds it; RealmFileCheck requires that) and an
        // administrator can lift it at once: then the owner's password lets them in
        assertThat(bruteForceStatus(userId).path("disabled").asBoolean()).isTrue();
        HttpResponse<Void> lifted = HTTP.send(
                HttpRequest.newBuilder(URI.create(KeycloakAdmin.KEYCLOAK
                                + "/admin/realms/egov/attack-detection/brute-force/users/" + userId))
                        .header("Authorization", "Bearer " + KeycloakAdmin.token())
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(lifted.statusCode()).isEqualTo(204);
        HttpResponse<String> in = ownersBrowser.post(ownersBrowser.signInPage(), owner.nationalId(), owner.password());
        assertThat(in.statusCode()).as("signed in: %s", in.body()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElse(""))
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

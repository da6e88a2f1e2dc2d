package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.context.TestPropertySource;
import vn.egov.testsupport.browser.Chromium;
import vn.egov.testsupport.browser.PageCheck;

/**
 * The sign-in guard in front of a stand-in of Keycloak's password form ({@link UpstreamStub#passwordForm}: the right
 * password is a redirect with the sign-on cookie, a wrong one the form again): wrong passwords pause one address for
 * one account, not the account; the right one clears the count; each wrong password after a pause doubles it;
 * concurrent posts cannot overshoot; what is not a password for a named account passes uncounted. Addresses come
 * from a trusted proxy's {@code X-Forwarded-For}; the per-address quota on sign-in posts is set out of the way.
 */
@TestPropertySource(
        properties = {
            "egov.gateway.forwarding.trusted-proxies=127.0.0.1/32",
            "egov.gateway.rate-limits.endpoints[0].name=sign-in",
            "egov.gateway.rate-limits.endpoints[0].method=POST",
            "egov.gateway.rate-limits.endpoints[0].path=/auth/realms/*/login-actions/**",
            "egov.gateway.rate-limits.endpoints[0].per=address",
            "egov.gateway.rate-limits.endpoints[0].limit.capacity=1000",
            "egov.gateway.rate-limits.endpoints[0].limit.period=1m",
            "egov.gateway.sign-in-guard.first-pause=3s",
        })
class SignInGuardIT extends GatewayIntegrationTest {

    private static final String FORM = "/auth/realms/guarded/login-actions/authenticate";
    private static final String RIGHT = "Dung!MatKhau1";
    private static final String STALE = "Cu!BieuMau1";

    static {
        KEYCLOAK.passwordForm(FORM, RIGHT, STALE);
    }

    @Test
    void fiveWrongPasswordsPauseThatAddressForThatAccountNotTheAccount() {
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> wrong = signIn("198.51.100.40", "079200000001", "Sai!" + i);
            assertThat(wrong.statusCode()).as("wrong password %d", i).isEqualTo(200);
            assertThat(wrong.body()).contains("id=\"kc-form-login\"");
            assertThat(relayedTo(KEYCLOAK, wrong).path()).isEqualTo(FORM);
        }

        HttpResponse<String> paused = signIn("198.51.100.40", "079200000001", RIGHT);

        assertProblem(paused, 429, "sign-in-paused");
        assertThat(paused.headers().firstValue("Retry-After")).hasValue("3");
        assertNotRelayed(paused, KEYCLOAK);
        // the account as Keycloak looks it up: case and spaces around it do not make another account
        assertProblem(signIn("198.51.100.40", " 079200000001 ", "Sai!6"), 429, "sign-in-paused");
        // the owner elsewhere signs in; the paused address may still sign in to another account
        HttpResponse<String> owner = signIn("198.51.100.41", "079200000001", RIGHT);
        assertThat(owner.statusCode()).isEqualTo(302);
        assertThat(relayedTo(KEYCLOAK, owner).path()).isEqualTo(FORM);
        assertThat(signIn("198.51.100.40", "079200000002", "Sai!1").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theRightPasswordClearsTheCountAndARedirectWithoutTheSignOnCookieDoesNot() {
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn("198.51.100.42", "an.officer", "Sai!" + i).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> in = signIn("198.51.100.42", "AN.OFFICER", RIGHT);
        assertThat(in.statusCode()).isEqualTo(302);
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn("198.51.100.42", "an.officer", "Sai!" + i).statusCode())
                    .as("wrong password %d after signing in", i)
                    .isEqualTo(200);
        }
        // an expired form sent back to the start is a redirect too, but signs nobody in: it clears nothing
        HttpResponse<String> stale = signIn("198.51.100.42", "an.officer", STALE);
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(relayedTo(KEYCLOAK, stale).path()).isEqualTo(FORM);
        assertThat(signIn("198.51.100.42", "an.officer", "Sai!5").statusCode())
                .as("the fifth wrong password since the sign-in")
                .isEqualTo(200);

        assertProblem(signIn("198.51.100.42", "an.officer", RIGHT), 429, "sign-in-paused");
    }

    @Test
    void aMemberOfStaffsRightPasswordClearsTheCountWhenTheOneTimeCodeFormFollows() {
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn("198.51.100.46", "canbo.mot", "Sai!" + i).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> code = signIn("198.51.100.46", "canbo.mot", UpstreamStub.STAFF_PASSWORD);
        assertThat(code.statusCode()).isEqualTo(200);
        assertThat(code.body()).contains("id=\"kc-otp-login-form\"");
        for (int i = 1; i <= 5; i++) {
            assertThat(signIn("198.51.100.46", "canbo.mot", "Sai!" + i).statusCode())
                    .as("wrong password %d after the right one", i)
                    .isEqualTo(200);
        }

        assertProblem(signIn("198.51.100.46", "canbo.mot", "Sai!6"), 429, "sign-in-paused");
    }

    @Test
    void afterThePauseOneMoreWrongPasswordPausesTwiceAsLong() throws Exception {
        for (int i = 1; i <= 5; i++) {
            signIn("198.51.100.43", "079200000003", "Sai!" + i);
        }
        assertThat(signIn("198.51.100.43", "079200000003", "Sai!6").headers().firstValue("Retry-After"))
                .hasValue("3");

        Thread.sleep(3100);
        HttpResponse<String> sixth = signIn("198.51.100.43", "079200000003", "Sai!6");
        assertThat(sixth.statusCode()).as("tried again after the pause").isEqualTo(200);

        HttpResponse<String> paused = signIn("198.51.100.43", "079200000003", RIGHT);
        assertProblem(paused, 429, "sign-in-paused");
        assertThat(paused.headers().firstValue("Retry-After")).hasValue("6");
    }

    @Test
    void postsSentAtOnceCannotOvershootTheAllowance() {
        List<CompletableFuture<HttpResponse<String>>> posts = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> signIn("198.51.100.44", "079200000004", "Sai!" + i)))
                .toList();
        List<Integer> statuses = posts.stream()
                .map(CompletableFuture::join)
                .map(HttpResponse::statusCode)
                .toList();

        // five while none had failed yet; a sixth only if the 3 s pause ended while the others were answered
        assertThat(statuses.stream().filter(s -> s == 200).count())
                .as("%s", statuses)
                .isBetween(5L, 6L);
        assertThat(statuses).as("the rest paused").containsOnly(200, 429);
    }

    @Test
    void aFormWithoutAUsernameIsRelayedUncountedAndTheFormReachesKeycloakWhole() {
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> otp = gateway.post(FORM + "?session_code=x")
                    .header("X-Forwarded-For", "198.51.100.45")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body("otp=12345" + i + "&login=Dang+nhap")
                    .send();
            assertThat(otp.statusCode()).as("one-time code %d", i).isEqualTo(200);
        }
        String form = form("079200000005", "Sai!1");
        HttpResponse<String> wrong = gateway.post(FORM + "?session_code=x")
                .header("X-Forwarded-For", "198.51.100.45")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Encoding", "gzip")
                .body(form)
                .send();
        UpstreamStub.Received relayed = relayedTo(KEYCLOAK, wrong);
        assertThat(relayed.bodyLength()).isEqualTo(form.getBytes(StandardCharsets.UTF_8).length);
        assertThat(relayed.query()).isEqualTo("session_code=x");
        assertThat(relayed.header("Accept-Encoding"))
                .as("the page is asked for uncompressed, to be read")
                .isNull();
    }

    @Test
    void aFormTooLargeToReadIsRefused() {
        HttpResponse<String> large = gateway.post(FORM)
                .header("X-Forwarded-For", "198.51.100.46")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("padding=" + "x".repeat(20_000) + "&" + form("079200000006", "Sai!1"))
                .send();

        assertProblem(large, 413, "payload-too-large");
        assertNotRelayed(large, KEYCLOAK);
    }

    @Test
    void aBrowserGetsAPageThatSaysWhenToTryAgainAnAppTheProblem() {
        for (int i = 1; i <= 5; i++) {
            signIn("198.51.100.47", "079200000007", "Sai!" + i);
        }
        HttpResponse<String> page = gateway.post(FORM + "?session_code=x")
                .header("X-Forwarded-For", "198.51.100.47")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-US,en;q=0.9")
                .header("X-Correlation-Id", "reference-123")
                .body(form("079200000007", RIGHT))
                .send();

        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(page.body())
                .contains("<html lang=\"en\">", "<h1>Sign-in to this account paused</h1>")
                .contains("You can try again in about 3 seconds.", "<a href=\"/dang-nhap\">Back to signing in</a>")
                .contains("Error code: sign-in-paused · reference: reference-123")
                .doesNotContain("079200000007");
        assertNotRelayed(page, KEYCLOAK);
        // an app asking for JSON gets the problem
        assertProblem(
                gateway.post(FORM)
                        .header("X-Forwarded-For", "198.51.100.47")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .body(form("079200000007", RIGHT))
                        .send(),
                429,
                "sign-in-paused");
    }

    @Test
    void thePausePageInChromiumIsAccessibleOnAPhoneAndADesktop() {
        ChromeDriver chrome = Chromium.start();
        try {
            chrome.get("http://" + gateway.hostAndPort() + FORM);
            for (int i = 1; i <= 6; i++) {
                chrome.findElement(By.id("username")).sendKeys("079200000008");
                chrome.findElement(By.id("password")).sendKeys("Sai!" + i + "MatKhau");
                Chromium.follow(chrome, By.cssSelector("form button"));
            }
            assertThat(chrome.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Tạm dừng đăng nhập vào tài khoản này");
            assertThat(chrome.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("vi");
            assertThat(chrome.findElement(By.linkText("Quay lại trang đăng nhập"))
                            .getAttribute("href"))
                    .endsWith("/dang-nhap");
            List<String> problems = new ArrayList<>();
            for (int[] size : PageCheck.SIZES) {
                Chromium.viewport(chrome, size[0], size[1]);
                problems.addAll(PageCheck.problems(chrome, "sign-in paused at " + size[0] + "×" + size[1]));
                Chromium.screenshot(chrome, "sign-in-paused-" + size[0] + "x" + size[1]);
            }
            assertThat(problems).isEmpty();
        } finally {
            chrome.quit();
        }
    }

    private HttpResponse<String> signIn(String address, String username, String password) {
        return gateway.post(FORM + "?session_code=x&execution=y&client_id=web-portal")
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(form(username, password))
                .send();
    }

    private static String form(String username, String password) {
        return "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
    }
}

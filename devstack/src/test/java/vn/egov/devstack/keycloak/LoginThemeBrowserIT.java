package vn.egov.devstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.egov.testsupport.browser.Chromium;
import vn.egov.testsupport.browser.PageCheck;

/**
 * Keycloak's login pages in the portal's theme ({@code egov}), in a real Chromium against the real Keycloak with
 * the realm export: Vietnamese by default, the username field saying what to type (the CCCD number), English on
 * request and remembered, the theme's stylesheet applied, no inline script; axe-core finds no serious or critical
 * WCAG 2.1 A/AA violation at 360×640 and 1280×800, nothing is wider than the screen; screenshots go to
 * {@code target/screenshots/keycloak-*.png}.
 *
 * <p>The browser prefers French, a language the realm does not offer, so "Vietnamese" comes from the realm's
 * default and not from the browser. (A browser asking for English gets English from Keycloak unless the sign-in
 * request says {@code ui_locales}: that is how the portal passes its own language on.)
 */
class LoginThemeBrowserIT {

    static final String VI_USERNAME = "Số định danh cá nhân (CCCD) hoặc email";
    static final String EN_USERNAME = "National ID number (CCCD) or email";

    static KeycloakServer keycloak;
    static ChromeDriver chrome;

    @BeforeAll
    static void start() throws Exception {
        int port = KeycloakServer.freePort();
        // the public URL is Keycloak's own port here: page resources (the theme's CSS) are addressed through it
        keycloak = KeycloakServer.builder()
                .workDir(Path.of(System.getProperty("keycloak.it.workdir", "target/keycloak-it")))
                .httpPort(port)
                .managementPort(KeycloakServer.freePort())
                .publicUrl("http://127.0.0.1:" + port + "/auth")
                .build()
                .start();
        chrome = Chromium.start("fr-FR", true);
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.quit();
        }
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    /** The mobile app's sign-in request (authorization code with PKCE), plus {@code extra} query parameters. */
    static String signIn(String extra) throws Exception {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return keycloak.baseUrl() + "/realms/egov/protocol/openid-connect/auth?client_id=mobile-app"
                + "&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode("vn.egov.mobile:/oauth2redirect", StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&state=" + UUID.randomUUID()
                + extra;
    }

    static String usernameLabel() {
        return chrome.findElement(By.cssSelector("label[for=username]"))
                .getText()
                .trim();
    }

    static String lang() {
        return chrome.findElement(By.tagName("html")).getAttribute("lang");
    }

    @Test
    void theLoginPageIsVietnameseByDefaultSaysToTypeTheCccdAndSwitchesToEnglish() throws Exception {
        chrome.manage().deleteAllCookies();
        Chromium.viewport(chrome, 1280, 800);
        chrome.get(signIn(""));
        assertThat(lang()).isEqualTo("vi");
        assertThat(chrome.getTitle()).isEqualTo("Đăng nhập · Cổng Dịch vụ công");
        assertThat(chrome.findElement(By.id("kc-page-title")).getText()).isEqualTo("Đăng nhập");
        assertThat(usernameLabel()).isEqualTo(VI_USERNAME);
        assertThat(chrome.findElement(By.id("username")).getAttribute("aria-describedby"))
                .isEqualTo("username-hint");
        assertThat(chrome.findElement(By.id("username-hint")).getText()).contains("12 chữ số", "Căn cước");
        assertThat(chrome.findElement(By.id("kc-login")).getText()).isEqualTo("Đăng nhập");
        assertThat(chrome.findElement(By.cssSelector(".egov-brand-name")).getText())
                .isEqualTo("Cổng dịch vụ công");
        assertThat(chrome.findElements(By.cssSelector(".egov-languages a")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("Tiếng Việt", "English");
        // registration goes through the portal: no Keycloak registration link, a pointer to the portal's help
        assertThat(chrome.findElements(By.id("kc-registration"))).isEmpty();
        assertThat(chrome.findElement(By.id("egov-registration")).getText()).startsWith("Chưa có tài khoản?");

        // the theme's stylesheet is loaded and applied (the portal's red header), and nothing runs inline
        assertThat(chrome.findElements(By.cssSelector("link[rel=stylesheet]")).stream()
                        .map(l -> l.getAttribute("href"))
                        .toList())
                .anyMatch(href -> href.contains("/login/egov/css/egov.css"));
        assertThat(chrome.findElement(By.cssSelector("header.egov-header")).getCssValue("background-color"))
                .isEqualTo("rgba(165, 28, 28, 1)");
        assertThat(((Number) chrome.executeScript("return document.querySelectorAll('script:not([src])').length"))
                        .intValue())
                .as("inline scripts")
                .isZero();
        assertThat(((Number) chrome.executeScript(
                                "return document.querySelectorAll('[onclick],[onchange],[onsubmit],[onload]').length"))
                        .intValue())
                .as("inline event handlers")
                .isZero();

        // a wrong password: the error in Vietnamese
        chrome.findElement(By.id("username")).sendKeys("001090012345");
        chrome.findElement(By.id("password")).sendKeys("Sai@Mat-khau1");
        Chromium.follow(chrome, By.id("kc-login"));
        assertThat(chrome.findElement(By.id("input-error-username")).getText())
                .isEqualTo("Số định danh cá nhân, email hoặc mật khẩu không đúng.");
        assertThat(chrome.findElement(By.id("username")).getAttribute("value"))
                .as("kept what the user typed")
                .isEqualTo("001090012345");

        // the forgotten-password page
        Chromium.follow(chrome, By.linkText("Quên mật khẩu?"));
        assertThat(chrome.findElement(By.id("kc-page-title")).getText()).isEqualTo("Đặt lại mật khẩu");
        assertThat(usernameLabel()).isEqualTo(VI_USERNAME);
        assertThat(chrome.findElement(By.id("kc-info")).getText()).contains("Nhập số định danh cá nhân (CCCD)");

        // English by the language link, and remembered for the next sign-in
        Chromium.follow(chrome, By.linkText("English"));
        assertThat(lang()).isEqualTo("en");
        assertThat(chrome.findElement(By.id("kc-page-title")).getText()).isEqualTo("Reset your password");
        chrome.get(signIn(""));
        assertThat(lang()).isEqualTo("en");
        assertThat(usernameLabel()).isEqualTo(EN_USERNAME);
        assertThat(chrome.findElement(By.id("kc-login")).getText()).isEqualTo("Sign in");
        assertThat(chrome.findElement(By.cssSelector(".egov-brand-tagline")).getText())
                .isEqualTo("The province's administrative procedures online");
        Chromium.follow(chrome, By.linkText("Tiếng Việt"));
        assertThat(usernameLabel()).isEqualTo(VI_USERNAME);

        // Keycloak's error page in the same frame and language
        chrome.manage().deleteAllCookies();
        chrome.get(unknownClient());
        assertThat(lang()).isEqualTo("vi");
        assertThat(chrome.findElement(By.id("kc-page-title")).getText()).isEqualTo("Rất tiếc, đã có lỗi");
        assertThat(chrome.findElement(By.cssSelector("header.egov-header")).isDisplayed())
                .isTrue();

        // the language straight from the sign-in request, as the portal passes its own on
        chrome.manage().deleteAllCookies();
        chrome.get(signIn("&ui_locales=en"));
        assertThat(usernameLabel()).isEqualTo(EN_USERNAME);
        chrome.manage().deleteAllCookies();
        chrome.get(signIn("&ui_locales=vi"));
        assertThat(usernameLabel()).isEqualTo(VI_USERNAME);
    }

    record Page(String name, String extra, boolean wrongPassword, boolean forgotten) {}

    /** A sign-in request from a client the realm does not know: Keycloak's error page. */
    static String unknownClient() {
        return keycloak.baseUrl() + "/realms/egov/protocol/openid-connect/auth?client_id=khong-co&response_type=code"
                + "&redirect_uri=" + URLEncoder.encode("https://example.invalid/", StandardCharsets.UTF_8);
    }

    @Test
    void theLoginPagesAreAccessibleAndFitAPhoneAndADesktop() throws Exception {
        List<Page> pages = List.of(
                new Page("login", "", false, false),
                new Page("login-en", "&ui_locales=en", false, false),
                new Page("login-error", "", true, false),
                new Page("reset-password", "", false, true),
                new Page("error", null, false, false));
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            for (Page page : pages) {
                String at = page.name() + " at " + size[0] + "×" + size[1];
                chrome.manage().deleteAllCookies();
                Chromium.viewport(chrome, size[0], size[1]);
                chrome.get(page.extra() == null ? unknownClient() : signIn(page.extra()));
                if (page.wrongPassword()) {
                    chrome.findElement(By.id("username")).sendKeys("001090012345");
                    chrome.findElement(By.id("password")).sendKeys("Sai@Mat-khau1");
                    Chromium.follow(chrome, By.id("kc-login"));
                }
                if (page.forgotten()) {
                    Chromium.follow(chrome, By.cssSelector("a[href*='reset-credentials']"));
                }
                // the visual viewport settles a moment after the load event on a freshly emulated phone; a page
                // really wider than the screen stays zoomed out and is reported below
                try {
                    new WebDriverWait(chrome, Duration.ofSeconds(3))
                            .until(d ->
                                    ((Number) chrome.executeScript("return window.innerWidth")).intValue() == size[0]);
                } catch (TimeoutException stillWider) {
                    // reported below with what sticks out
                }
                int width = ((Number) chrome.executeScript("return window.innerWidth")).intValue();
                if (width != size[0]) {
                    // a phone zooms out when something is wider than the screen: name what
                    problems.add(at + ": the page is " + width + " px wide, wider than the screen because of "
                            + chrome.executeScript("return Array.from(document.querySelectorAll('body *'))"
                                    + ".filter(e => e.getBoundingClientRect().right > " + size[0] + " + 1)"
                                    + ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id)"));
                }
                problems.addAll(PageCheck.problems(chrome, at));
                Chromium.screenshot(chrome, "keycloak-" + page.name() + "-" + size[0] + "x" + size[1]);
            }
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    @Test
    void theAccountConsoleUsesThePortalsStylesheet() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/realms/egov/account/"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String css = page.body()
                .lines()
                .filter(l -> l.contains("egov-account.css"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no egov-account.css in the account console: " + page.body()));
        String href = css.replaceAll(".*href=\"([^\"]+)\".*", "$1");
        HttpResponse<String> stylesheet = http.send(
                HttpRequest.newBuilder(URI.create(
                                href.startsWith("http")
                                        ? href
                                        : keycloak.baseUrl().replace("/auth", "") + href))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.body()).contains("#a51c1c");
    }
}

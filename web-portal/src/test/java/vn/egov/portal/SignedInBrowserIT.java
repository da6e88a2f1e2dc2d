package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.egov.testsupport.browser.Chromium;
import vn.egov.testsupport.browser.PageCheck;

/**
 * A signed-in citizen's pages in a real Chromium, signed in by a real session in PostgreSQL ({@link
 * SignedInSessions}: no Keycloak here; the sign-in itself is platform-tests' job), the API behind a gateway
 * stand-in whose notification stream stays open ({@link GatewayStandIn}). The contact change's two pages with
 * axe-core at 360×640 and 1280×800 (screenshots in target/screenshots/signed-in-*.png); the header on a phone in two
 * rows with the account menu collapsed, with JavaScript on and off; the unread count changing without a reload when
 * the stream brings a notice, read out by the live region.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"egov.portal.live.heartbeat=1s"})
@PortalTestSetup
class SignedInBrowserIT {

    static final PublicApiStandIn api = PublicApiStandIn.shared();
    static final GatewayStandIn gateway = new GatewayStandIn(api.baseUrl(), PublicApiStandIn.AN_TOKEN);

    static final String CHANGE = "9a1d3c55-2b7e-4f0a-8c6d-1e2f3a4b5c6d";

    @DynamicPropertySource
    static void throughTheGateway(DynamicPropertyRegistry registry) {
        registry.add("egov.portal.api.base-url", gateway::baseUrl);
    }

    static ChromeDriver chrome;

    @LocalServerPort
    int port;

    @Autowired
    @SuppressWarnings("rawtypes")
    SessionRepository sessions;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeAll
    static void startBrowser() {
        chrome = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.quit();
        }
        gateway.stop();
    }

    @BeforeEach
    void stubs() {
        // the last test's page (and its stream, which would reconnect) goes first
        chrome.get("about:blank");
        api.reset();
        gateway.reset();
        api.stubCitizenApi();
        var an = equalTo("Bearer " + PublicApiStandIn.AN_TOKEN);
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/identity/me"))
                .withHeader("Authorization", an)
                .willReturn(okJson("""
                        {"subject":"0c3f7a1e-6d0a-4b7e-9a43-2a1d7b9c1e55","username":"001******345","fullName":"Nguyễn Văn An",
                         "nationalIdMasked":"001******345","dateOfBirth":"1990-05-17","email":"an@example.vn","phone":"0912345678",
                         "levelOfAssurance":1,"roles":["citizen"],"agency":null,"businesses":[]}""")));
        unread(2);
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/notifications"))
                .withQueryParam("unreadOnly", WireMock.absent())
                .withHeader("Authorization", an)
                .willReturn(okJson("""
                        {"items":[
                          {"id":"1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d","kind":"CITIZEN_REGISTERED","title":"Chào mừng",
                           "body":"Tài khoản đã được tạo.","link":null,"createdAt":"2026-12-03T17:30:00Z","readAt":null}],
                         "page":0,"size":20,"totalItems":1,"totalPages":1}""")));
        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/me/contact-changes"))
                .withRequestBody(equalToJson("{\"channel\":\"SMS\",\"value\":\"12\"}"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"https://egov.vn/problems/validation-failed","title":"t","status":400,
                                 "code":"validation-failed","errors":[{"field":"value","code":"phone-format",
                                 "message":"Số điện thoại di động không hợp lệ."}]}""")));
        api.server.stubFor(
                WireMock.post(urlPathEqualTo("/api/v1/identity/me/contact-changes"))
                        .withRequestBody(equalToJson("{\"channel\":\"SMS\",\"value\":\"0987654321\"}"))
                        .willReturn(
                                aResponse()
                                        .withStatus(202)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"id\":\"" + CHANGE
                                                        + "\",\"channel\":\"SMS\",\"expiresAt\":\"2026-12-04T09:10:00Z\",\"attemptsAllowed\":5}")));
        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/me/contact-changes/" + CHANGE + "/confirm"))
                .withRequestBody(equalToJson("{\"code\":\"123456\"}"))
                .willReturn(aResponse().withStatus(204)));
    }

    /** The count the header asks for (notification-service's unread page total). */
    void unread(int count) {
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/notifications"))
                .withQueryParam("unreadOnly", equalTo("true"))
                .atPriority(1)
                .willReturn(okJson("{\"items\":[],\"page\":0,\"size\":1,\"totalItems\":" + count + ",\"totalPages\":"
                        + count + "}")));
    }

    /** A browser holding An's session cookie and nothing else. */
    void signIn(ChromeDriver browser) {
        String cookie = SignedInSessions.create(sessions, registrations, PublicApiStandIn.AN_TOKEN);
        browser.manage().deleteAllCookies();
        browser.get(url("/tro-giup"));
        browser.manage()
                .addCookie(new Cookie.Builder("egov_session", cookie)
                        .path("/")
                        .isHttpOnly(true)
                        .build());
    }

    record Page(String name, String path, String title, String heading) {}

    @Test
    void theContactChangePagesAndTheSignedInHeaderAreAccessibleOnAPhoneAndADesktop() {
        List<Page> pages = List.of(
                new Page(
                        "contact",
                        "/tai-khoan/lien-he",
                        "Đổi thông tin liên hệ · Cổng dịch vụ công",
                        "Đổi thông tin liên hệ"),
                new Page(
                        "contact-code",
                        "/tai-khoan/lien-he/" + CHANGE + "?kenh=SMS",
                        "Nhập mã xác nhận · Cổng dịch vụ công",
                        "Nhập mã xác nhận"),
                new Page("profile", "/tai-khoan", "Tài khoản của tôi · Cổng dịch vụ công", "Tài khoản của tôi"),
                new Page("inbox", "/thong-bao", "Thông báo · Cổng dịch vụ công", "Thông báo"),
                new Page("my-dossiers", "/ho-so", "Hồ sơ của tôi · Cổng dịch vụ công", "Hồ sơ của tôi"));
        signIn(chrome);
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            for (Page page : pages) {
                String at = page.name() + " at " + size[0] + "×" + size[1];
                chrome.get(url(page.path()));
                assertThat(chrome.getTitle()).as(at + ": title").isEqualTo(page.title());
                assertThat(chrome.findElement(By.tagName("h1")).getText())
                        .as(at + ": h1")
                        .isEqualTo(page.heading());
                problems.addAll(PageCheck.problems(chrome, at));
                Chromium.screenshot(chrome, "signed-in-" + page.name() + "-" + size[0] + "x" + size[1]);
            }
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();

        // the header on a phone: one row for the site's mark, the languages and the account menu, one for the
        // navigation; the menu's items hidden until it is opened
        Chromium.viewport(chrome, 360, 640);
        chrome.get(url("/tai-khoan"));
        WebElement menu = chrome.findElement(By.cssSelector(".account-menu > summary"));
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(menu.getText()).contains("Tài khoản", "2");
        double row = middleOf(By.cssSelector(".brand"));
        assertThat(middleOf(By.cssSelector(".languages")))
                .as("the languages on the mark's row")
                .isCloseTo(row, within(8.0));
        assertThat(middleOf(By.cssSelector(".account-menu > summary")))
                .as("the account menu on the mark's row")
                .isCloseTo(row, within(8.0));
        assertThat(heightOf(By.cssSelector(".site-header")))
                .as("two rows: the bar and the navigation")
                .isLessThanOrEqualTo(heightOf(By.cssSelector(".bar")) + heightOf(By.cssSelector(".main-nav")))
                .isLessThan(130);
        assertThat(chrome.findElement(By.cssSelector(".account-items")).isDisplayed())
                .as("the row's items give way to the menu")
                .isFalse();
        assertThat(chrome.findElement(By.cssSelector(".account-menu form.sign-out button"))
                        .isDisplayed())
                .isFalse();
        menu.click();
        assertThat(chrome.findElement(By.cssSelector(".account-menu form.sign-out button"))
                        .isDisplayed())
                .isTrue();
        assertThat(chrome.findElement(By.cssSelector(".account-menu a[href='/tai-khoan']"))
                        .getText())
                .isEqualTo("Nguyễn Văn An");
        problems.addAll(PageCheck.problems(chrome, "the open account menu at 360×640"));
        Chromium.screenshot(chrome, "signed-in-menu-open-360x640");

        // wider: the items in the header's row, no menu button
        Chromium.viewport(chrome, 1280, 800);
        chrome.get(url("/tai-khoan"));
        assertThat(chrome.findElement(By.cssSelector(".account-menu")).isDisplayed())
                .isFalse();
        assertThat(chrome.findElement(By.cssSelector(".account-name")).getText())
                .isEqualTo("Nguyễn Văn An");
        assertThat(chrome.findElement(By.cssSelector("form.sign-out button")).isDisplayed())
                .isTrue();
        assertThat(chrome.findElement(By.id("unread-count")).getText()).isEqualTo("2");
        assertThat(problems).as("accessibility problems of the open menu").isEmpty();
    }

    @Test
    void aContactChangeByTypingTheWrongNumberFirstThenTheCode() {
        signIn(chrome);
        Chromium.viewport(chrome, 360, 640);
        chrome.get(url("/tai-khoan"));
        Chromium.follow(chrome, By.linkText("Đổi thư điện tử hoặc số điện thoại"));
        assertThat(chrome.getTitle()).isEqualTo("Đổi thông tin liên hệ · Cổng dịch vụ công");
        chrome.findElement(By.id("channel-SMS")).click();
        chrome.findElement(By.id("value")).sendKeys("12");
        Chromium.follow(chrome, By.cssSelector("form.account-form button"));
        assertThat(chrome.findElement(By.id("value-error")).getText()).isEqualTo("Số điện thoại di động không hợp lệ.");
        assertThat(chrome.findElement(By.id("value")).getAttribute("value")).isEqualTo("12");
        List<String> problems = new ArrayList<>(PageCheck.problems(chrome, "contact with an error at 360×640"));
        Chromium.screenshot(chrome, "signed-in-contact-error-360x640");

        chrome.findElement(By.id("value")).clear();
        chrome.findElement(By.id("value")).sendKeys("0987654321");
        Chromium.follow(chrome, By.cssSelector("form.account-form button"));
        assertThat(chrome.getCurrentUrl()).isEqualTo(url("/tai-khoan/lien-he/" + CHANGE + "?kenh=SMS"));
        assertThat(chrome.findElement(By.tagName("main")).getText()).contains("bằng tin nhắn đến số điện thoại mới");
        chrome.findElement(By.id("code")).sendKeys("123456");
        Chromium.follow(chrome, By.cssSelector("form.account-form button"));
        assertThat(chrome.getTitle()).isEqualTo("Tài khoản của tôi · Cổng dịch vụ công");
        assertThat(chrome.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Đã đổi thông tin liên hệ.");
        assertThat(problems).isEmpty();
    }

    @Test
    void theAccountMenuWorksWithJavaScriptOff() {
        ChromeDriver noScript = Chromium.start("vi", false);
        try {
            signIn(noScript);
            Chromium.viewport(noScript, 360, 640);
            noScript.get(url("/tai-khoan"));
            noScript.findElement(By.cssSelector(".account-menu > summary")).click();
            Chromium.follow(noScript, By.cssSelector(".account-menu a[href='/ho-so']"));
            assertThat(noScript.getTitle()).isEqualTo("Hồ sơ của tôi · Cổng dịch vụ công");
            assertThat(noScript.findElement(By.id("unread-count")).getAttribute("textContent"))
                    .as("the count rendered on the server")
                    .isEqualTo("2");
            assertThat(gateway.requests).as("no live stream without JavaScript").isEmpty();
        } finally {
            noScript.quit();
        }
    }

    @Test
    void theUnreadCountChangesWithoutAReloadWhenTheStreamBringsANotice() throws Exception {
        signIn(chrome);
        Chromium.viewport(chrome, 1280, 800);
        chrome.get(url("/ho-so"));
        assertThat(chrome.findElement(By.id("unread-count")).getText()).isEqualTo("2");
        LiveInboxTest.await(() -> gateway.open.size() == 1, "the page's stream relayed upstream");
        chrome.executeScript("window.stillTheSamePage = true;");

        unread(3);
        gateway.emit("7d0f3c1e-1111-4a2b-9c3d-0000000000bb", "Hồ sơ đã được tiếp nhận", "Cán bộ đã tiếp nhận.");

        new WebDriverWait(chrome, Duration.ofSeconds(10))
                .until(browser ->
                        "3".equals(browser.findElement(By.id("unread-count")).getText()));
        new WebDriverWait(chrome, Duration.ofSeconds(5))
                .until(browser -> browser.findElement(By.id("live-notice"))
                        .getAttribute("textContent")
                        .equals("Thông báo mới: Hồ sơ đã được tiếp nhận"));
        assertThat(chrome.findElement(By.id("live-notice")).getAttribute("aria-live"))
                .isEqualTo("polite");
        assertThat(chrome.findElement(By.id("live-toast")).isDisplayed()).isTrue();
        assertThat(chrome.findElement(By.id("live-toast")).getText()).contains("Hồ sơ đã được tiếp nhận");
        assertThat(chrome.executeScript("return window.stillTheSamePage === true"))
                .as("no reload")
                .isEqualTo(true);
        List<String> problems = PageCheck.problems(chrome, "a new notice's toast at 1280×800");
        Chromium.screenshot(chrome, "signed-in-live-notice-1280x800");
        assertThat(problems).isEmpty();

        // leaving the page closes its stream, and so the portal's upstream one
        chrome.get(url("/tro-giup"));
        LiveInboxTest.await(
                () -> gateway.open.size() <= 1 && gateway.closed.get() >= 1, "the old page's stream closed");
    }

    @Test
    void aRefusedStreamIsTriedAgainLaterAndTheCountIsStillAskedFor() throws Exception {
        gateway.maxStreams = 0; // notification-service's cap, held by the person's other devices
        signIn(chrome);
        Chromium.viewport(chrome, 1280, 800);
        chrome.get(url("/thong-bao"));
        LiveInboxTest.await(() -> gateway.requests.size() >= 2, "the refused stream tried again");
        assertThat(gateway.open).isEmpty();
        // meanwhile the count is polled; a user coming back to the tab gets it at once
        unread(5);
        chrome.executeScript("document.dispatchEvent(new Event('visibilitychange'));");
        new WebDriverWait(chrome, Duration.ofSeconds(10))
                .until(browser ->
                        "5".equals(browser.findElement(By.id("unread-count")).getText()));

        gateway.maxStreams = 3; // a place again: the next try gets the stream
        LiveInboxTest.await(
                () -> gateway.open.size() == 1, "the stream, once there is a place", Duration.ofSeconds(30));
    }

    /** The element's vertical middle, in CSS pixels. */
    private double middleOf(By element) {
        WebElement found = chrome.findElement(element);
        return found.getRect().getY() + found.getRect().getHeight() / 2.0;
    }

    private int heightOf(By element) {
        return chrome.findElement(element).getRect().getHeight();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.egov.testsupport.browser.Chromium;
import vn.egov.testsupport.browser.PageCheck;

/**
 * A citizen's own pages of the web portal against the real platform, in a real headless Chromium through the
 * gateway's one origin: signing in on Keycloak's page by typing (OIDC code + PKCE, the portal's session in
 * PostgreSQL), "my dossiers", the dossier page with its timeline, the result downloaded through the portal, the
 * rating and the withdrawal by their forms, signing out (Keycloak's session ends too), another citizen's dossier
 * as the 404 page, and a lost session that signs in again and comes back to the page asked for. axe-core checks
 * every signed-in page at 360×640 and 1280×800; the screenshots are in target/screenshots.
 */
@Order(7)
@ExtendWith(PlatformExtension.class)
class PortalAccountJourneyIT {

    @Test
    void theDemoCitizenSignsInFollowsTheirDossiersAndSignsOut() throws Exception {
        // the demo citizen's dossiers: one just submitted, one whose result was returned by the desk
        String citizen = People.token(People.DEMO_CITIZEN);
        String submitted = Dossiers.created(Dossiers.submitBirthRegistration(citizen, "Lê Bảo Ngọc"))
                .get("code")
                .asString();
        String returned = Dossiers.created(Dossiers.submitBirthRegistration(citizen, "Lê Bảo Châu"))
                .get("code")
                .asString();
        String officer = People.token(People.OFFICER);
        Dossiers.acted(officer, returned, "receive", Map.of("note", "Tiếp nhận"));
        Dossiers.acted(officer, returned, "forward", Map.of("note", "Chuyển phê duyệt"));
        Dossiers.resolveWith(
                People.token(People.APPROVER), returned, "Đồng ý", "trich-luc-khai-sinh.pdf", "trich luc Le Bao Chau");
        Dossiers.acted(officer, returned, "return-result", Map.of("note", "Trả kết quả trực tuyến"));

        ChromeDriver chrome = Chromium.start();
        try {
            Chromium.viewport(chrome, 1280, 800);
            // a signed-in page without a session: Keycloak's page, then back to the page asked for
            chrome.get(GATEWAY + "/ho-so/" + submitted);
            Desk.signInOnKeycloaksPage(chrome, People.DEMO_CITIZEN, People.DEMO_PASSWORD);
            assertThat(chrome.getCurrentUrl()).isEqualTo(GATEWAY + "/ho-so/" + submitted);
            assertThat(chrome.getTitle()).isEqualTo("Hồ sơ " + submitted + " · Cổng dịch vụ công");
            assertThat(chrome.findElement(By.cssSelector(".account-name")).getText())
                    .isEqualTo("Nguyễn Văn An");
            assertThat(chrome.findElement(By.cssSelector(".timeline")).getText())
                    .as("the timeline")
                    .contains("Đã nộp, chờ tiếp nhận");
            assertThat(sessionCookie(chrome)).as("the portal's session cookie").isNotNull();
            assertThat(sessionCookie(chrome).isHttpOnly()).isTrue();
            assertThat(sessionCookie(chrome).getSameSite()).isEqualTo("Lax");

            // my dossiers: both, status in words
            Chromium.follow(chrome, By.linkText("Hồ sơ của tôi"));
            assertThat(chrome.getTitle()).isEqualTo("Hồ sơ của tôi · Cổng dịch vụ công");
            String list = chrome.findElement(By.tagName("main")).getText();
            assertThat(list).contains(submitted, returned, "Đăng ký khai sinh", "Đã trả kết quả");

            // the returned dossier: its result downloaded through the portal, then the rating form
            chrome.get(GATEWAY + "/ho-so/" + returned);
            WebElement result = chrome.findElement(By.partialLinkText("Tải về trich-luc-khai-sinh.pdf"));
            Object download = chrome.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(r => r.text().then(t => done([r.status,"
                            + " r.headers.get('content-type'), t.length]))).catch(e => done([0, String(e), 0]));",
                    result.getAttribute("href"));
            assertThat(download.toString()).as("the result through the portal").startsWith("[200, application/pdf");

            accessibility(chrome, "my-dossiers", GATEWAY + "/ho-so");
            accessibility(chrome, "dossier", GATEWAY + "/ho-so/" + submitted);
            accessibility(chrome, "dossier-result", GATEWAY + "/ho-so/" + returned);
            accessibility(chrome, "withdraw", GATEWAY + "/ho-so/" + submitted + "/rut");
            accessibility(chrome, "sign-in-failed", GATEWAY + "/dang-nhap?loi");
            Chromium.viewport(chrome, 1280, 800);

            chrome.get(GATEWAY + "/ho-so/" + returned);
            chrome.findElement(By.id("score-5")).click();
            chrome.findElement(By.id("comment")).sendKeys("Nhanh, đúng hẹn");
            Chromium.follow(chrome, By.cssSelector("form.rating button"));
            assertThat(chrome.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Cảm ơn bạn đã đánh giá.");
            assertThat(chrome.findElements(By.cssSelector("form.rating")))
                    .as("rated once")
                    .isEmpty();
            assertThat(chrome.findElement(By.cssSelector("main")).getText())
                    .contains("Bạn đã đánh giá hồ sơ này: 5/5.");

            // withdraw, with its confirmation step
            chrome.get(GATEWAY + "/ho-so/" + submitted);
            Chromium.follow(chrome, By.linkText("Rút hồ sơ này"));
            chrome.findElement(By.id("reason")).sendKeys("Nộp nhầm thủ tục");
            Chromium.follow(chrome, By.cssSelector("form.withdraw button"));
            assertThat(chrome.getCurrentUrl()).isEqualTo(GATEWAY + "/ho-so/" + submitted);
            assertThat(chrome.findElement(By.cssSelector(".details .status")).getText())
                    .isEqualTo("Đã rút hồ sơ");

            // a lost session (cookies gone, Keycloak's too): sign in again, back on the page asked for
            chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            chrome.get(GATEWAY + "/ho-so/" + returned);
            Desk.signInOnKeycloaksPage(chrome, People.DEMO_CITIZEN, People.DEMO_PASSWORD);
            assertThat(chrome.getCurrentUrl()).isEqualTo(GATEWAY + "/ho-so/" + returned);

            // sign-out ends Keycloak's session too: a signed-in page asks for the password again
            Chromium.follow(chrome, By.cssSelector("form.sign-out button"));
            assertThat(chrome.getCurrentUrl()).isEqualTo(GATEWAY + "/");
            assertThat(chrome.findElement(By.linkText("Đăng nhập")).isDisplayed())
                    .isTrue();
            assertThat(chrome.findElements(By.cssSelector(".account-name"))).isEmpty();
            chrome.get(GATEWAY + "/ho-so");
            new WebDriverWait(chrome, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            assertThat(chrome.getCurrentUrl()).contains("/auth/realms/egov/");

            // another citizen opening the first one's dossier: the 404 page
            People.Citizen other = People.registerNewCitizen();
            Desk.signInOnKeycloaksPage(chrome, other.nationalId(), other.password());
            chrome.get(GATEWAY + "/ho-so/" + returned);
            assertThat(chrome.getTitle()).isEqualTo("Không tìm thấy trang · Cổng dịch vụ công");
            assertThat(chrome.findElement(By.tagName("main")).getText()).doesNotContain("Lê Bảo", returned);
            chrome.get(GATEWAY + "/ho-so");
            assertThat(chrome.findElement(By.tagName("main")).getText())
                    .contains("Bạn chưa nộp hồ sơ nào.")
                    .doesNotContain(returned);
            Chromium.screenshot(chrome, "platform-my-dossiers-empty-1280x800");
        } finally {
            chrome.quit();
        }
    }

    private static org.openqa.selenium.Cookie sessionCookie(WebDriver chrome) {
        return chrome.manage().getCookieNamed("egov_session");
    }

    /** axe-core (WCAG 2.0/2.1 A and AA) at both sizes: no serious or critical violation; a screenshot of each. */
    private static void accessibility(ChromeDriver chrome, String name, String url) throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            chrome.get(url);
            String at = name + " at " + size[0] + "×" + size[1];
            problems.addAll(PageCheck.problems(chrome, at));
            Chromium.screenshot(chrome, "platform-" + name + "-" + size[0] + "x" + size[1]);
            // and the whole page in one picture, to look at what is below the fold too
            long height = ((Number) chrome.executeScript("return document.documentElement.scrollHeight")).longValue();
            Chromium.viewport(chrome, size[0], (int) Math.max(size[1], height));
            Chromium.screenshot(chrome, "platform-" + name + "-" + size[0] + "x" + size[1] + "-full");
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }
}

package vn.egov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.egov.testsupport.browser.Chromium;
import vn.egov.testsupport.browser.PageCheck;

/**
 * Every page in a real Chromium at a phone's 360×640 and a desktop's 1280×800: axe-core finds no serious or
 * critical WCAG 2.1 A/AA violation, nothing is wider than the screen, the title and the h1 say where the user
 * is; a screenshot of each goes to target/screenshots. Then the journey with JavaScript off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PortalTestSetup
class PortalBrowserIT extends WithPublicApi {

    static ChromeDriver chrome;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chrome = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    record Page(String name, String path, String title, String heading) {}

    @Test
    void everyPageIsAccessibleAndFitsAPhoneAndADesktop() {
        List<Page> pages = List.of(
                new Page("home", "/", "Trang chủ · Cổng dịch vụ công", "Tìm thủ tục hành chính"),
                new Page(
                        "search",
                        "/thu-tuc?q=dang+ky+khai+sinh",
                        "Kết quả tìm kiếm: dang ky khai sinh · Cổng dịch vụ công",
                        "Kết quả tìm kiếm: dang ky khai sinh"),
                new Page("procedures", "/thu-tuc", "Thủ tục hành chính · Cổng dịch vụ công", "Thủ tục hành chính"),
                new Page(
                        "procedure",
                        "/thu-tuc/1.001612",
                        "Đăng ký thành lập hộ kinh doanh · Cổng dịch vụ công",
                        "Đăng ký thành lập hộ kinh doanh"),
                new Page("lookup", "/tra-cuu", "Tra cứu hồ sơ · Cổng dịch vụ công", "Tra cứu hồ sơ"),
                new Page(
                        "lookup-result",
                        "/tra-cuu?code=" + PublicApiStandIn.DOSSIER_CODE + "&secret=" + PublicApiStandIn.DOSSIER_SECRET,
                        "Tra cứu hồ sơ · Cổng dịch vụ công",
                        "Tra cứu hồ sơ"),
                new Page(
                        "lookup-not-found",
                        "/tra-cuu?code=KHONG-CO&secret=ABCD2345",
                        "Tra cứu hồ sơ · Cổng dịch vụ công",
                        "Tra cứu hồ sơ"),
                new Page(
                        "statistics",
                        "/thong-ke",
                        "Thống kê giải quyết hồ sơ · Cổng dịch vụ công",
                        "Thống kê giải quyết hồ sơ"),
                new Page("help", "/tro-giup", "Hỗ trợ và liên hệ · Cổng dịch vụ công", "Hỗ trợ và liên hệ"),
                new Page(
                        "not-found",
                        "/thu-tuc/9.999999",
                        "Không tìm thấy trang · Cổng dịch vụ công",
                        "Không tìm thấy trang"),
                new Page(
                        "api-error",
                        "/tra-cuu?code=LOI-HE-THONG&secret=ABCD2345",
                        "Đã có lỗi · Cổng dịch vụ công",
                        "Đã có lỗi"),
                new Page("home-en", "/?lang=en", "Home · Public Services Portal", "Find an administrative procedure"),
                new Page("register", "/dang-ky", "Đăng ký tài khoản · Cổng dịch vụ công", "Đăng ký tài khoản"),
                new Page("registered", "/dang-ky/da-xong", "Đã nhận đăng ký · Cổng dịch vụ công", "Đã nhận đăng ký"),
                new Page(
                        "recovery",
                        "/dang-nhap/lay-lai",
                        "Lấy lại số định danh · Cổng dịch vụ công",
                        "Lấy lại số định danh"),
                new Page(
                        "recovered",
                        "/dang-nhap/lay-lai?ket-qua=da-lay-lai",
                        "Lấy lại số định danh · Cổng dịch vụ công",
                        "Lấy lại số định danh"),
                new Page(
                        "recovery-level-one",
                        "/dang-nhap/lay-lai?ket-qua=muc-1",
                        "Lấy lại số định danh · Cổng dịch vụ công",
                        "Lấy lại số định danh"));
        api.failLookup("LOI-HE-THONG", 503, "upstream-unavailable");

        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            for (Page page : pages) {
                String at = page.name() + " at " + size[0] + "×" + size[1];
                chrome.manage().deleteAllCookies(); // each page in its own language (home-en sets English)
                chrome.get(url(page.path()));
                assertThat(chrome.getTitle()).as(at + ": title").isEqualTo(page.title());
                assertThat(chrome.findElement(By.tagName("h1")).getText())
                        .as(at + ": h1")
                        .isEqualTo(page.heading());
                assertThat(((Number) chrome.executeScript("return window.innerWidth")).intValue())
                        .as(at + ": viewport")
                        .isEqualTo(size[0]);
                problems.addAll(PageCheck.problems(chrome, at));
                Chromium.screenshot(chrome, page.name() + "-" + size[0] + "x" + size[1]);
            }
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    @Test
    void theJourneyWorksWithJavaScriptOff() {
        ChromeDriver noScript = Chromium.start("vi", false);
        try {
            Chromium.viewport(noScript, 360, 640);
            noScript.get(url("/"));
            noScript.findElement(By.id("q")).sendKeys("dang ky khai sinh");
            Chromium.follow(noScript, By.cssSelector("form.search button"));
            assertThat(noScript.getTitle()).startsWith("Kết quả tìm kiếm: dang ky khai sinh");
            Chromium.follow(noScript, By.linkText("Đăng ký khai sinh"));
            assertThat(noScript.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng ký khai sinh");
            assertThat(noScript.findElement(By.cssSelector(".details")).getText())
                    .contains(
                            "Ủy ban nhân dân phường Ba Đình",
                            "Trong ngày (nhận sau 15 giờ: ngày làm việc tiếp theo)",
                            "Miễn phí",
                            "toàn trình");
            assertThat(noScript.findElement(By.cssSelector(".documents")).getText())
                    .contains("Giấy chứng sinh");

            Chromium.follow(noScript, By.linkText("English"));
            assertThat(noScript.findElement(By.tagName("h1")).getText()).isEqualTo("Birth registration");
            Chromium.follow(noScript, By.linkText("Track a dossier"));
            assertThat(noScript.getTitle()).isEqualTo("Track a dossier · Public Services Portal");
            noScript.findElement(By.id("code")).sendKeys("KHONG-CO");
            Chromium.follow(noScript, By.cssSelector("form.lookup button"));
            assertThat(noScript.findElement(By.id("secret-error")).getText()).isEqualTo("Enter the lookup secret.");
            noScript.findElement(By.id("secret")).sendKeys("k7qm-2xpa");
            Chromium.follow(noScript, By.cssSelector("form.lookup button"));
            assertThat(noScript.findElement(By.id("code-error")).getText())
                    .isEqualTo("No dossier has this code and lookup secret. Check both on your receipt.");
            assertThat(noScript.findElement(By.id("code")).getAttribute("value"))
                    .as("kept what the user typed")
                    .isEqualTo("KHONG-CO");
            noScript.findElement(By.id("code")).clear();
            noScript.findElement(By.id("code")).sendKeys(PublicApiStandIn.DOSSIER_CODE);
            noScript.findElement(By.id("secret")).clear();
            noScript.findElement(By.id("secret")).sendKeys(PublicApiStandIn.DOSSIER_SECRET);
            Chromium.follow(noScript, By.cssSelector("form.lookup button"));
            assertThat(noScript.findElement(By.cssSelector(".result")).getText())
                    .contains("In processing", "4 Dec 2026", "9 Dec 2026")
                    .doesNotContain("KHONG-CO");
            Chromium.follow(noScript, By.linkText("Tiếng Việt"));
            assertThat(noScript.findElement(By.cssSelector(".result .status")).getText())
                    .isEqualTo("Đang xử lý");

            // "Đăng nhập bằng VNeID" is a plain link: without script the browser still reaches Keycloak (nothing
            // answers at this test's issuer, so the address is what is checked) with the national provider hinted
            noScript.findElement(By.linkText("Đăng nhập bằng VNeID")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(noScript, java.time.Duration.ofSeconds(30))
                    .until(driver -> driver.getCurrentUrl().contains("/protocol/openid-connect/auth"));
            assertThat(noScript.getCurrentUrl())
                    .startsWith("http://127.0.0.1:9/auth/realms/egov/protocol/openid-connect/auth?")
                    .contains("kc_idp_hint=vneid", "client_id=web-portal");
        } finally {
            noScript.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

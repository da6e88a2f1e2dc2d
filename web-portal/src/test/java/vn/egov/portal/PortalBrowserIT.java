package vn.egov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every page in a real Chromium at a phone's 360×640 and a desktop's 1280×800: axe-core finds no serious or
 * critical WCAG 2.1 A/AA violation, nothing is wider than the screen, the title and the h1 say where the user
 * is; a screenshot of each goes to target/screenshots. Then the journey with JavaScript off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PortalTestSetup
class PortalBrowserIT {

    static final PublicApiStandIn api = new PublicApiStandIn().start();
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int[][] SIZES = {{360, 640}, {1280, 800}};
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("egov.portal.api.base-url", api::baseUrl);
    }

    static ChromeDriver chrome;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        chrome = LocalChromium.start(true);
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.quit();
        }
        api.stop();
    }

    record Page(String name, String path, String title, String heading) {}

    @Test
    void everyPageIsAccessibleAndFitsAPhoneAndADesktop() throws IOException {
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
                        "/thu-tuc/2.000575",
                        "Đăng ký thành lập hộ kinh doanh · Cổng dịch vụ công",
                        "Đăng ký thành lập hộ kinh doanh"),
                new Page("lookup", "/tra-cuu", "Tra cứu hồ sơ · Cổng dịch vụ công", "Tra cứu hồ sơ"),
                new Page(
                        "lookup-result",
                        "/tra-cuu?code=" + PublicApiStandIn.DOSSIER_CODE,
                        "Tra cứu hồ sơ · Cổng dịch vụ công",
                        "Tra cứu hồ sơ"),
                new Page(
                        "lookup-not-found",
                        "/tra-cuu?code=KHONG-CO",
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
                new Page("api-error", "/tra-cuu?code=LOI-HE-THONG", "Đã có lỗi · Cổng dịch vụ công", "Đã có lỗi"),
                new Page("home-en", "/?lang=en", "Home · Public Services Portal", "Find an administrative procedure"),
                new Page("register", "/dang-ky", "Đăng ký tài khoản · Cổng dịch vụ công", "Đăng ký tài khoản"),
                new Page("registered", "/dang-ky/da-xong", "Đã tạo tài khoản · Cổng dịch vụ công", "Đã tạo tài khoản"));
        api.failLookup("LOI-HE-THONG", 503, "upstream-unavailable");

        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            LocalChromium.viewport(chrome, size[0], size[1]);
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
                long overflow = ((Number) chrome.executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                        .longValue();
                if (overflow > 0) {
                    problems.add(at + ": " + overflow + " px wider than the screen (scrolls sideways)");
                }
                Results axe = new AxeBuilder()
                        .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                        .analyze(chrome);
                assertThat(axe.getErrorMessage()).as(at + ": axe ran").isNull();
                assertThat(axe.getPasses()).as(at + ": axe checked something").isNotEmpty();
                for (Rule violation : axe.getViolations()) {
                    if (BLOCKING.contains(violation.getImpact())) {
                        problems.add(at + ": " + violation.getImpact() + " " + violation.getId() + " — "
                                + violation.getHelp() + " "
                                + violation.getNodes().stream()
                                        .map(n -> n.getHtml())
                                        .toList());
                    }
                }
                Files.write(
                        SCREENSHOTS.resolve(page.name() + "-" + size[0] + "x" + size[1] + ".png"),
                        chrome.getScreenshotAs(OutputType.BYTES));
            }
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    @Test
    void theJourneyWorksWithJavaScriptOff() {
        ChromeDriver noScript = LocalChromium.start(false);
        try {
            LocalChromium.viewport(noScript, 360, 640);
            noScript.get(url("/"));
            noScript.findElement(By.id("q")).sendKeys("dang ky khai sinh");
            LocalChromium.follow(noScript, By.cssSelector("form.search button"));
            assertThat(noScript.getTitle()).startsWith("Kết quả tìm kiếm: dang ky khai sinh");
            LocalChromium.follow(noScript, By.linkText("Đăng ký khai sinh"));
            assertThat(noScript.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng ký khai sinh");
            assertThat(noScript.findElement(By.cssSelector(".details")).getText())
                    .contains("Ủy ban nhân dân phường Ba Đình", "1 ngày làm việc", "Miễn phí", "toàn trình");
            assertThat(noScript.findElement(By.cssSelector(".documents")).getText())
                    .contains("Giấy chứng sinh");

            LocalChromium.follow(noScript, By.linkText("English"));
            assertThat(noScript.findElement(By.tagName("h1")).getText()).isEqualTo("Birth registration");
            LocalChromium.follow(noScript, By.linkText("Track a dossier"));
            assertThat(noScript.getTitle()).isEqualTo("Track a dossier · Public Services Portal");
            noScript.findElement(By.id("code")).sendKeys("KHONG-CO");
            LocalChromium.follow(noScript, By.cssSelector("form.lookup button"));
            assertThat(noScript.findElement(By.id("code-error")).getText())
                    .isEqualTo("No dossier has this code. Check the code on your receipt.");
            assertThat(noScript.findElement(By.id("code")).getAttribute("value"))
                    .as("kept what the user typed")
                    .isEqualTo("KHONG-CO");
            noScript.findElement(By.id("code")).clear();
            noScript.findElement(By.id("code")).sendKeys(PublicApiStandIn.DOSSIER_CODE);
            LocalChromium.follow(noScript, By.cssSelector("form.lookup button"));
            assertThat(noScript.findElement(By.cssSelector(".result")).getText())
                    .contains("In processing", "4 Dec 2026", "9 Dec 2026")
                    .doesNotContain("KHONG-CO");
            LocalChromium.follow(noScript, By.linkText("Tiếng Việt"));
            assertThat(noScript.findElement(By.cssSelector(".result .status")).getText())
                    .isEqualTo("Đang xử lý");
        } finally {
            noScript.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

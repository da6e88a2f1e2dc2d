package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web portal of the real platform, in a real headless Chromium at a phone's size, through the gateway's
 * one origin: the home page in Vietnamese, a procedure found by typing without accents (the real catalogue
 * folds them), its page, a lookup of an unknown code answered in a sentence, and the statistics page.
 */
@Order(6)
@ExtendWith(PlatformExtension.class)
class PortalJourneyIT {

    @Test
    void aVisitorFindsBirthRegistrationByTypingWithoutAccents() throws Exception {
        ChromeDriver chrome = chromium();
        try {
            chrome.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 640, "deviceScaleFactor", 1, "mobile", true));
            chrome.get(GATEWAY + "/");
            assertThat(chrome.getTitle()).isEqualTo("Trang chủ · Cổng dịch vụ công");
            assertThat(chrome.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("vi");
            assertThat(chrome.findElements(By.cssSelector(".cards a")))
                    .as("the most used procedures")
                    .isNotEmpty();

            chrome.findElement(By.id("q")).sendKeys("dang ky khai sinh");
            follow(chrome, By.cssSelector("form.search button"));
            assertThat(chrome.getTitle()).isEqualTo("Kết quả tìm kiếm: dang ky khai sinh · Cổng dịch vụ công");
            screenshot(chrome, "platform-search-360x640.png");
            follow(chrome, By.linkText("Đăng ký khai sinh"));

            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng ký khai sinh");
            assertThat(chrome.findElement(By.cssSelector(".details")).getText())
                    .contains("1.001193", "Ủy ban nhân dân phường Ba Đình", "1 ngày làm việc", "Miễn phí");
            assertThat(chrome.findElements(By.cssSelector(".documents li")))
                    .as("documents required")
                    .isNotEmpty();
            screenshot(chrome, "platform-procedure-360x640.png");

            follow(chrome, By.linkText("Tra cứu hồ sơ"));
            chrome.findElement(By.id("code")).sendKeys("000.00.01.H26-000101-9999");
            follow(chrome, By.cssSelector("form.lookup button"));
            assertThat(chrome.findElement(By.id("code-error")).getText())
                    .isEqualTo("Không tìm thấy hồ sơ có mã này. Hãy kiểm tra lại mã trên giấy tiếp nhận.");

            // the statistics page reads the real statistics API (an error page would have another heading)
            follow(chrome, By.linkText("Thống kê"));
            assertThat(chrome.getTitle()).isEqualTo("Thống kê giải quyết hồ sơ · Cổng dịch vụ công");
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Thống kê giải quyết hồ sơ");
            screenshot(chrome, "platform-statistics-360x640.png");
        } finally {
            chrome.quit();
        }
    }

    /**
     * Clicks a link or a submit button and waits until the next page has replaced this one and is parsed to its
     * footer: a click returns before the browser navigates, so reading the title or a heading right after it can
     * still see the page before.
     */
    private static void follow(WebDriver chrome, By target) {
        WebElement before = chrome.findElement(By.tagName("html"));
        chrome.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
        wait.until(driver -> isGone(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("footer.site-footer")));
    }

    /**
     * Whether the page before has been replaced. Chromium says so with a stale element, or, while it swaps the
     * documents, with "Node with given id does not belong to the document", which Selenium's stalenessOf does not
     * treat as stale (a failure seen once under load on .ci/run).
     */
    static boolean isGone(WebElement before) {
        try {
            before.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException swapping) {
            String message = String.valueOf(swapping.getMessage());
            if (message.contains("does not belong to the document")) {
                return true;
            }
            throw swapping;
        }
    }

    private static void screenshot(ChromeDriver chrome, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), chrome.getScreenshotAs(OutputType.BYTES));
    }

    /** Debian's chromium and chromium-driver (or CHROME_BIN / CHROMEDRIVER); failing, never skipping, without them. */
    private static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("CHROME_BIN", "chromium").toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(
                                executable("CHROMEDRIVER", "chromedriver").toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
    }

    private static Path executable(String variable, String name) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Stream.concat(
                        Stream.of(
                                System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)),
                        Stream.of("/usr/bin"))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " on PATH; install Chromium and its driver with:"
                        + " apt-get install -y chromium chromium-driver"));
    }
}

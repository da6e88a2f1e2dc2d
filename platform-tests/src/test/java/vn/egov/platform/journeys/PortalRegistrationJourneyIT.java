package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import tools.jackson.databind.JsonNode;

/**
 * A new citizen's account through the portal of the real platform, in a real headless Chromium: registers on
 * the page (a wrong phone number first, its message next to the field, then corrected), signs in on Keycloak's
 * page, verifies their identity to level 2 against the registry simulator, sees the profile at level 2, and the
 * inbox with the registration's notice and the unread count in the header. axe-core on each page at 360×640
 * and 1280×800; screenshots under target/screenshots.
 */
@Order(7)
@ExtendWith(PlatformExtension.class)
class PortalRegistrationJourneyIT {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private final List<String> problems = new ArrayList<>();

    @Test
    void aNewCitizenRegistersSignsInVerifiesAndReadsTheirInbox() throws Exception {
        JsonNode resident = People.nextResident();
        String nationalId = resident.get("nationalId").asString();
        String password = "Pt!" + nationalId.substring(6) + "aB";
        ChromeDriver chrome = chromium();
        try {
            chrome.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
            chrome.get(GATEWAY + "/");
            follow(chrome, By.linkText("Đăng ký"));
            assertThat(chrome.getTitle()).isEqualTo("Đăng ký tài khoản · Cổng dịch vụ công");
            check(chrome, "account-register");

            chrome.findElement(By.id("fullName"))
                    .sendKeys(resident.get("fullName").asString());
            chrome.findElement(By.id("nationalId")).sendKeys(nationalId);
            // the date field takes what the browser's locale shows; set its value (yyyy-MM-dd) as a picker would
            chrome.executeScript(
                    "arguments[0].value = arguments[1]",
                    chrome.findElement(By.id("dateOfBirth")),
                    resident.get("dateOfBirth").asString());
            chrome.findElement(By.id("sex-" + resident.get("sex").asString())).click();
            // an address without the identity number in it: the profile must not show that number anywhere
            chrome.findElement(By.id("email"))
                    .sendKeys("pt" + Long.toString(Long.parseLong(nationalId), 36) + "@thudientu.vn");
            chrome.findElement(By.id("phone")).sendKeys("12345");
            chrome.findElement(By.id("password")).sendKeys(password);
            follow(chrome, By.cssSelector("form.account-form button[type=submit]"));

            assertThat(chrome.findElement(By.id("phone-error")).getText())
                    .as("identity-service's message, next to the field")
                    .isNotBlank();
            assertThat(chrome.findElements(By.id("nationalId-error"))).isEmpty();
            assertThat(chrome.findElement(By.id("nationalId")).getAttribute("value"))
                    .isEqualTo(nationalId);
            assertThat(chrome.findElement(By.id("password")).getAttribute("value"))
                    .as("the password is never sent back")
                    .isEmpty();
            check(chrome, "account-register-errors");

            chrome.findElement(By.id("phone")).clear();
            chrome.findElement(By.id("phone")).sendKeys("09" + nationalId.substring(4));
            chrome.findElement(By.id("password")).sendKeys(password);
            follow(chrome, By.cssSelector("form.account-form button[type=submit]"));
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Đã tạo tài khoản");
            check(chrome, "account-registered");

            // Keycloak's page, then back on the portal, signed in
            chrome.findElement(By.cssSelector("a.button-link")).click();
            new WebDriverWait(chrome, Duration.ofSeconds(60))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
            chrome.findElement(By.id("username")).sendKeys(nationalId);
            chrome.findElement(By.id("password")).sendKeys(password);
            chrome.findElement(By.id("kc-login")).click();
            new WebDriverWait(chrome, Duration.ofSeconds(60))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.sign-out")));

            chrome.get(GATEWAY + "/tai-khoan");
            assertThat(chrome.getTitle()).isEqualTo("Tài khoản của tôi · Cổng dịch vụ công");
            assertThat(chrome.findElement(By.cssSelector(".details")).getText())
                    .contains(resident.get("fullName").asString(), "Mức 1")
                    .doesNotContain(nationalId);
            check(chrome, "account-profile-level1");

            follow(chrome, By.cssSelector("form[action='/tai-khoan/xac-minh'] button"));
            assertThat(chrome.findElement(By.cssSelector("p.notice")).getText())
                    .isEqualTo("Đã xác minh danh tính: tài khoản của bạn ở mức 2.");
            assertThat(chrome.findElement(By.cssSelector(".details")).getText())
                    .contains("Mức 2: đã xác minh danh tính");
            check(chrome, "account-profile-level2");

            // the registration's notice arrives through Kafka and notification-service: wait for it
            WebDriverWait inbox = new WebDriverWait(chrome, Duration.ofSeconds(90), Duration.ofSeconds(3));
            inbox.until(browser -> {
                browser.get(GATEWAY + "/thong-bao");
                return !browser.findElements(By.cssSelector(".inbox li")).isEmpty();
            });
            assertThat(chrome.getTitle()).isEqualTo("Thông báo · Cổng dịch vụ công");
            int unread = Integer.parseInt(
                    chrome.findElement(By.id("unread-count")).getText().strip());
            assertThat(unread).as("the header's unread count").isPositive();
            assertThat(chrome.findElements(By.cssSelector(".inbox li.is-unread")))
                    .hasSizeLessThanOrEqualTo(unread)
                    .isNotEmpty();
            check(chrome, "account-inbox");

            follow(chrome, By.cssSelector(".inbox li.is-unread form button"));
            assertThat(Integer.parseInt(
                            chrome.findElement(By.id("unread-count")).getText().strip()))
                    .as("one fewer unread after marking one read")
                    .isEqualTo(unread - 1);
        } finally {
            chrome.quit();
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    /** axe-core and the width at a phone's and a desktop's size, with a screenshot of each. */
    private void check(ChromeDriver chrome, String name) throws Exception {
        for (int[] size : new int[][] {{360, 640}, {1280, 800}}) {
            chrome.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", size[0] < 600));
            String at = name + " at " + size[0] + "×" + size[1];
            long overflow = ((Number) chrome.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .longValue();
            if (overflow > 0) {
                problems.add(at + ": " + overflow + " px wider than the screen");
            }
            Results axe = new AxeBuilder()
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                    .analyze(chrome);
            assertThat(axe.getErrorMessage()).as(at + ": axe ran").isNull();
            for (Rule violation : axe.getViolations()) {
                if (BLOCKING.contains(violation.getImpact())) {
                    problems.add(at + ": " + violation.getImpact() + " " + violation.getId() + " — "
                            + violation.getHelp() + " "
                            + violation.getNodes().stream()
                                    .map(n -> n.getHtml())
                                    .toList());
                }
            }
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(
                    dir.resolve(name + "-" + size[0] + "x" + size[1] + ".png"),
                    chrome.getScreenshotAs(OutputType.BYTES));
        }
        chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Clicks and waits for the next page (a click returns before the browser navigates). */
    private static void follow(WebDriver chrome, By target) {
        WebElement before = chrome.findElement(By.tagName("html"));
        chrome.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
        wait.until(driver -> PortalJourneyIT.isGone(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("footer.site-footer")));
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

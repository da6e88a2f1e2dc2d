package vn.egov.portal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by its chromedriver, both from the machine (Debian: packages
 * {@code chromium chromium-driver}; elsewhere set CHROME_BIN and CHROMEDRIVER). No download at test time, and
 * no skip: without them the browser tests fail and say how to install them.
 */
final class LocalChromium {

    static final String INSTALL = "apt-get install -y chromium chromium-driver";

    private LocalChromium() {}

    static ChromeDriver start(boolean javascript) {
        Path browser = find("CHROME_BIN", "chromium", "chromium-browser", "google-chrome");
        Path driver = find("CHROMEDRIVER", "chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,800",
                "--lang=vi",
                "--hide-scrollbars");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    /** The page's viewport becomes exactly this size (a phone is emulated as one, with its viewport meta). */
    /**
     * Clicks a link or a submit button and waits until the next page has replaced this one and is parsed to its
     * footer: a click returns before the browser navigates, so reading the title or a heading right after it can
     * still see the page before.
     */
    static void follow(WebDriver chrome, By target) {
        WebElement before = chrome.findElement(By.tagName("html"));
        chrome.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("footer.site-footer")));
    }

    static void viewport(ChromeDriver chrome, int width, int height) {
        chrome.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    private static Path find(String variable, String... names) {
        Optional<Path> configured = Optional.ofNullable(System.getenv(variable))
                .filter(v -> !v.isBlank())
                .map(Path::of);
        if (configured.isPresent()) {
            if (Files.isExecutable(configured.get())) {
                return configured.get();
            }
            throw new AssertionError(variable + "=" + configured.get() + " is not an executable file");
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return Stream.of(names)
                .flatMap(name -> Stream.concat(
                                Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/lib/chromium"))
                        .map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("No " + String.join(" / ", names) + " found on PATH. The browser tests"
                                + " need a local Chromium and its chromedriver; install them with: " + INSTALL
                                + " (or set " + variable + " to the executable)."));
    }
}

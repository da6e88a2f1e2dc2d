package vn.egov.testsupport.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by its chromedriver, both from the machine (Debian: packages
 * {@code chromium chromium-driver}; elsewhere set CHROME_BIN and CHROMEDRIVER). No download at test time, and
 * no skip: without them the browser tests fail and say how to install them.
 */
public final class Chromium {

    public static final String INSTALL = "apt-get install -y chromium chromium-driver";

    /** Where screenshots go: the module's {@code target/screenshots}. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {}

    /** A browser whose user prefers Vietnamese, with JavaScript on. */
    public static ChromeDriver start() {
        return start("vi", true);
    }

    /**
     * A browser whose user prefers {@code language} (its Accept-Language), with JavaScript on or off (the portal's
     * core journeys must work without it).
     */
    public static ChromeDriver start(String language, boolean javascript) {
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
                "--lang=" + language,
                "--hide-scrollbars");
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("intl.accept_languages", language);
        if (!javascript) {
            preferences.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", preferences);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    /** The page's viewport becomes exactly this size (a phone is emulated as one, with its viewport meta). */
    public static void viewport(ChromeDriver chrome, int width, int height) {
        chrome.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /**
     * Clicks a link or a submit button and waits until the next page has replaced this one and is loaded: a click
     * returns before the browser navigates, so reading the title or a heading right after it can still see the page
     * before.
     */
    public static void follow(WebDriver chrome, By target) {
        WebElement before = chrome.findElement(By.tagName("html"));
        chrome.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(60));
        wait.until(driver -> isGone(before));
        wait.until(
                driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
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
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException swapping) {
            if (String.valueOf(swapping.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw swapping;
        }
    }

    /** The visible part of the page, as {@code target/screenshots/<name>.png}. */
    public static void screenshot(ChromeDriver chrome, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

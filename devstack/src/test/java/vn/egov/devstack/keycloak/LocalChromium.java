package vn.egov.devstack.keycloak;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven by its chromedriver, both from the machine (Debian: packages
 * {@code chromium chromium-driver}; elsewhere set CHROME_BIN and CHROMEDRIVER), as web-portal's browser tests
 * find it (devstack cannot depend on web-portal's test code). No download at test time, and no skip: without
 * them the test fails and says how to install them.
 */
final class LocalChromium {

    static final String INSTALL = "apt-get install -y chromium chromium-driver";

    private LocalChromium() {}

    /** A browser whose user prefers {@code language} (its Accept-Language). */
    static ChromeDriver start(String language) {
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
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    /** The page's viewport becomes exactly this size (a phone is emulated as one, with its viewport meta). */
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

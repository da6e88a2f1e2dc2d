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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import vn.egov.testsupport.browser.Chromium;
import vn.egov.testsupport.browser.PageCheck;

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

    private final List<String> problems = new ArrayList<>();

    @Test
    void aNewCitizenRegistersSignsInVerifiesAndReadsTheirInbox() throws Exception {
        JsonNode resident = People.nextResident();
        String nationalId = resident.get("nationalId").asString();
        String password = "Pt!" + nationalId.substring(6) + "aB";
        ChromeDriver chrome = Chromium.start();
        try {
            chrome.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
            chrome.get(GATEWAY + "/");
            Chromium.follow(chrome, By.linkText("Đăng ký"));
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
            Chromium.follow(chrome, By.cssSelector("form.account-form button[type=submit]"));

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
            Chromium.follow(chrome, By.cssSelector("form.account-form button[type=submit]"));
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

            Chromium.follow(chrome, By.cssSelector("form[action='/tai-khoan/xac-minh'] button"));
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

            Chromium.follow(chrome, By.cssSelector(".inbox li.is-unread form button"));
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
    private void check(ChromeDriver chrome, String name) {
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            problems.addAll(PageCheck.problems(chrome, name + " at " + size[0] + "×" + size[1]));
            Chromium.screenshot(chrome, name + "-" + size[0] + "x" + size[1]);
        }
        chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}

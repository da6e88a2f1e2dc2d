package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.egov.testsupport.browser.Chromium;

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
        ChromeDriver chrome = Chromium.start();
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
            Chromium.follow(chrome, By.cssSelector("form.search button"));
            assertThat(chrome.getTitle()).isEqualTo("Kết quả tìm kiếm: dang ky khai sinh · Cổng dịch vụ công");
            Chromium.screenshot(chrome, "platform-search-360x640");
            Chromium.follow(chrome, By.linkText("Đăng ký khai sinh"));

            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng ký khai sinh");
            assertThat(chrome.findElement(By.cssSelector(".details")).getText())
                    .contains(
                            "1.001193",
                            "Ủy ban nhân dân phường Ba Đình",
                            "Trong ngày (nhận sau 15 giờ: ngày làm việc tiếp theo)",
                            "Miễn phí");
            assertThat(chrome.findElements(By.cssSelector(".documents li")))
                    .as("documents required")
                    .isNotEmpty();
            Chromium.screenshot(chrome, "platform-procedure-360x640");

            Chromium.follow(chrome, By.linkText("Tra cứu hồ sơ"));
            chrome.findElement(By.id("code")).sendKeys("000.00.01.H26-000101-9999");
            chrome.findElement(By.id("secret")).sendKeys("K7QM-2XPA");
            Chromium.follow(chrome, By.cssSelector("form.lookup button"));
            assertThat(chrome.findElement(By.id("code-error")).getText())
                    .isEqualTo("Không tìm thấy hồ sơ có mã hồ sơ và mã tra cứu này. Hãy kiểm tra lại cả hai mã trên"
                            + " giấy tiếp nhận.");

            // the statistics page reads the real statistics API (an error page would have another heading)
            Chromium.follow(chrome, By.linkText("Thống kê"));
            assertThat(chrome.getTitle()).isEqualTo("Thống kê giải quyết hồ sơ · Cổng dịch vụ công");
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Thống kê giải quyết hồ sơ");
            Chromium.screenshot(chrome, "platform-statistics-360x640");
        } finally {
            chrome.quit();
        }
    }
}

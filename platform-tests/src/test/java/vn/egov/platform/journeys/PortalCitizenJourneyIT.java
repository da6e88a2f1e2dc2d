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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import vn.egov.testsupport.browser.Chromium;
import vn.egov.testsupport.browser.PageCheck;

/**
 * A new citizen's whole journey through the portal of the real platform, in a real headless Chromium, by clicking
 * and typing: registers on the page (a wrong phone number first, its message next to the field, then corrected),
 * signs in on Keycloak's page, verifies their identity to level 2 against the registry simulator, reads the inbox
 * with the unread count in the header; finds "Đăng ký thành lập hộ kinh doanh" by typing without accents, submits it
 * through the wizard with two PDFs, pays 100 000 đồng on the payment gateway's page, sees the outcome payment-service
 * has and the receipt; sees the header's count change without a reload when the officer asks for a supplement,
 * answers it with a file, and once the agency has returned the result, downloads it and rates the service. The
 * officer's and approver's steps go through the API. axe-core on each page at 360×640 and 1280×800; screenshots
 * under target/screenshots.
 */
@Order(7)
@ExtendWith(PlatformExtension.class)
class PortalCitizenJourneyIT {

    private final List<String> problems = new ArrayList<>();

    @Test
    void aNewCitizenRegistersVerifiesSubmitsPaysAnswersASupplementDownloadsTheResultAndRates() throws Exception {
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
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Đã nhận đăng ký");
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

            // finds a fee-paying procedure by typing without accents, and submits it with two documents
            String code = submitsTheHouseholdBusinessThroughTheWizard(chrome);

            // pays on the payment gateway's page; the portal shows payment-service's outcome, then the receipt
            Chromium.follow(chrome, By.linkText("Thanh toán lệ phí"));
            new WebDriverWait(chrome, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("pay")));
            Chromium.follow(chrome, By.id("pay"));
            new WebDriverWait(chrome, Duration.ofSeconds(90), Duration.ofSeconds(2)).until(browser -> {
                if (browser.findElement(By.tagName("h1")).getText().equals("Đã thanh toán lệ phí")) {
                    return true;
                }
                Chromium.follow(chrome, By.id("check-again")); // the IPN settles the order a moment later
                return false;
            });
            assertThat(chrome.getCurrentUrl()).startsWith(GATEWAY + "/thanh-toan/");
            check(chrome, "journey-paid");
            Chromium.follow(chrome, By.id("receipt"));
            assertThat(chrome.findElement(By.id("receipt-number")).getText())
                    .matches("[0-9A-Z.]+/20\\d\\d/\\d{6}"); // the collecting agency's series (decision 36)
            assertThat(chrome.findElement(By.id("receipt-amount")).getText()).contains("100.000");
            check(chrome, "journey-receipt");

            // the notice of the officer's request arrives in the open page's header, without a reload
            String token = Api.userToken(nationalId, password);
            Dossiers.awaitInbox(token, code, "PAYMENT_SUCCEEDED");
            Dossiers.awaitInbox(token, code, "DOSSIER_SUBMITTED");
            chrome.get(GATEWAY + "/ho-so/" + code);
            assertThat(chrome.findElement(By.cssSelector(".details .status")).getText())
                    .isEqualTo("Đã nộp, chờ tiếp nhận");
            int before = Integer.parseInt(
                    chrome.findElement(By.id("unread-count")).getText().strip());
            chrome.executeScript("window.sameDocument = 'not reloaded'");
            String officer = People.token(People.OFFICER);
            Dossiers.acted(officer, code, "receive", Map.of("note", "Tiếp nhận hồ sơ"));
            Dossiers.acted(
                    officer,
                    code,
                    "request-supplement",
                    Map.of(
                            "reason",
                            "Hợp đồng thuê chưa có chữ ký bên cho thuê",
                            "missingDocuments",
                            List.of("HOP_DONG_THUE")));
            new WebDriverWait(chrome, Duration.ofSeconds(90))
                    .until(browser -> Integer.parseInt(browser.findElement(By.id("unread-count"))
                                    .getText()
                                    .strip())
                            > before);
            assertThat(chrome.executeScript("return window.sameDocument"))
                    .as("the count changed in the page the citizen had open")
                    .isEqualTo("not reloaded");

            // answers the supplement request on the dossier's page
            chrome.navigate().refresh();
            assertThat(chrome.findElement(By.cssSelector(".details .status")).getText())
                    .isEqualTo("Chờ bổ sung hồ sơ");
            assertThat(chrome.findElement(By.tagName("main")).getText())
                    .contains("Hợp đồng thuê chưa có chữ ký bên cho thuê");
            check(chrome, "journey-supplement");
            chrome.findElement(By.id("file-HOP_DONG_THUE"))
                    .sendKeys(pdf("hop-dong-ky.pdf", "hop dong thue da ky").toString());
            chrome.findElement(By.id("note")).sendKeys("Bản có đủ chữ ký");
            Chromium.follow(chrome, By.id("supplement-send"));
            assertThat(chrome.findElement(By.cssSelector(".details .status")).getText())
                    .isNotEqualTo("Chờ bổ sung hồ sơ");
            assertThat(chrome.findElements(By.id("supplement-send"))).isEmpty();

            // processed by the agency, then the citizen downloads the result and rates the service
            Dossiers.acted(officer, code, "forward", Map.of("note", "Chuyển phê duyệt"));
            Dossiers.resolveWith(
                    People.token(People.APPROVER),
                    code,
                    "Cấp Giấy chứng nhận đăng ký hộ kinh doanh",
                    "giay-chung-nhan-hkd.pdf",
                    "giay chung nhan dang ky ho kinh doanh");
            Dossiers.acted(officer, code, "return-result", Map.of("note", "Trả kết quả trực tuyến"));
            chrome.get(GATEWAY + "/ho-so/" + code);
            assertThat(chrome.findElement(By.cssSelector(".details .status")).getText())
                    .isEqualTo("Đã trả kết quả");
            WebElement result = chrome.findElement(By.partialLinkText("Tải về giay-chung-nhan-hkd.pdf"));
            Object download = chrome.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(r => r.text().then(t => done([r.status,"
                            + " r.headers.get('content-type'), t]))).catch(e => done([0, String(e), '']));",
                    result.getAttribute("href"));
            assertThat(download.toString())
                    .as("the result, through the portal")
                    .startsWith("[200, application/pdf")
                    .contains("giay chung nhan dang ky ho kinh doanh");
            check(chrome, "journey-result");
            chrome.findElement(By.id("score-5")).click();
            chrome.findElement(By.id("comment")).sendKeys("Nhanh, không phải đi lại");
            Chromium.follow(chrome, By.cssSelector("form.rating button"));
            assertThat(chrome.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Cảm ơn bạn đã đánh giá.");
        } finally {
            chrome.quit();
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    /**
     * From the home page: the procedure found by typing without accents, its page, then the wizard — the form, two
     * PDFs uploaded, the review — and the confirmation. Returns the dossier's code.
     */
    private String submitsTheHouseholdBusinessThroughTheWizard(ChromeDriver chrome) throws Exception {
        chrome.get(GATEWAY + "/");
        chrome.findElement(By.id("q")).sendKeys("dang ky thanh lap ho kinh doanh");
        Chromium.follow(chrome, By.cssSelector("form.search button"));
        Chromium.follow(chrome, By.linkText("Đăng ký thành lập hộ kinh doanh"));
        assertThat(chrome.findElement(By.cssSelector(".details")).getText()).contains("100.000 đồng");
        Chromium.follow(chrome, By.linkText("Nộp hồ sơ trực tuyến"));

        chrome.findElement(By.id("field-businessName")).sendKeys("Hộ kinh doanh Tạp hoá Minh An");
        chrome.findElement(By.id("field-businessLine")).sendKeys("Bán lẻ tạp hoá");
        chrome.findElement(By.id("field-capitalVnd")).sendKeys("50000000");
        check(chrome, "journey-wizard-form");
        Chromium.follow(chrome, By.cssSelector("form.wizard-form button[type=submit]"));

        chrome.findElement(By.id("file-GIAY_DE_NGHI"))
                .sendKeys(pdf("giay-de-nghi.pdf", "giay de nghi dang ky ho kinh doanh")
                        .toString());
        chrome.findElement(By.id("file-HOP_DONG_THUE"))
                .sendKeys(pdf("hop-dong-thue.pdf", "hop dong thue mat bang").toString());
        check(chrome, "journey-wizard-documents");
        Chromium.follow(chrome, By.cssSelector("form.wizard-form button[type=submit]"));

        assertThat(chrome.findElement(By.tagName("main")).getText())
                .contains("Hộ kinh doanh Tạp hoá Minh An", "giay-de-nghi.pdf", "hop-dong-thue.pdf");
        check(chrome, "journey-wizard-review");
        Chromium.follow(chrome, By.xpath("//main//form//button[normalize-space()='Nộp hồ sơ']"));

        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Đã nộp hồ sơ");
        String code =
                chrome.findElement(By.cssSelector(".details .code")).getText().strip();
        assertThat(code).startsWith(People.BA_DINH + "-");
        assertThat(chrome.findElement(By.cssSelector(".details")).getText()).contains("100.000 đồng");
        check(chrome, "journey-wizard-submitted");
        return code;
    }

    private static java.nio.file.Path pdf(String name, String text) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("portal-journey");
        java.nio.file.Path file = dir.resolve(name);
        java.nio.file.Files.writeString(
                file,
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + text + "\n",
                java.nio.charset.StandardCharsets.US_ASCII);
        return file;
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

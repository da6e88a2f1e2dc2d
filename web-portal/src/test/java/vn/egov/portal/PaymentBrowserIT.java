package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.egov.testsupport.browser.Chromium;
import vn.egov.testsupport.browser.PageCheck;

/**
 * The payment pages and the supplement upload in a real Chromium, signed in through the portal's own OIDC flow
 * against a stand-in of Keycloak's endpoints ({@link OidcStandIn}): every page at 360×640 and 1280×800 with
 * axe-core (no serious or critical violation, nothing wider than the screen), screenshots in target/screenshots
 * ({@code pay-*.png}, {@code supplement-*.png}); then, with JavaScript off, paying through a stand-in of the
 * gateway's page that sends the browser back with a forged "paid" (the page still says "waiting"), the receipt once
 * payment-service says paid, and a supplement refused next to its field then sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PortalTestSetup
class PaymentBrowserIT extends WithPublicApi {

    static final OidcStandIn OIDC = OidcStandIn.start();

    /** A second order of the dossier waiting for its fee, declined at the gateway. */
    static final String FAILED_PAYMENT = "7e3a2b66-1b5c-4e3a-8c9d-2f4e5a6b7c83";

    static ChromeDriver chrome;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("egov.portal.sign-in.issuer", OIDC::issuer);
        registry.add("egov.portal.sign-in.backchannel", OIDC::issuer);
        // the gateway's page is the API stand-in's (the pay form's redirect must be allowed by the CSP)
        registry.add("egov.portal.payment.gateway-origin", api::baseUrl);
    }

    @BeforeAll
    static void startBrowser() {
        chrome = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.quit();
        }
        OIDC.stop();
    }

    @BeforeEach
    void stubs() {
        api.stubCitizenApi();
        PaymentApiStubs.stub(api);
        PaymentApiStubs.paymentIs(api, PaymentApiStubs.DUE_PAYMENT, PaymentApiStubs.DUE, "PENDING", gatewayPage());
        PaymentApiStubs.paymentIs(api, FAILED_PAYMENT, PaymentApiStubs.DUE, "FAILED");
        // the gateway's pay page, as far as the portal is concerned: a button that sends the browser back to the
        // return page with the gateway's parameters — here a forged "00" (paid) that the portal must not believe
        String back = url("/thanh-toan/ket-qua?vnp_TxnRef=" + PaymentApiStubs.DUE_PAYMENT.replace("-", "")
                + "&vnp_ResponseCode=00&vnp_TransactionStatus=00&vnp_SecureHash=forged");
        api.server.stubFor(get(urlPathEqualTo("/paymentv2/vpcpay.html"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("""
                                <!doctype html><html lang="vi"><head><meta charset="utf-8">
                                <title>Cổng thanh toán</title></head><body><main><h1>Cổng thanh toán</h1>
                                <a id="pay" href="%s">Thanh toán</a></main></body></html>""".formatted(back.replace("&", "&amp;")))));
    }

    record Page(String name, String path, String heading) {}

    @Test
    void everyPaymentAndSupplementPageIsAccessibleAtBothSizes() throws IOException {
        signIn(chrome, "/ho-so/" + PaymentApiStubs.DUE);
        List<Page> pages = List.of(
                new Page("pay-dossier-due", "/ho-so/" + PaymentApiStubs.DUE, "Đăng ký thành lập hộ kinh doanh"),
                new Page("pay-waiting", "/thanh-toan/" + PaymentApiStubs.DUE_PAYMENT, "Đang chờ xác nhận thanh toán"),
                new Page("pay-paid", "/thanh-toan/" + PaymentApiStubs.PAID_PAYMENT, "Đã thanh toán lệ phí"),
                new Page("pay-failed", "/thanh-toan/" + FAILED_PAYMENT, "Thanh toán không thành công"),
                new Page(
                        "pay-receipt",
                        "/thanh-toan/" + PaymentApiStubs.PAID_PAYMENT + "/bien-lai",
                        "Biên lai BL-2026-000042"),
                new Page("pay-dossier-paid", "/ho-so/" + PaymentApiStubs.PAID, "Đăng ký thành lập hộ kinh doanh"),
                new Page("supplement", "/ho-so/" + PaymentApiStubs.SUPPLEMENT, "Đăng ký khai sinh"));
        Path png = file("anh.png", PaymentAndSupplementTest.PNG);

        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            for (Page page : pages) {
                chrome.get(url(page.path()));
                check(page.name(), page.heading(), size, problems);
            }
            // the supplement refused by the portal: the errors next to the fields
            chrome.get(url("/ho-so/" + PaymentApiStubs.SUPPLEMENT));
            chrome.findElement(By.id("file-TO_KHAI")).sendKeys(png.toString());
            Chromium.follow(chrome, By.id("supplement-send"));
            assertThat(chrome.findElement(By.id("file-TO_KHAI-error")).getText())
                    .isEqualTo("Tệp không đúng loại. Giấy tờ này nhận tệp PDF.");
            check("supplement-errors", "Đăng ký khai sinh", size, problems);
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
        api.server.verify(
                0, postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + PaymentApiStubs.SUPPLEMENT + "/supplements")));
    }

    @Test
    void payingAndSupplementingWorkWithJavaScriptOff() throws IOException {
        ChromeDriver noScript = Chromium.start("vi", false);
        try {
            Chromium.viewport(noScript, 360, 640);
            signIn(noScript, "/ho-so/" + PaymentApiStubs.DUE);
            assertThat(noScript.findElement(By.id("payment")).getText()).contains("100.000 đồng");

            Chromium.follow(noScript, By.id("pay-button"));
            assertThat(noScript.getCurrentUrl()).startsWith(api.baseUrl() + "/paymentv2/vpcpay.html");
            Chromium.follow(noScript, By.id("pay"));
            // back on the portal with vnp_ResponseCode=00 in the address, but payment-service says PENDING
            assertThat(noScript.getCurrentUrl()).isEqualTo(url("/thanh-toan/" + PaymentApiStubs.DUE_PAYMENT));
            assertThat(noScript.findElement(By.tagName("h1")).getText()).isEqualTo("Đang chờ xác nhận thanh toán");

            // the IPN arrives (payment-service's state changes); "Kiểm tra lại" shows it
            PaymentApiStubs.paymentIs(api, PaymentApiStubs.DUE_PAYMENT, PaymentApiStubs.DUE, "SUCCEEDED");
            PaymentApiStubs.receiptOf(api, PaymentApiStubs.DUE_PAYMENT, PaymentApiStubs.DUE);
            Chromium.follow(noScript, By.id("check-again"));
            assertThat(noScript.findElement(By.tagName("h1")).getText()).isEqualTo("Đã thanh toán lệ phí");
            Chromium.follow(noScript, By.id("receipt"));
            assertThat(noScript.findElement(By.id("receipt-number")).getText()).isEqualTo("BL-2026-000042");
            assertThat(noScript.findElement(By.id("receipt-amount")).getText()).isEqualTo("100.000 đồng");

            // the supplement: the API takes it, and the dossier page then shows the new status
            String code = PaymentApiStubs.SUPPLEMENT;
            api.server.stubFor(post(urlPathEqualTo("/api/v1/dossiers/" + code + "/supplements"))
                    .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN))
                    .inScenario("supplement")
                    .willSetStateTo("sent")
                    .willReturn(okJson("{}")));
            api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + code))
                    .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN))
                    .inScenario("supplement")
                    .whenScenarioStateIs("sent")
                    .atPriority(1)
                    .willReturn(okJson(
                            PaymentApiStubs.dossier(code, "1.001193", "Đăng ký khai sinh", "RECEIVED", "null", "[]"))));
            noScript.get(url("/ho-so/" + code));
            noScript.findElement(By.id("file-TO_KHAI"))
                    .sendKeys(file("to-khai.pdf", PaymentAndSupplementTest.PDF).toString());
            noScript.findElement(By.id("file-GIAY_CHUNG_SINH"))
                    .sendKeys(
                            file("chung-sinh.png", PaymentAndSupplementTest.PNG).toString());
            noScript.findElement(By.id("note")).sendKeys("Đã ký");
            Chromium.follow(noScript, By.id("supplement-send"));
            assertThat(noScript.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo("Đã gửi hồ sơ bổ sung. Cơ quan sẽ kiểm tra lại hồ sơ của bạn.");
            assertThat(noScript.findElement(By.cssSelector(".details .status")).getText())
                    .isEqualTo("Đã tiếp nhận");
            assertThat(noScript.findElements(By.id("supplement"))).isEmpty();
            api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/supplements")));
        } finally {
            noScript.quit();
        }
    }

    /** Opens a signed-in page: the portal's sign-in, the identity provider's stand-in, back on the page. */
    private void signIn(ChromeDriver browser, String path) {
        browser.get(url(path));
        assertThat(browser.getCurrentUrl()).as("signed in and back on the page").isEqualTo(url(path));
    }

    private void check(String name, String heading, int[] size, List<String> problems) {
        String at = name + " at " + size[0] + "×" + size[1];
        // the page's heading, waited for a moment (a loaded CI machine); when it never comes, what was there instead
        org.openqa.selenium.WebElement h1;
        try {
            h1 = new org.openqa.selenium.support.ui.WebDriverWait(chrome, java.time.Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.tagName("h1")).stream()
                            .findFirst()
                            .orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            Chromium.screenshot(chrome, name + "-" + size[0] + "x" + size[1] + "-no-heading");
            throw new AssertionError(
                    at + ": no h1 at " + chrome.getCurrentUrl() + " (title \"" + chrome.getTitle() + "\"): "
                            + chrome.findElement(By.tagName("body")).getText(),
                    e);
        }
        assertThat(h1.getText()).as(at + ": h1").startsWith(heading);
        assertThat(chrome.getTitle()).as(at + ": title").endsWith(" · Cổng dịch vụ công");
        problems.addAll(PageCheck.problems(chrome, at));
        Chromium.screenshot(chrome, name + "-" + size[0] + "x" + size[1]);
    }

    private static Path file(String name, byte[] content) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "uploads"));
        return Files.write(dir.resolve(name), content).toAbsolutePath();
    }

    private String gatewayPage() {
        return api.baseUrl() + "/paymentv2/vpcpay.html?vnp_Amount=10000000&vnp_TxnRef="
                + PaymentApiStubs.DUE_PAYMENT.replace("-", "") + "&vnp_SecureHash=ab12";
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import vn.egov.testsupport.browser.Chromium;
import vn.egov.testsupport.browser.PageCheck;

/**
 * The submission wizard and the document store in a real Chromium: every page of the wizard (each step, a step with
 * errors, the confirmation) and "Giấy tờ của tôi" at 360×640 and 1280×800 with axe-core (no serious or critical
 * violation, nothing wider than the screen), screenshots in target/screenshots; then a whole submission with
 * JavaScript off, a real file chosen in the file input, and a second press of "Nộp hồ sơ" that makes no second
 * dossier. There is no identity provider here: a test-only page puts a signed-in session in place, as Keycloak's
 * callback would (the real sign-in is the platform tests' job).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PortalTestSetup
@Import(WizardBrowserIT.TestSignIn.class)
class WizardBrowserIT extends WithPublicApi {

    static ChromeDriver chrome;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chrome = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @BeforeEach
    void stubs() {
        SubmissionWizardTest.stubJudicialAndTheStore(api);
    }

    @Test
    void everyWizardPageIsAccessibleAndFitsAPhoneAndADesktop() throws IOException {
        Path pdf = pdf();
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            String at = size[0] + "x" + size[1];
            Chromium.viewport(chrome, size[0], size[1]);
            chrome.manage().deleteAllCookies();
            chrome.get(url("/test-sign-in"));
            chrome.get(url("/thu-tuc/" + SubmissionWizardTest.JUDICIAL));
            Chromium.follow(chrome, By.linkText("Nộp hồ sơ trực tuyến"));
            check("wizard-form", at, "Bước 1: Thông tin tờ khai – Cấp phiếu lý lịch tư pháp", problems);

            Chromium.follow(chrome, By.cssSelector("form.wizard-form button[type=submit]"));
            assertThat(chrome.findElement(By.id("field-purpose-error")).getText())
                    .isEqualTo("Mục này bắt buộc.");
            check("wizard-form-errors", at, "Bước 1: Thông tin tờ khai – Cấp phiếu lý lịch tư pháp", problems);

            fillTheForm();
            Chromium.follow(chrome, By.cssSelector("form.wizard-form button[type=submit]"));
            check("wizard-documents", at, "Bước 2: Giấy tờ – Cấp phiếu lý lịch tư pháp", problems);

            // (the store's document is chosen in SubmissionWizardTest: a phone's native picker is not clicked here)
            chrome.findElement(By.id("file-TO_KHAI")).sendKeys(pdf.toString());
            Chromium.follow(chrome, By.cssSelector("form.wizard-form button[type=submit]"));
            check("wizard-review", at, "Bước 3: Xem lại và nộp – Cấp phiếu lý lịch tư pháp", problems);

            Chromium.follow(chrome, By.xpath("//button[text()='Nộp hồ sơ']"));
            check("wizard-submitted", at, "Đã nộp hồ sơ " + SubmissionWizardTest.SUBMITTED_CODE, problems);

            chrome.get(url("/giay-to"));
            check("documents", at, "Giấy tờ của tôi", problems);
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    /** The choice of the ward (decision 52), refused empty with a sentence next to it, at both sizes. */
    @Test
    void theChoiceOfTheReceivingAgencyIsAccessibleAndFits() {
        SubmissionWizardTest.stubDeathRegistration(api);
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            String at = size[0] + "x" + size[1];
            Chromium.viewport(chrome, size[0], size[1]);
            chrome.manage().deleteAllCookies();
            chrome.get(url("/test-sign-in"));
            chrome.get(url("/thu-tuc/1.000656"));
            assertThat(chrome.findElement(By.cssSelector(".details")).getText())
                    .contains("Ủy ban nhân dân phường Ba Đình", "Ủy ban nhân dân phường Hoàn Kiếm");
            Chromium.follow(chrome, By.linkText("Nộp hồ sơ trực tuyến"));
            check("wizard-agency", at, "Bước 1: Thông tin tờ khai – Đăng ký khai tử", problems);
            chrome.findElement(By.id("field-deceasedName")).sendKeys("Trần Văn Một");
            Chromium.follow(chrome, By.cssSelector("form.wizard-form button[type=submit]"));
            assertThat(chrome.findElement(By.id("agencyCode-error")).getText())
                    .isEqualTo("Hãy chọn cơ quan tiếp nhận hồ sơ.");
            check("wizard-agency-error", at, "Bước 1: Thông tin tờ khai – Đăng ký khai tử", problems);
            new Select(chrome.findElement(By.id("agencyCode"))).selectByValue("000.00.02.H26");
            Chromium.follow(chrome, By.cssSelector("form.wizard-form button[type=submit]"));
            assertThat(chrome.getTitle()).startsWith("Bước 2: Giấy tờ – Đăng ký khai tử");
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    /**
     * The cases of a procedure (decision 58): the procedure page lists them, the form asks the case (refused empty with
     * a sentence next to it) and the documents step shows only that case's papers, at both sizes.
     */
    @Test
    void theChoiceOfTheCaseIsAccessibleAndFits() {
        SubmissionWizardTest.stubPermanentResidence(api);
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            String at = size[0] + "x" + size[1];
            Chromium.viewport(chrome, size[0], size[1]);
            chrome.manage().deleteAllCookies();
            chrome.get(url("/test-sign-in"));
            chrome.get(url("/thu-tuc/1.004222"));
            assertThat(chrome.findElement(By.cssSelector("ol.cases")).getText())
                    .contains("Chỗ ở thuộc sở hữu của mình", "Chỗ ở thuê, mượn, ở nhờ");
            check("procedure-cases", at, "Đăng ký thường trú", problems);
            Chromium.follow(chrome, By.linkText("Nộp hồ sơ trực tuyến"));
            check("wizard-case", at, "Bước 1: Thông tin tờ khai – Đăng ký thường trú", problems);
            Chromium.follow(chrome, By.cssSelector("form.wizard-form button[type=submit]"));
            assertThat(chrome.findElement(By.id("caseCode-error")).getText()).isEqualTo("Hãy chọn trường hợp của bạn.");
            check("wizard-case-error", at, "Bước 1: Thông tin tờ khai – Đăng ký thường trú", problems);
            // the error and the radios below it
            chrome.executeScript("arguments[0].scrollIntoView()", chrome.findElement(By.id("caseCode-error")));
            Chromium.screenshot(chrome, "wizard-case-choices-" + at);
            chrome.findElement(By.id("case-THUE_MUON_O_NHO")).click();
            Chromium.follow(chrome, By.cssSelector("form.wizard-form button[type=submit]"));
            assertThat(chrome.findElement(By.tagName("main")).getText())
                    .contains("Hợp đồng thuê, mượn, ở nhờ")
                    .doesNotContain("Giấy tờ chứng minh chỗ ở hợp pháp");
            check("wizard-case-documents", at, "Bước 2: Giấy tờ – Đăng ký thường trú", problems);
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    @Test
    void aWholeSubmissionWorksWithJavaScriptOffAndASecondPressMakesNoSecondDossier() throws IOException {
        Path pdf = pdf();
        ChromeDriver noScript = Chromium.start("vi", false);
        try {
            Chromium.viewport(noScript, 360, 640);
            noScript.get(url("/test-sign-in"));
            noScript.get(url("/thu-tuc/" + SubmissionWizardTest.JUDICIAL));
            Chromium.follow(noScript, By.linkText("Nộp hồ sơ trực tuyến"));
            noScript.findElement(By.id("field-purpose")).sendKeys("Xin việc");
            new Select(noScript.findElement(By.id("field-applicantCategory"))).selectByValue("STUDENT_OR_MERIT");
            noScript.findElement(By.id("field-copies")).sendKeys("2");
            Chromium.follow(noScript, By.cssSelector("form.wizard-form button[type=submit]"));

            // a file of the wrong type first: refused next to its input, the form's answers kept
            Path text = Files.createTempFile("not-a-pdf", ".pdf");
            Files.writeString(text, "plain text");
            noScript.findElement(By.id("file-TO_KHAI")).sendKeys(text.toString());
            Chromium.follow(noScript, By.cssSelector("form.wizard-form button[type=submit]"));
            assertThat(noScript.findElement(By.id("file-TO_KHAI-error")).getText())
                    .startsWith("Tệp không phải định dạng PDF");

            noScript.findElement(By.id("file-TO_KHAI")).sendKeys(pdf.toString());
            Chromium.follow(noScript, By.cssSelector("form.wizard-form button[type=submit]"));
            assertThat(noScript.findElement(By.tagName("main")).getText())
                    .contains(
                            "Xin việc",
                            "Sinh viên, người có công",
                            pdf.getFileName().toString(),
                            "100.000 đồng");
            String review = noScript.getCurrentUrl();

            Chromium.follow(noScript, By.xpath("//button[text()='Nộp hồ sơ']"));
            assertThat(noScript.findElement(By.tagName("h1")).getText()).isEqualTo("Đã nộp hồ sơ");
            assertThat(noScript.findElement(By.cssSelector(".details")).getText())
                    .contains(SubmissionWizardTest.SUBMITTED_CODE, "Chờ thanh toán lệ phí");

            // back to the review and press again: the same dossier, no second request to the API
            noScript.get(review);
            assertThat(noScript.findElement(By.tagName("h1")).getText()).isEqualTo("Đã nộp hồ sơ");
            api.server.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/dossiers")));
        } finally {
            noScript.quit();
        }
    }

    private void fillTheForm() {
        chrome.findElement(By.id("field-purpose")).sendKeys("Xin việc");
        new Select(chrome.findElement(By.id("field-applicantCategory"))).selectByValue("STUDENT_OR_MERIT");
        chrome.findElement(By.id("field-copies")).sendKeys("2");
    }

    private void check(String name, String at, String title, List<String> problems) {
        assertThat(chrome.getTitle()).as(name + " at " + at).isEqualTo(title + " · Cổng dịch vụ công");
        assertThat(chrome.findElements(By.tagName("h1"))).as(name + ": one h1").hasSize(1);
        problems.addAll(PageCheck.problems(chrome, name + " at " + at));
        Chromium.screenshot(chrome, name + "-" + at);
    }

    private static Path pdf() throws IOException {
        Path pdf = Files.createTempFile("to-khai-", ".pdf");
        Files.write(pdf, SubmissionWizardTest.PDF);
        return pdf;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * Test only: signs the demo citizen in by putting in the session what Keycloak's callback would (the
     * authentication and the authorized client with An's access token), since no identity provider runs here.
     */
    @TestConfiguration
    static class TestSignIn {

        /** A member of the imported configuration, so registered with it (and with no other test's context). */
        @Controller
        static class SignInPage {

            private final ClientRegistrationRepository registrations;
            private final OAuth2AuthorizedClientRepository authorizedClients;

            SignInPage(ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients) {
                this.registrations = registrations;
                this.authorizedClients = authorizedClients;
            }

            @GetMapping("/test-sign-in")
            String signIn(HttpServletRequest request, HttpServletResponse response) {
                OidcUser user = SignInTest.citizen();
                OAuth2AuthenticationToken authentication =
                        new OAuth2AuthenticationToken(user, user.getAuthorities(), "portal");
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
                new HttpSessionSecurityContextRepository().saveContext(context, request, response);
                authorizedClients.saveAuthorizedClient(
                        new OAuth2AuthorizedClient(
                                registrations.findByRegistrationId("portal"),
                                user.getName(),
                                new OAuth2AccessToken(
                                        OAuth2AccessToken.TokenType.BEARER,
                                        PublicApiStandIn.AN_TOKEN,
                                        Instant.now(),
                                        Instant.now().plusSeconds(3600))),
                        authentication,
                        request,
                        response);
                return "redirect:/";
            }
        }
    }
}

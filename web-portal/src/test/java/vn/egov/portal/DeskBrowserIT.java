package vn.egov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.egov.testsupport.browser.Chromium;
import vn.egov.testsupport.browser.PageCheck;

/**
 * The officers' desk in a real Chromium, signed in by a real session in PostgreSQL ({@link SignedInSessions}: the
 * officer's roles as its authorities, as {@code StaffRoles} leaves them after Keycloak's sign-in), the API played by
 * {@link DeskStandIn}. The queue, the dossier page (its PDF preview open) and the dashboard with axe-core at 360×640
 * and 1280×800 (screenshots target/screenshots/desk-*.png); a citizen's 403 page; an irreversible action by clicking:
 * refused by the page next to its fields, then done with the success flash.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PortalTestSetup
class DeskBrowserIT {

    static final PublicApiStandIn api = PublicApiStandIn.shared();

    @DynamicPropertySource
    static void publicApi(DynamicPropertyRegistry registry) {
        registry.add("egov.portal.api.base-url", api::baseUrl);
    }

    static ChromeDriver chrome;

    @LocalServerPort
    int port;

    @Autowired
    @SuppressWarnings("rawtypes")
    SessionRepository sessions;

    @Autowired
    ClientRegistrationRepository registrations;

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
        chrome.get("about:blank");
        api.reset();
        api.stubCitizenApi();
        DeskStandIn.stub(api);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void signIn(OidcUser user, String token) {
        String cookie = SignedInSessions.create(sessions, registrations, token, user);
        chrome.manage().deleteAllCookies();
        chrome.get(url("/tro-giup"));
        chrome.manage()
                .addCookie(new Cookie.Builder("egov_session", cookie)
                        .path("/")
                        .isHttpOnly(true)
                        .build());
    }

    record Page(String name, String path, String title, String heading) {}

    @Test
    void theQueueTheDossierPageAndTheDashboardAreAccessibleOnAPhoneAndADesktop() {
        List<Page> pages = List.of(
                new Page("queue", "/motcua", "Hồ sơ cần xử lý · Cổng dịch vụ công", "Hồ sơ cần xử lý"),
                new Page(
                        "dossier",
                        "/motcua/ho-so/" + DeskStandIn.RECEIVED,
                        "Hồ sơ " + DeskStandIn.RECEIVED + " · Cổng dịch vụ công",
                        "Đăng ký thành lập hộ kinh doanh\nHồ sơ " + DeskStandIn.RECEIVED),
                // decision 51: an online dossier nobody received in time, the limit and the flag beside it
                new Page(
                        "not-received",
                        "/motcua/ho-so/" + DeskStandIn.NOT_RECEIVED,
                        "Hồ sơ " + DeskStandIn.NOT_RECEIVED + " · Cổng dịch vụ công",
                        "Đăng ký thành lập hộ kinh doanh\nHồ sơ " + DeskStandIn.NOT_RECEIVED),
                new Page(
                        "statistics",
                        "/motcua/thong-ke",
                        "Thống kê của cơ quan · Cổng dịch vụ công",
                        "Thống kê của cơ quan"));
        signIn(DeskStandIn.officer(), DeskStandIn.OFFICER_TOKEN);
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            for (Page page : pages) {
                String at = page.name() + " at " + size[0] + "×" + size[1];
                chrome.get(url(page.path()));
                assertThat(chrome.getTitle()).as(at + ": title").isEqualTo(page.title());
                assertThat(chrome.findElement(By.tagName("h1")).getText())
                        .as(at + ": h1")
                        .isEqualTo(page.heading());
                if (page.name().equals("dossier")) {
                    // the first document's preview open: the PDF in its frame, served by the portal
                    chrome.findElement(By.cssSelector(".preview summary")).click();
                    WebElement frame = chrome.findElement(By.cssSelector(".preview iframe"));
                    assertThat(frame.isDisplayed()).as(at + ": the preview").isTrue();
                    Chromium.screenshot(chrome, "desk-dossier-top-" + size[0] + "x" + size[1]);
                    chrome.executeScript("arguments[0].scrollIntoView()", frame);
                }
                problems.addAll(PageCheck.problems(chrome, at));
                Chromium.screenshot(chrome, "desk-" + page.name() + "-" + size[0] + "x" + size[1]);
                // below the fold on a phone: the queue's first dossiers, the chart, the action forms
                String below = switch (page.name()) {
                    case "queue" -> ".queue";
                    case "statistics" -> ".desk-chart";
                    default -> "#actions-heading";
                };
                chrome.executeScript("arguments[0].scrollIntoView()", chrome.findElement(By.cssSelector(below)));
                Chromium.screenshot(chrome, "desk-" + page.name() + "-below-" + size[0] + "x" + size[1]);
            }
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();

        // the queue: the deadline in words beside its colour, in due-date order
        chrome.get(url("/motcua"));
        List<String> due = chrome.findElements(By.cssSelector(".queue .due")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(due).containsExactly("Quá hạn", "Đến hạn hôm nay", "Sắp đến hạn (trong 2 ngày làm việc)");
        // the header's link to the desk, for staff
        assertThat(chrome.findElement(By.cssSelector(".account-items .desk-link"))
                        .getText())
                .isEqualTo("Bàn làm việc");
    }

    @Test
    void anIrreversibleActionIsRefusedNextToItsFieldsThenDoneWithItsConfirmation() {
        api.server.stubFor(DeskStandIn.action(DeskStandIn.RECEIVED, "reject")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{}")));
        signIn(DeskStandIn.officer(), DeskStandIn.OFFICER_TOKEN);
        Chromium.viewport(chrome, 360, 640);
        chrome.get(url("/motcua/ho-so/" + DeskStandIn.RECEIVED));
        // the officer's reject form; once it was missing in a CI run (no screenshot then): wait for it, and say what
        // the page was if it does not come
        WebElement reject;
        try {
            reject = new org.openqa.selenium.support.ui.WebDriverWait(chrome, java.time.Duration.ofSeconds(15))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
                            By.cssSelector("#action-reject > summary")));
        } catch (org.openqa.selenium.TimeoutException e) {
            Chromium.screenshot(chrome, "desk-reject-form-missing-360x640");
            throw new AssertionError("no reject form at " + chrome.getCurrentUrl() + ", page: " + chrome.getTitle(), e);
        }
        reject.click();
        Chromium.follow(chrome, By.id("reject-submit"));
        assertThat(chrome.findElement(By.id("reject-reason-error")).getText()).isEqualTo("Hãy ghi lý do.");
        assertThat(chrome.findElement(By.id("reject-confirm-error")).getText())
                .isEqualTo("Hãy đánh dấu xác nhận trước khi thực hiện.");
        List<String> problems = new ArrayList<>(PageCheck.problems(chrome, "the refused reject at 360×640"));
        Chromium.screenshot(chrome, "desk-action-errors-360x640");
        chrome.findElement(By.id("reject-reason")).sendKeys("Không thuộc thẩm quyền giải quyết");
        chrome.findElement(By.id("reject-confirm")).click();
        Chromium.follow(chrome, By.id("reject-submit"));
        assertThat(chrome.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Đã từ chối hồ sơ.");
        assertThat(problems).isEmpty();
    }

    /** axe-core and the layout checks on the page shown, and its screenshot. */
    void check(List<String> problems, String name) {
        problems.addAll(PageCheck.problems(chrome, name));
        Chromium.screenshot(chrome, "desk-" + name);
    }

    @Test
    void theWalkInWizardIsWalkedStepByStepAndEveryPageIsAccessibleOnAPhoneAndADesktop() throws Exception {
        DeskStandIn.stubCounter(api);
        java.nio.file.Path scan = java.nio.file.Files.createTempFile("giay-de-nghi", ".pdf");
        java.nio.file.Files.writeString(scan, DeskStandIn.PDF, java.nio.charset.StandardCharsets.US_ASCII);
        signIn(DeskStandIn.officer(), DeskStandIn.OFFICER_TOKEN);
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            String at = size[0] + "x" + size[1];
            // the desk's navigation leads to a new intake
            chrome.get(url("/motcua"));
            Chromium.follow(chrome, By.cssSelector(".desk-nav a[href='/motcua/tiep-nhan']"));
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Tiếp nhận hồ sơ trực tiếp");
            check(problems, "walk-in-applicant-" + at);
            // 1. refused by the page, each sentence next to its field
            Chromium.follow(chrome, By.id("walk-in-next"));
            assertThat(chrome.findElement(By.id("applicant-nationalId-error")).getText())
                    .isEqualTo("Số CCCD gồm đúng 12 chữ số.");
            check(problems, "walk-in-applicant-errors-" + at);
            chrome.findElement(By.id("applicant-nationalId")).sendKeys("001085012345");
            chrome.findElement(By.id("applicant-fullName")).sendKeys("Trần Thị Bình");
            chrome.executeScript(
                    "arguments[0].value = '1985-03-08'", chrome.findElement(By.id("applicant-dateOfBirth")));
            Chromium.follow(chrome, By.id("walk-in-next"));
            // 2. the procedure
            check(problems, "walk-in-procedure-" + at);
            new org.openqa.selenium.support.ui.Select(chrome.findElement(By.id("walk-in-procedure")))
                    .selectByValue("1.001612");
            Chromium.follow(chrome, By.id("walk-in-next"));
            // 3. the form and the scans; the incomplete branch's page on the way
            check(problems, "walk-in-scans-" + at);
            Chromium.follow(chrome, By.id("walk-in-guidance"));
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Hướng dẫn bổ sung hồ sơ (Mẫu 02)");
            check(problems, "walk-in-guidance-" + at);
            chrome.navigate().back();
            chrome.findElement(By.id("form-businessName")).sendKeys("Tạp hoá Bình An");
            chrome.findElement(By.id("file-GIAY_DE_NGHI"))
                    .sendKeys(scan.toAbsolutePath().toString());
            chrome.findElement(By.id("file-HOP_DONG_THUE-copy")).click();
            Chromium.follow(chrome, By.id("walk-in-receive"));
            // 4. the fee at the counter, then 5. done with Mẫu 01
            assertThat(chrome.findElement(By.cssSelector("p.lead")).getText()).startsWith("Lệ phí phải nộp: 100.000");
            check(problems, "walk-in-fee-" + at);
            Chromium.follow(chrome, By.id("walk-in-pay"));
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Đã tiếp nhận hồ sơ");
            assertThat(chrome.findElement(By.id("walk-in-form-01")).getText()).isEqualTo("In Giấy tiếp nhận (Mẫu 01)");
            assertThat(chrome.findElement(By.cssSelector(".details")).getText()).contains("BL-H26-2026-000123");
            check(problems, "walk-in-done-" + at);
            // the hand-over's forms on a resolved dossier
            chrome.get(url("/motcua/ho-so/" + DeskStandIn.RESOLVED));
            chrome.findElement(By.cssSelector("#action-return-counter > summary"))
                    .click();
            chrome.executeScript("arguments[0].scrollIntoView()", chrome.findElement(By.id("action-return-counter")));
            check(problems, "handover-" + at);
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    /** A procedure with cases (decision 58): the applicant's case asked on the procedure step, then its papers only. */
    @Test
    void theApplicantsCaseIsAskedOnTheProcedureStepAndItsPapersOnly() {
        DeskStandIn.stubCounter(api);
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/procedures"))
                .withQueryParam("agency", com.github.tomakehurst.wiremock.client.WireMock.equalTo(DeskStandIn.AGENCY))
                .atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"items":[{"code":"1.004222","name":"Đăng ký thường trú","nameEn":"Permanent residence"}],
                         "page":0,"size":100,"totalItems":1,"totalPages":1}""")));
        SubmissionWizardTest.stubPermanentResidence(api);
        signIn(DeskStandIn.officer(), DeskStandIn.OFFICER_TOKEN);
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            String at = size[0] + "x" + size[1];
            chrome.get(url("/motcua/tiep-nhan"));
            chrome.findElement(By.id("applicant-nationalId")).sendKeys("001085012345");
            chrome.findElement(By.id("applicant-fullName")).sendKeys("Trần Thị Bình");
            chrome.executeScript(
                    "arguments[0].value = '1985-03-08'", chrome.findElement(By.id("applicant-dateOfBirth")));
            Chromium.follow(chrome, By.id("walk-in-next"));
            new org.openqa.selenium.support.ui.Select(chrome.findElement(By.id("walk-in-procedure")))
                    .selectByValue("1.004222");
            Chromium.follow(chrome, By.id("walk-in-next"));
            assertThat(chrome.findElement(By.id("walk-in-case-error")).getText())
                    .startsWith("Thủ tục này có nhiều trường hợp");
            chrome.executeScript("arguments[0].scrollIntoView()", chrome.findElement(By.id("walk-in-case-error")));
            check(problems, "walk-in-case-" + at);
            chrome.findElement(By.id("walk-in-case-THUE_MUON_O_NHO")).click();
            Chromium.follow(chrome, By.id("walk-in-next"));
            assertThat(chrome.findElement(By.tagName("main")).getText())
                    .contains("Hợp đồng thuê, mượn, ở nhờ")
                    .doesNotContain("Giấy tờ chứng minh chỗ ở hợp pháp");
            check(problems, "walk-in-case-scans-" + at);
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    @Test
    void aCitizenOnTheDeskGetsThePageThatSaysItIsForStaff() {
        signIn(SignInTest.citizen(), PublicApiStandIn.AN_TOKEN);
        Chromium.viewport(chrome, 360, 640);
        chrome.get(url("/motcua"));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Trang dành cho cán bộ");
        assertThat(chrome.findElements(By.cssSelector(".desk-link"))).isEmpty();
        List<String> problems = PageCheck.problems(chrome, "the citizen's 403 at 360×640");
        Chromium.screenshot(chrome, "desk-forbidden-360x640");
        assertThat(problems).isEmpty();
    }

    @Test
    void theRegisterPageAndItsRefusalAreAccessibleOnAPhoneAndADesktop() {
        signIn(DeskStandIn.officer(), DeskStandIn.OFFICER_TOKEN);
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            String at = size[0] + "x" + size[1];
            chrome.get(url("/motcua"));
            Chromium.follow(chrome, By.cssSelector(".desk-nav a[href='/motcua/so-theo-doi']"));
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Sổ theo dõi hồ sơ (Mẫu 07)");
            check(problems, "register-" + at);
            chrome.executeScript("arguments[0].value = '2026-12-05'", chrome.findElement(By.id("register-from")));
            chrome.executeScript("arguments[0].value = '2026-12-01'", chrome.findElement(By.id("register-to")));
            Chromium.follow(chrome, By.id("register-print"));
            assertThat(chrome.findElement(By.id("register-to-error")).getText())
                    .isEqualTo("Ngày kết thúc phải từ ngày bắt đầu trở đi.");
            check(problems, "register-errors-" + at);
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    @Test
    void theQueueSearchedByAnApplicantsNameIsAccessibleOnAPhoneAndADesktop() {
        signIn(DeskStandIn.officer(), DeskStandIn.OFFICER_TOKEN);
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            String at = size[0] + "x" + size[1];
            chrome.get(url("/motcua"));
            chrome.findElement(By.id("q")).sendKeys("Trần Thị Bình");
            Chromium.follow(chrome, By.cssSelector(".desk-search button"));
            assertThat(chrome.findElement(By.cssSelector("p.searched")).getText())
                    .startsWith("Hồ sơ của người nộp tên “Trần Thị Bình”");
            check(problems, "queue-searched-" + at);
            chrome.findElement(By.id("q")).clear();
            chrome.findElement(By.id("q")).sendKeys("a".repeat(100)); // the box takes 100 characters, the API's limit
            Chromium.follow(chrome, By.cssSelector(".desk-search button"));
            check(problems, "queue-searched-long-" + at);
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }
}

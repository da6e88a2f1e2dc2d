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
 * The administrators' pages of the desk in a real Chromium (a real session in PostgreSQL, the APIs played by
 * {@link AdministrationStandIn}): the officers page and the calendar page with axe-core at 360×640 and 1280×800
 * (screenshots target/screenshots/admin-*.png), and a refused form (the errors next to the fields) by clicking.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PortalTestSetup
class DeskAdministrationBrowserIT {

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
        AdministrationStandIn.stub(api);
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

    @Test
    void theOfficersPageIsAccessibleAndARefusedFormSaysWhyNextToTheFields() {
        signIn(AdministrationStandIn.agencyAdmin(), AdministrationStandIn.ADMIN_TOKEN);
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            String at = "officers at " + size[0] + "×" + size[1];
            chrome.get(url("/motcua/can-bo"));
            assertThat(chrome.getTitle()).isEqualTo("Cán bộ của cơ quan · Cổng dịch vụ công");
            assertThat(chrome.getPageSource()).as(at + ": every message found").doesNotContain("??");
            problems.addAll(PageCheck.problems(chrome, at));
            Chromium.screenshot(chrome, "admin-officers-" + size[0] + "x" + size[1]);
        }
        Chromium.viewport(chrome, 360, 640);
        chrome.get(url("/motcua/can-bo"));
        chrome.findElement(By.id("fullName")).sendKeys("Nguyễn Văn Bình");
        Chromium.follow(chrome, By.id("create-officer"));
        assertThat(chrome.findElement(By.id("username-error")).getText()).isEqualTo("Bắt buộc.");
        assertThat(chrome.findElement(By.id("role-error")).getText())
                .isEqualTo("Hãy chọn vai trò: cán bộ tiếp nhận hoặc lãnh đạo phê duyệt.");
        assertThat(chrome.findElement(By.id("fullName")).getAttribute("value")).isEqualTo("Nguyễn Văn Bình");
        problems.addAll(PageCheck.problems(chrome, "the refused officer form at 360×640"));
        Chromium.screenshot(chrome, "admin-officers-errors-360x640");
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    @Test
    void theAgencyPageShowsTheRegistrysHoursAndSeriesAndRefusalsSayWhyNextToTheFields() {
        signIn(AdministrationStandIn.agencyAdmin(), AdministrationStandIn.ADMIN_TOKEN);
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            String at = "agency at " + size[0] + "×" + size[1];
            chrome.get(url("/motcua/co-quan"));
            assertThat(chrome.getTitle()).isEqualTo("Thông tin cơ quan · Cổng dịch vụ công");
            assertThat(chrome.findElement(By.id("hours-now")).getText()).isEqualTo("07:30–11:30, 13:30–17:00");
            assertThat(chrome.findElement(By.id("series-now")).getText()).isEqualTo("BLBD-26E");
            assertThat(chrome.findElement(By.id("periods")).getAttribute("value"))
                    .isEqualTo("07:30-11:30,13:30-17:00");
            assertThat(chrome.getPageSource()).as(at + ": every message found").doesNotContain("??");
            problems.addAll(PageCheck.problems(chrome, at));
            Chromium.screenshot(chrome, "admin-agency-" + size[0] + "x" + size[1]);
        }
        Chromium.viewport(chrome, 360, 640);
        // the page's own check: the document is required, said next to its field, the hours kept as typed
        chrome.get(url("/motcua/co-quan"));
        chrome.findElement(By.id("periods")).clear();
        chrome.findElement(By.id("periods")).sendKeys("13:30-17:00,07:30-11:30");
        Chromium.follow(chrome, By.id("save-hours"));
        assertThat(chrome.findElement(By.id("hours-source-error")).getText()).isEqualTo("Bắt buộc.");
        assertThat(chrome.findElement(By.id("periods")).getAttribute("value")).isEqualTo("13:30-17:00,07:30-11:30");
        // the registry's refusal of the periods, next to them
        chrome.findElement(By.id("hours-source")).sendKeys("Quyết định 15/QĐ-UBND");
        Chromium.follow(chrome, By.id("save-hours"));
        assertThat(chrome.findElement(By.id("periods-error")).getText())
                .isEqualTo("Mỗi khoảng phải kết thúc sau khi bắt đầu, các khoảng theo thứ tự và không chồng lên nhau.");
        assertThat(chrome.findElement(By.id("periods")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        problems.addAll(PageCheck.problems(chrome, "the refused hours at 360×640"));
        Chromium.screenshot(chrome, "admin-agency-errors-360x640");
        // a series another agency has: 409, said next to the series
        chrome.findElement(By.id("series")).sendKeys("BLHK-26E");
        chrome.findElement(By.id("series-source")).sendKeys("Quyết định 16/QĐ-UBND");
        Chromium.follow(chrome, By.id("save-series"));
        assertThat(chrome.findElement(By.id("series-error")).getText())
                .isEqualTo("Một cơ quan khác đang dùng ký hiệu này.");
        assertThat(chrome.findElements(By.id("periods-error"))).isEmpty();
        problems.addAll(PageCheck.problems(chrome, "the refused series at 360×640"));
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    @Test
    void theCalendarPageIsAccessibleOnAPhoneAndADesktop() {
        signIn(AdministrationStandIn.systemAdmin(), AdministrationStandIn.SYSADMIN_TOKEN);
        List<String> problems = new ArrayList<>();
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            String at = "calendar at " + size[0] + "×" + size[1];
            chrome.get(url("/motcua/lich-lam-viec?nam=2027"));
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Lịch làm việc");
            assertThat(chrome.findElements(By.cssSelector(".calendar-days > li")))
                    .hasSize(2);
            assertThat(chrome.getPageSource()).as(at + ": every message found").doesNotContain("??");
            problems.addAll(PageCheck.problems(chrome, at));
            Chromium.screenshot(chrome, "admin-calendar-" + size[0] + "x" + size[1]);
        }
        Chromium.viewport(chrome, 360, 640);
        Chromium.follow(chrome, By.id("declare-day"));
        assertThat(chrome.findElement(By.id("kind-error")).getText())
                .isEqualTo("Hãy chọn loại ngày: ngày nghỉ hoặc ngày làm bù.");
        problems.addAll(PageCheck.problems(chrome, "the refused calendar form at 360×640"));
        Chromium.screenshot(chrome, "admin-calendar-errors-360x640");
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }
}

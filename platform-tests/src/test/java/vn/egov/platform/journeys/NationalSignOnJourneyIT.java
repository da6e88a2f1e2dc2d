package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * National sign-on in a real headless Chromium through the gateway (issue 16 item 1, decisions 38, 41 and 63): a
 * resident of the population registry who has no account clicks "Đăng nhập bằng VNeID" in the portal's header;
 * Keycloak sends the browser straight to the national identity (devstack's simulator on 8094, no Keycloak page in
 * between), the resident picks themselves there and confirms; Keycloak's first broker login makes their account
 * (no password) and the portal shows them signed in with their name, their CCCD (masked) and level 2 from the
 * national provider, without having verified anything on the platform. They submit a dossier that needs level 2
 * through the wizard and find it in "Hồ sơ của tôi". axe-core on the pages at 360×640 and 1280×800.
 */
@Order(7)
@ExtendWith(PlatformExtension.class)
class NationalSignOnJourneyIT {

    static final String NATIONAL_IDENTITY = "http://127.0.0.1:8094";

    @Test
    void aResidentWithoutAnAccountSignsInWithVneidAtLevelTwoAndSubmitsADossier() throws Exception {
        JsonNode resident = nextLevelTwoResident();
        String nationalId = resident.get("nationalId").asString();
        String fullName = resident.get("fullName").asString();

        ChromeDriver chrome = Chromium.start();
        List<String> problems = new ArrayList<>();
        try {
            Chromium.viewport(chrome, 360, 640);
            chrome.get(GATEWAY + "/");
            problems.addAll(PageCheck.problems(chrome, "home with the VNeID link at 360×640"));
            Chromium.screenshot(chrome, "platform-national-home-360x640");

            // the header's link: Keycloak goes straight to the national provider (kc_idp_hint), no Keycloak page
            Chromium.follow(chrome, By.linkText("Đăng nhập bằng VNeID"));
            new WebDriverWait(chrome, Duration.ofSeconds(60))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/authorize']")));
            assertThat(chrome.getCurrentUrl())
                    .as("the national identity's own page, reached through Keycloak's broker")
                    .startsWith(NATIONAL_IDENTITY + "/authorize?")
                    .contains("client_id=egov-keycloak", "code_challenge=");
            Chromium.screenshot(chrome, "platform-national-vneid-360x640");
            chrome.findElement(By.cssSelector("input[name=cccd]")).sendKeys(nationalId);
            Chromium.follow(chrome, By.cssSelector("button[value=approve]"));

            // back in the portal, signed in: Keycloak made the account at the first broker login
            new WebDriverWait(chrome, Duration.ofSeconds(60))
                    .until(driver -> driver.getCurrentUrl().startsWith(GATEWAY + "/ho-so"));
            assertThat(chrome.getTitle()).isEqualTo("Hồ sơ của tôi · Cổng dịch vụ công");
            assertThat(chrome.findElement(By.tagName("main")).getText()).contains("Bạn chưa nộp hồ sơ nào.");
            assertThat(chrome.findElements(By.linkText("Đăng nhập bằng VNeID")))
                    .as("signed in: no sign-in links")
                    .isEmpty();

            chrome.get(GATEWAY + "/tai-khoan");
            String account = chrome.findElement(By.tagName("main")).getText();
            assertThat(account)
                    .as("their name and CCCD from the national identity, level 2 without verifying here")
                    .contains(fullName)
                    .contains(nationalId.substring(0, 3) + "******" + nationalId.substring(9))
                    // (the simulator's synthetic email is <cccd>@vneid.test, so only the CCCD's own line is checked)
                    .doesNotContain("Số định danh cá nhân\n" + nationalId)
                    .contains("Mức 2");
            assertThat(chrome.findElements(By.cssSelector("form[action='/tai-khoan/xac-minh']")))
                    .as("nothing left to verify")
                    .isEmpty();
            for (int[] size : PageCheck.SIZES) {
                Chromium.viewport(chrome, size[0], size[1]);
                problems.addAll(PageCheck.problems(chrome, "account at " + size[0] + "×" + size[1]));
                Chromium.screenshot(chrome, "platform-national-account-" + size[0] + "x" + size[1]);
            }

            // a procedure that needs level 2, submitted through the wizard, then in "my dossiers"
            Chromium.viewport(chrome, 1280, 800);
            String code = submitsTheHouseholdBusiness(chrome);
            chrome.get(GATEWAY + "/ho-so");
            assertThat(chrome.findElement(By.tagName("main")).getText())
                    .contains(code, "Đăng ký thành lập hộ kinh doanh");
            Chromium.screenshot(chrome, "platform-national-my-dossiers-1280x800");

            // signing in again nationally is the same account (linked at the first sign-in), not a new one
            chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            chrome.get(GATEWAY + "/dang-nhap?vneid");
            new WebDriverWait(chrome, Duration.ofSeconds(60))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/authorize']")));
            chrome.findElement(By.cssSelector("input[name=cccd]")).sendKeys(nationalId);
            Chromium.follow(chrome, By.cssSelector("button[value=approve]"));
            new WebDriverWait(chrome, Duration.ofSeconds(60))
                    .until(driver -> driver.getCurrentUrl().startsWith(GATEWAY + "/ho-so"));
            assertThat(chrome.findElement(By.tagName("main")).getText()).contains(code);
        } finally {
            chrome.quit();
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    /**
     * A squatted CCCD recovered by its owner (decisions 41 and 63): someone registered the resident's CCCD with a
     * password first; the owner's VNeID sign-in stops at Keycloak's "account already exists" step, which offers
     * "Lấy lại số định danh của bạn"; the portal's page sends the owner to the national identity through
     * identity-service's own client, and comes back saying it is recovered; the owner then signs in with VNeID and
     * lands signed in at level 2 in an account of their own, while the squatter's password no longer works.
     * axe-core on the recovery page before and after, at 360×640 and 1280×800.
     */
    @Test
    void aCccdSquattedByAPasswordRegistrationIsRecoveredByItsOwnersNationalSignIn() throws Exception {
        People.Citizen squatter = People.register(nextLevelTwoResident());
        ChromeDriver chrome = Chromium.start();
        List<String> problems = new ArrayList<>();
        try {
            Chromium.viewport(chrome, 1280, 800);
            chrome.get(GATEWAY + "/dang-nhap?vneid");
            approveNationally(chrome, squatter.nationalId());
            new WebDriverWait(chrome, Duration.ofSeconds(60))
                    .until(driver -> driver.getCurrentUrl().contains("/auth/realms/egov/"));
            assertThat(chrome.getPageSource())
                    .as("Keycloak's first broker login (\"account already exists\"), not the portal")
                    .contains("login-actions/first-broker-login");
            Chromium.screenshot(chrome, "platform-national-squatted-1280x800");

            // the way out Keycloak's page offers: the portal's recovery page, then the national identity again
            Chromium.follow(chrome, By.linkText("Lấy lại số định danh của bạn"));
            assertThat(chrome.getCurrentUrl()).isEqualTo(GATEWAY + "/dang-nhap/lay-lai");
            for (int[] size : PageCheck.SIZES) {
                Chromium.viewport(chrome, size[0], size[1]);
                problems.addAll(PageCheck.problems(chrome, "recovery page at " + size[0] + "×" + size[1]));
                Chromium.screenshot(chrome, "platform-national-recovery-" + size[0] + "x" + size[1]);
            }
            Chromium.follow(chrome, By.id("recovery-start"));
            assertThat(chrome.getCurrentUrl())
                    .as("identity-service's own client at the national identity")
                    .startsWith(NATIONAL_IDENTITY + "/authorize?")
                    .contains("client_id=egov-recovery");
            approveNationally(chrome, squatter.nationalId());
            new WebDriverWait(chrome, Duration.ofSeconds(60))
                    .until(driver -> driver.getCurrentUrl().startsWith(GATEWAY + "/dang-nhap/lay-lai?"));
            assertThat(chrome.getCurrentUrl()).endsWith("ket-qua=da-lay-lai");
            assertThat(chrome.findElement(By.id("recovery-outcome")).getText())
                    .contains("Đã lấy lại số định danh của bạn");
            for (int[] size : PageCheck.SIZES) {
                Chromium.viewport(chrome, size[0], size[1]);
                problems.addAll(PageCheck.problems(chrome, "recovered at " + size[0] + "×" + size[1]));
                Chromium.screenshot(chrome, "platform-national-recovered-" + size[0] + "x" + size[1]);
            }

            // the owner signs in with VNeID: Keycloak makes the owner's own account now that the CCCD is free
            Chromium.follow(chrome, By.id("recovery-sign-in"));
            approveNationally(chrome, squatter.nationalId());
            new WebDriverWait(chrome, Duration.ofSeconds(60))
                    .until(driver -> driver.getCurrentUrl().startsWith(GATEWAY + "/ho-so"));
            assertThat(chrome.findElement(By.tagName("main")).getText())
                    .as("a new account: none of the squatter's dossiers")
                    .contains("Bạn chưa nộp hồ sơ nào.");
            chrome.get(GATEWAY + "/tai-khoan");
            assertThat(chrome.findElement(By.tagName("main")).getText()).contains("Mức 2");
        } finally {
            chrome.quit();
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
        assertThatThrownBy(squatter::token)
                .as("the squatter's account is disabled: its password no longer signs in")
                .isInstanceOf(AssertionError.class);
    }

    /** The national identity's page (through Keycloak's broker or identity-service's client): the resident approves. */
    private static void approveNationally(ChromeDriver chrome, String nationalId) {
        new WebDriverWait(chrome, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/authorize']")));
        chrome.findElement(By.cssSelector("input[name=cccd]")).sendKeys(nationalId);
        Chromium.follow(chrome, By.cssSelector("button[value=approve]"));
    }

    /**
     * The next resident of the registry simulator (not used by another journey) whom the national identity knows at
     * level 2 (every fourth has only level 1).
     */
    private static JsonNode nextLevelTwoResident() {
        List<JsonNode> national = Api.list(Api.get(NATIONAL_IDENTITY + "/api/v1/identities/sample?limit=500", null)
                .json());
        for (int tries = 0; tries < 8; tries++) {
            JsonNode resident = People.nextResident();
            String nationalId = resident.get("nationalId").asString();
            boolean levelTwo = national.stream()
                    .anyMatch(i -> i.get("cccd").asString().equals(nationalId)
                            && i.get("level").asInt() == 2);
            if (levelTwo) {
                return resident;
            }
        }
        throw new AssertionError("no level-2 resident among the next eight");
    }

    /** The wizard of "Đăng ký thành lập hộ kinh doanh" (level 2), as PortalCitizenJourneyIT fills it. */
    private static String submitsTheHouseholdBusiness(ChromeDriver chrome) throws Exception {
        chrome.get(GATEWAY + "/thu-tuc/1.001612");
        Chromium.follow(chrome, By.linkText("Nộp hồ sơ trực tuyến"));
        chrome.findElement(By.id("field-businessName")).sendKeys("Hộ kinh doanh Quán cơm Bình Minh");
        chrome.findElement(By.id("field-businessLine")).sendKeys("Dịch vụ ăn uống");
        chrome.findElement(By.id("field-capitalVnd")).sendKeys("30000000");
        Chromium.follow(chrome, By.cssSelector("form.wizard-form button[type=submit]"));
        chrome.findElement(By.id("file-GIAY_DE_NGHI"))
                .sendKeys(pdf("giay-de-nghi.pdf", "giay de nghi").toString());
        chrome.findElement(By.id("file-HOP_DONG_THUE"))
                .sendKeys(pdf("hop-dong-thue.pdf", "hop dong thue").toString());
        Chromium.follow(chrome, By.cssSelector("form.wizard-form button[type=submit]"));
        Chromium.follow(chrome, By.xpath("//main//form//button[normalize-space()='Nộp hồ sơ']"));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Đã nộp hồ sơ");
        return chrome.findElement(By.cssSelector(".details .code")).getText().strip();
    }

    private static java.nio.file.Path pdf(String name, String text) throws java.io.IOException {
        java.nio.file.Path file =
                java.nio.file.Files.createTempDirectory("national-journey").resolve(name);
        java.nio.file.Files.writeString(
                file,
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + text + "\n",
                java.nio.charset.StandardCharsets.US_ASCII);
        return file;
    }
}

package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.egov.testsupport.browser.Chromium;

/**
 * The officers' desk of the web portal against the real platform, by clicking and typing in Chromium: the demo
 * officer signs in on Keycloak's page (the portal reads the staff role from Keycloak's real access token), opens a
 * citizen's just-submitted dossier from the queue's search, receives and forwards it; the approver, in a browser of
 * their own, resolves it with a PDF; the officer returns the result. Each step's success flash and the status the
 * API then has; the queue and the dossier page with axe-core at 360×640 and 1280×800 (screenshots
 * target/screenshots/desk-journey-*.png); the citizen's desk address is the staff-only page.
 */
@Order(7)
@ExtendWith(PlatformExtension.class)
class OfficerDeskJourneyIT {

    private final List<String> problems = new ArrayList<>();

    @Test
    void anOfficerReceivesAndForwardsTheApproverResolvesAndTheOfficerReturnsTheResult() throws Exception {
        String citizen = People.token(People.DEMO_CITIZEN);
        String code = Dossiers.created(Dossiers.submitBirthRegistration(citizen, "Lê Minh Khang"))
                .get("code")
                .asString();

        ChromeDriver officer = Chromium.start();
        ChromeDriver approver = Chromium.start();
        try {
            Chromium.viewport(officer, 1280, 800);
            officer.get(GATEWAY + "/motcua");
            Desk.signInOnKeycloaksPage(officer, People.OFFICER);
            assertThat(officer.getCurrentUrl()).isEqualTo(GATEWAY + "/motcua");
            assertThat(officer.findElement(By.tagName("h1")).getText()).isEqualTo("Hồ sơ cần xử lý");
            assertThat(officer.findElement(By.cssSelector(".account-items .desk-link"))
                            .getText())
                    .isEqualTo("Bàn làm việc");
            check(officer, "desk-journey-queue");

            // the queue's search opens the dossier by its code
            officer.findElement(By.id("q")).sendKeys(code);
            Chromium.follow(officer, By.cssSelector(".desk-search button"));
            assertThat(officer.getCurrentUrl()).isEqualTo(GATEWAY + "/motcua/ho-so/" + code);
            assertThat(officer.findElement(By.cssSelector(".details .status")).getText())
                    .isEqualTo("Đã nộp, chờ tiếp nhận");
            check(officer, "desk-journey-dossier");

            Desk.act(officer, "receive", "Đủ thành phần hồ sơ");
            assertThat(Desk.notice(officer)).isEqualTo("Đã tiếp nhận hồ sơ.");
            assertThat(officer.findElement(By.cssSelector(".details .status")).getText())
                    .isEqualTo("Đã tiếp nhận");
            Desk.act(officer, "forward", "Chuyển lãnh đạo phê duyệt");
            assertThat(Desk.notice(officer)).isEqualTo("Đã chuyển hồ sơ để giải quyết.");

            // the approver resolves with the decision, confirming it
            Chromium.viewport(approver, 1280, 800);
            approver.get(GATEWAY + "/motcua/ho-so/" + code);
            Desk.signInOnKeycloaksPage(approver, People.APPROVER);
            assertThat(approver.getCurrentUrl()).isEqualTo(GATEWAY + "/motcua/ho-so/" + code);
            approver.findElement(By.cssSelector("#action-resolve > summary")).click();
            approver.findElement(By.id("resolve-result"))
                    .sendKeys(Desk.pdf("trich-luc-khai-sinh.pdf", "trich luc").toString());
            approver.findElement(By.id("resolve-note")).sendKeys("Đồng ý cấp trích lục");
            approver.findElement(By.id("resolve-confirm")).click();
            Chromium.follow(approver, By.id("resolve-submit"));
            assertThat(Desk.notice(approver)).isEqualTo("Đã phê duyệt kết quả.");
            assertThat(approver.findElement(By.cssSelector(".details .status")).getText())
                    .isEqualTo("Đã có kết quả");

            // the officer returns it online (the counter and the post are the other ways, each its own form)
            officer.get(GATEWAY + "/motcua/ho-so/" + code);
            Desk.open(officer, "return-result");
            officer.findElement(By.id("return-result-confirm")).click();
            Chromium.follow(officer, By.id("return-result-submit"));
            assertThat(Desk.notice(officer)).isEqualTo("Đã trả kết quả cho người nộp.");
            assertThat(Dossiers.view(citizen, code).get("status").asText()).isEqualTo("RESULT_RETURNED");
            assertThat(officer.findElement(By.cssSelector(".timeline")).getText())
                    .contains("Tiếp nhận", "Chuyển xử lý", "Phê duyệt kết quả", "Trả kết quả");
        } finally {
            officer.quit();
            approver.quit();
        }

        // the citizen on the desk's address: the staff-only page
        ChromeDriver an = Chromium.start();
        try {
            an.get(GATEWAY + "/motcua");
            Desk.signInOnKeycloaksPage(an, People.DEMO_CITIZEN);
            assertThat(an.findElement(By.tagName("h1")).getText()).isEqualTo("Trang dành cho cán bộ");
        } finally {
            an.quit();
        }
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    private void check(ChromeDriver chrome, String name) {
        Desk.check(chrome, name, problems);
    }
}

package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import vn.egov.testsupport.browser.Chromium;

/**
 * The one-stop desk's walk-in, issue 15's journey, by clicking and typing in Chromium against the real platform: a
 * resident with no account comes to the counter; the officer takes the dossier in the intake wizard with two scans
 * (the application as an original, the lease as a copy), records the fee paid in cash (a receipt in the agency's
 * own series) and prints Mẫu 01 (its text read back from the PDF); forwards it; the approver resolves it with the
 * decision; the officer hands the result over at the counter to the applicant (name and CCCD). Two more walk-ins,
 * driven through the API, go the other ways (a supplement request then a stop; an apology with a new date then a
 * refusal), so that every official form of Thông tư 03/2025 is printed from the desk: 01–06 from the dossiers'
 * pages and 07, the register, for today. Later the applicant registers, verifies their identity, signs in and finds
 * the dossier and its result in their account (the walk-in is claimed by the CCCD at level 2). Desk pages with
 * axe-core at 360×640 and 1280×800 (screenshots target/screenshots/walk-in-journey-*.png).
 */
@Order(7)
@ExtendWith(PlatformExtension.class)
class OfficerWalkInJourneyIT {

    private static final String HOUSEHOLD_BUSINESS = "1.001612";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final List<String> problems = new ArrayList<>();

    @Test
    void aWalkInIsTakenWithTwoScansAndCashResolvedHandedOverAtTheCounterAndLaterFoundByItsApplicantOnline()
            throws Exception {
        JsonNode resident = People.nextResident();
        String nationalId = resident.get("nationalId").asString();
        String fullName = resident.get("fullName").asString();
        Path application = Desk.pdf("giay-de-nghi.pdf", "giay de nghi dang ky ho kinh doanh");
        Path lease = Desk.pdf("hop-dong-thue.pdf", "hop dong thue dia diem");
        String officerToken = People.token(People.OFFICER);
        String code;
        // every official form printed from the desk, by number: the PDF's text
        Map<String, String> printed = new TreeMap<>();

        ChromeDriver officer = Chromium.start();
        ChromeDriver approver = Chromium.start();
        try {
            Chromium.viewport(officer, 1280, 800);
            officer.get(GATEWAY + "/motcua/tiep-nhan");
            Desk.signInOnKeycloaksPage(officer, People.OFFICER);
            assertThat(officer.findElement(By.tagName("h1")).getText()).isEqualTo("Tiếp nhận hồ sơ trực tiếp");

            // 1. the applicant, from the CCCD card they hand over
            officer.findElement(By.id("applicant-nationalId")).sendKeys(nationalId);
            officer.findElement(By.id("applicant-fullName")).sendKeys(fullName);
            officer.executeScript(
                    "arguments[0].value = arguments[1]",
                    officer.findElement(By.id("applicant-dateOfBirth")),
                    resident.get("dateOfBirth").asString());
            officer.findElement(By.id("applicant-phone")).sendKeys("09" + nationalId.substring(4));
            Chromium.follow(officer, By.id("walk-in-next"));
            // 2. the procedure
            new Select(officer.findElement(By.id("walk-in-procedure"))).selectByValue(HOUSEHOLD_BUSINESS);
            Chromium.follow(officer, By.id("walk-in-next"));
            // 3. the form and the two scans: the application's original, the lease's copy
            officer.findElement(By.id("form-businessName")).sendKeys("Tạp hoá " + fullName);
            officer.findElement(By.id("form-businessLine")).sendKeys("Bán lẻ đồ dùng gia đình");
            officer.findElement(By.id("form-capitalVnd")).sendKeys("80000000");
            officer.findElement(By.id("file-GIAY_DE_NGHI")).sendKeys(application.toString());
            officer.findElement(By.id("file-GIAY_DE_NGHI-original")).click();
            officer.findElement(By.id("file-HOP_DONG_THUE")).sendKeys(lease.toString());
            officer.findElement(By.id("file-HOP_DONG_THUE-copy")).click();
            check(officer, "walk-in-journey-scans");
            Chromium.follow(officer, By.id("walk-in-receive"));
            // 4. the fee, in cash
            assertThat(officer.findElement(By.cssSelector("p.lead")).getText())
                    .as("the fee step, not the scans again: %s", errorsOn(officer))
                    .startsWith("Lệ phí phải nộp: 100.000");
            check(officer, "walk-in-journey-fee");
            officer.findElement(By.id("fee-cash")).click();
            officer.findElement(By.id("fee-payer")).sendKeys(fullName);
            Chromium.follow(officer, By.id("walk-in-pay"));
            // 5. received: the code, the appointment, the receipt in Ba Đình's own series
            assertThat(officer.findElement(By.tagName("h1")).getText()).isEqualTo("Đã tiếp nhận hồ sơ");
            code = officer.findElement(By.cssSelector(".dossier-code")).getText();
            int year = LocalDate.now(VIETNAM).getYear();
            assertThat(officer.findElement(By.cssSelector(".details")).getText())
                    .contains(fullName, "Tiền mặt", People.BA_DINH + "/" + year + "/");
            check(officer, "walk-in-journey-done");

            // Mẫu 01, as printed from the wizard's last step
            String receipt = Desk.download(
                            officer,
                            officer.findElement(By.id("walk-in-form-01")).getAttribute("href"))
                    .pdfText();
            assertThat(receipt)
                    .contains("Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", code, fullName)
                    .contains("Ủy ban nhân dân phường Ba Đình");

            // what the API has: received at the counter, both scans with their kind, paid at the counter
            JsonNode taken = Dossiers.view(officerToken, code);
            assertThat(taken.get("status").asString()).isEqualTo("RECEIVED");
            assertThat(taken.get("channel").asString()).isEqualTo("DIRECT");
            assertThat(Api.list(taken.get("documents")).stream()
                            .map(d -> d.get("requirementCode").asString() + ":"
                                    + d.get("copyKind").asString())
                            .toList())
                    .containsExactlyInAnyOrder("GIAY_DE_NGHI:ORIGINAL", "HOP_DONG_THUE:COPY");
            assertThat(taken.get("walkInApplicant").get("fullName").asString()).isEqualTo(fullName);
            assertThat(taken.get("walkInApplicant").get("nationalIdMasked").asString())
                    .doesNotContain(nationalId);

            // the officer forwards it; the approver resolves it with the decision
            officer.get(GATEWAY + "/motcua/ho-so/" + code);
            Desk.act(officer, "forward", "Chuyển lãnh đạo phê duyệt");
            assertThat(Desk.notice(officer)).isEqualTo("Đã chuyển hồ sơ để giải quyết.");

            Chromium.viewport(approver, 1280, 800);
            approver.get(GATEWAY + "/motcua/ho-so/" + code);
            Desk.signInOnKeycloaksPage(approver, People.APPROVER);
            Desk.open(approver, "resolve");
            approver.findElement(By.id("resolve-result"))
                    .sendKeys(Desk.pdf("giay-chung-nhan-ho-kinh-doanh.pdf", "giay chung nhan")
                            .toString());
            approver.findElement(By.id("resolve-note")).sendKeys("Cấp giấy chứng nhận đăng ký hộ kinh doanh");
            approver.findElement(By.id("resolve-confirm")).click();
            Chromium.follow(approver, By.id("resolve-submit"));
            assertThat(Desk.notice(approver)).isEqualTo("Đã phê duyệt kết quả.");

            // the applicant comes back to the counter: the officer hands the result over to them
            officer.get(GATEWAY + "/motcua/ho-so/" + code);
            Desk.open(officer, "return-counter");
            officer.findElement(By.id("return-counter-collector")).sendKeys(fullName);
            officer.findElement(By.id("return-counter-collector-id")).sendKeys(nationalId);
            officer.findElement(By.id("return-counter-note")).sendKeys("Người nộp nhận trực tiếp bản chính");
            if (!officer.findElements(By.id("return-counter-confirm")).isEmpty()) {
                officer.findElement(By.id("return-counter-confirm")).click();
            }
            Chromium.follow(officer, By.id("return-counter-submit"));
            assertThat(Desk.notice(officer)).isEqualTo("Đã trả kết quả tại quầy.");
            assertThat(officer.findElement(By.cssSelector(".details .status")).getText())
                    .isEqualTo("Đã trả kết quả");
            check(officer, "walk-in-journey-handed-over");
            JsonNode returned = Dossiers.view(officerToken, code);
            assertThat(returned.get("status").asString()).isEqualTo("RESULT_RETURNED");
            assertThat(returned.get("resultDelivery").get("method").asString()).isEqualTo("COUNTER");
            assertThat(returned.get("resultDelivery").get("collectedByName").asString())
                    .isEqualTo(fullName);

            // two more walk-ins the other ways, through the API: supplement then stop; apology then refusal
            String stopped = walkIn(officerToken, People.nextResident());
            Dossiers.acted(
                    officerToken,
                    stopped,
                    "request-supplement",
                    Map.of("reason", "Thiếu hợp đồng thuê địa điểm", "missingDocuments", List.of("HOP_DONG_THUE")));
            Dossiers.acted(
                    officerToken,
                    stopped,
                    "stop-processing",
                    Map.of("reason", "Người nộp đề nghị dừng giải quyết để nộp lại sau"));
            String refused = walkIn(officerToken, People.nextResident());
            LocalDate due = LocalDate.parse(
                    Dossiers.view(officerToken, refused).get("dueDate").asString());
            Dossiers.acted(
                    officerToken,
                    refused,
                    "extend-deadline",
                    Map.of(
                            "reason",
                            "Cần xác minh địa điểm kinh doanh",
                            "newAppointmentDate",
                            Dossiers.workingDayFrom(due.plusDays(7)).toString()));
            Dossiers.acted(
                    officerToken, refused, "reject", Map.of("reason", "Ngành nghề đăng ký thuộc diện cấm kinh doanh"));

            // every form each dossier's page offers, printed as the officer prints it
            for (String dossier : List.of(code, stopped, refused)) {
                officer.get(GATEWAY + "/motcua/ho-so/" + dossier);
                List<String> links = officer.findElements(By.cssSelector("ul.documents a[href*='/mau/']")).stream()
                        .map(a -> a.getAttribute("href"))
                        .toList();
                assertThat(links).as("forms of %s", dossier).isNotEmpty();
                for (String link : links) {
                    String form = link.substring(link.lastIndexOf('/') + 1);
                    Desk.Download pdf = Desk.download(officer, link);
                    assertThat(pdf.status()).as("%s of %s", form, dossier).isEqualTo(200);
                    String text = pdf.pdfText();
                    assertThat(text).as("Mẫu %s of %s", form, dossier).contains("Mẫu số " + form, dossier);
                    printed.merge(form, text, (a, b) -> a + "\n" + b);
                }
            }
            assertThat(printed.get("02")).contains("Hợp đồng thuê địa điểm kinh doanh");
            assertThat(printed.get("03")).contains("Ngành nghề đăng ký thuộc diện cấm kinh doanh");
            assertThat(printed.get("04")).contains("Cần xác minh địa điểm kinh doanh");
            assertThat(printed.get("05")).contains("Người nộp đề nghị dừng giải quyết");
            assertThat(printed.get("06")).contains(code);

            // Mẫu 07, the register of today, from the desk's register page
            officer.get(GATEWAY + "/motcua/so-theo-doi");
            check(officer, "walk-in-journey-register");
            String today = LocalDate.now(VIETNAM).toString();
            Desk.Download register =
                    Desk.download(officer, GATEWAY + "/motcua/so-theo-doi?from=" + today + "&to=" + today);
            assertThat(register.status()).isEqualTo(200);
            printed.put("07", register.pdfText());
            assertThat(printed.get("07")).contains("Mẫu số 07", code, stopped, refused);
            assertThat(printed.keySet()).containsExactly("01", "02", "03", "04", "05", "06", "07");
        } finally {
            officer.quit();
            approver.quit();
        }

        // later: the applicant registers and verifies their identity, then finds the dossier and its result
        People.Citizen applicant = People.verified(People.register(resident));
        ChromeDriver chrome = Chromium.start();
        try {
            Chromium.viewport(chrome, 1280, 800);
            chrome.get(GATEWAY + "/ho-so");
            Desk.signInOnKeycloaksPage(chrome, applicant.nationalId(), applicant.password());
            assertThat(chrome.getCurrentUrl()).isEqualTo(GATEWAY + "/ho-so");
            WebElement card = chrome.findElements(By.cssSelector(".dossiers li.card")).stream()
                    .filter(li -> li.getText().contains(code))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the walk-in " + code + " is not in the applicant's list"));
            assertThat(card.getText()).contains("Đã trả kết quả");
            Chromium.follow(chrome, By.cssSelector("a[href='/ho-so/" + code + "']"));
            assertThat(chrome.findElement(By.tagName("body")).getText())
                    .contains(code, "Tải về giay-chung-nhan-ho-kinh-doanh.pdf");
            String result = chrome.findElement(By.partialLinkText("giay-chung-nhan-ho-kinh-doanh.pdf"))
                    .getAttribute("href");
            Desk.Download file = Desk.download(chrome, result);
            assertThat(file.status()).isEqualTo(200);
            assertThat(new String(file.body(), java.nio.charset.StandardCharsets.US_ASCII))
                    .startsWith("%PDF")
                    .contains("giay chung nhan");
            Desk.check(chrome, "walk-in-journey-applicant-dossier", problems);
        } finally {
            chrome.quit();
        }
        assertThat(Dossiers.view(applicant.token(), code).get("status").asString())
                .isEqualTo("RESULT_RETURNED");
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    /** A walk-in household business registration taken through the API, with the application's scan. */
    private static String walkIn(String officerToken, JsonNode resident) {
        Map<String, Object> dossier = Map.of(
                "applicant",
                Desk.walkInApplicant(resident),
                "procedureCode",
                HOUSEHOLD_BUSINESS,
                "formData",
                Map.of(
                        "businessName",
                        "Cửa hàng " + resident.get("fullName").asString(),
                        "businessLine",
                        "Bán lẻ",
                        "capitalVnd",
                        30_000_000),
                "documents",
                List.of(Map.of(
                        "requirementCode", "GIAY_DE_NGHI", "fileName", "giay-de-nghi.pdf", "copyKind", "ORIGINAL")));
        Api.Response taken = Api.postMultipart(
                GATEWAY + "/api/v1/desk/dossiers",
                officerToken,
                List.of(Api.Part.json("dossier", dossier), Api.Part.pdf("files", "giay-de-nghi.pdf", "giay de nghi")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(taken.status()).as("walk-in: %s", taken).isEqualTo(201);
        return taken.json().get("code").asString();
    }

    /** The page's error summary and field errors, for a failure's message. */
    private static String errorsOn(ChromeDriver chrome) {
        return chrome.findElements(By.cssSelector(".error-summary, .field-error")).stream()
                .map(WebElement::getText)
                .toList()
                .toString();
    }

    private void check(ChromeDriver chrome, String name) {
        Desk.check(chrome, name, problems);
    }
}

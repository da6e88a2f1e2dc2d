package vn.egov.dossier.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.dossier.dossier.DossierApi;
import vn.egov.dossier.dossier.SubmissionBuilder;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * The official forms through the API on a real PostgreSQL, from dossiers taken through the desk: each PDF opens
 * with PDFBox and its extracted text names the dossier, the agency and the applicant in Vietnamese as written; Mẫu
 * 01's QR code, rendered and decoded, is the public lookup URL with the lookup secret; the same data gives the same
 * bytes; refusals (someone else's dossier, a form whose step has not happened, the register of another agency).
 * Same configuration as {@code MovableClockIT} and {@code DeadlineExplanationIT} (one Spring context): the test clock
 * fixes the day, so the register's period is known.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "egov.dossier.test-clock.enabled=true",
            "egov.test.database=dossier_test_clock",
            "egov.dossier.overdue-check.interval=1h"
        })
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class OfficialFormsIT {

    static final String CLOCK = "/api/v1/test/clock";
    static final String BA_DINH_NAME = "Ủy ban nhân dân phường Ba Đình";
    static final String APPLICANT = "Trần Thị Bích Ngọc";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.egov.dossier.calendar.WorkingDayCalendar calendar;

    DossierApi api() {
        return new DossierApi(port);
    }

    @AfterEach
    void resetClock() {
        assertThat(api().request("DELETE", CLOCK, null, null).statusCode()).isEqualTo(200);
    }

    void clockAt(String instant) {
        HttpResponse<String> moved = api().request("PUT", CLOCK, null, "{\"instant\":\"" + instant + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }

    /** Marriage registration at Ba Đình (zero fee, partial online): the applicant's name is a form field. */
    static SubmissionBuilder aMarriageRegistration() {
        return SubmissionBuilder.aSubmission("1.000894")
                .with("applicantName", APPLICANT)
                .with("applicantDateOfBirth", "1995-04-12")
                .with("partnerName", "Lê Văn Hùng")
                .with("partnerNationalId", "001094012345")
                .with("partnerDateOfBirth", "1994-01-02")
                .withDocument("TO_KHAI", "to-khai.pdf", "application/pdf", DossierApi.PDF)
                .withDocument("XAC_NHAN_HON_NHAN", "xac-nhan.pdf", "application/pdf", DossierApi.PDF);
    }

    HttpResponse<byte[]> getBytes(String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return DossierApi.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A form as a PDF: 200, application/pdf, the Vietnamese file name; its bytes. */
    byte[] pdf(String path, String token) {
        HttpResponse<byte[]> response = getBytes(path, token);
        assertThat(response.statusCode()).as(() -> new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        return response.body();
    }

    /** Each form as generated, under target/official-forms, to look at after a run. */
    static byte[] kept(String name, byte[] pdf) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "official-forms");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name + ".pdf"), pdf);
        return pdf;
    }

    /** The text PDFBox extracts, with runs of white space (line breaks of wrapped lines) as one space. */
    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /**
     * The QR code on the first page, as a phone's reader would find it on the whole page, held at any of the four
     * orientations: ZXing's detector alone misses about one valid code in five of this size at one orientation
     * (measured: 64 of 300 random lookup URLs, none once the four orientations are tried), so the test turns the
     * page as a person turns the paper. A code no orientation and resolution reads fails.
     */
    static String qrOnFirstPage(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            com.google.zxing.ReaderException last = null;
            for (int dpi : new int[] {200, 300}) {
                BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
                for (int turn = 0; turn < 4; turn++) {
                    int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
                    BinaryBitmap bitmap = new BinaryBitmap(
                            new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
                    try {
                        return new QRCodeReader()
                                .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                                .getText();
                    } catch (com.google.zxing.ReaderException missed) {
                        last = missed;
                    }
                    page = quarterTurn(page);
                }
            }
            throw last;
        }
    }

    static BufferedImage quarterTurn(BufferedImage image) {
        BufferedImage turned = new BufferedImage(image.getHeight(), image.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                turned.setRGB(y, image.getWidth() - 1 - x, image.getRGB(x, y));
            }
        }
        return turned;
    }

    @Test
    void theFormsOfADossierTakenThroughTheDeskNameItsCodeAgencyAndApplicantAndAreRegeneratedIdentically()
            throws Exception {
        DossierApi api = api();
        String owner = api.citizen("001195016001", 2);
        String officer = api.officer();
        // Tuesday 10/3/2026, 09:00 in Vietnam
        clockAt("2026-03-10T02:00:00Z");

        HttpResponse<String> submitted = api.submit(owner, aMarriageRegistration());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String code = DossierApi.field(submitted.body(), "code");
        String forms = "/api/v1/dossiers/" + code + "/forms";

        // before the receipt no form applies
        assertThat(json(api.service().get(forms, owner)).read("$", List.class)).isEmpty();
        HttpResponse<String> early = api.service().get(forms + "/01", owner);
        assertProblem(early, 409, "form-not-applicable");
        assertThat(json(early).read("$.form", String.class)).isEqualTo("01");
        assertThat(json(early).read("$.detail", String.class)).contains("Mẫu số 01", code);

        HttpResponse<String> received = api.act(code, "receive", officer, "{}");
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        String secret = json(received).read("$.lookupSecret", String.class);
        String due = json(received).read("$.dueDate", String.class);
        assertThat(secret).isNotBlank();

        // the list: what applies now, and where
        HttpResponse<String> listed = api.service().get(forms, owner);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(json(listed).read("$[*].form", List.class)).containsExactly("01", "06");
        assertThat(json(listed).read("$[0].title", String.class)).isEqualTo("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        assertThat(json(listed).read("$[0].url", String.class)).isEqualTo(forms + "/01");

        // Mẫu 01: the receipt, for the owner and the officer alike
        HttpResponse<byte[]> receiptResponse = getBytes(forms + "/01", owner);
        assertThat(receiptResponse.statusCode()).isEqualTo(200);
        assertThat(receiptResponse.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v)
                        .startsWith("inline; filename=\"Mau-so-01-Giay-tiep-nhan-ho-so-va-hen-tra-ket-qua-")
                        .contains("filename*=UTF-8''M%E1%BA%ABu%20s%E1%BB%91%2001%20-%20Gi%E1%BA%A5y%20ti%E1%BA%BFp"
                                + "%20nh%E1%BA%ADn%20h%E1%BB%93%20s%C6%A1")
                        .endsWith(code + ".pdf"));
        byte[] receipt = kept("mau-01", receiptResponse.body());
        String receiptText = text(receipt);
        assertThat(receiptText)
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Mẫu số 01")
                .contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                .contains("Mã hồ sơ: " + code)
                .contains("Cơ quan tiếp nhận: " + BA_DINH_NAME)
                .contains("Tiếp nhận hồ sơ của: " + APPLICANT)
                .contains("Đăng ký kết hôn (mã thủ tục 1.000894)")
                .contains("Tờ khai đăng ký kết hôn", "Giấy xác nhận tình trạng hôn nhân")
                .contains("Thời gian tiếp nhận hồ sơ: 09 giờ 0")
                .contains("Thời gian trả kết quả giải quyết hồ sơ: ngày "
                        + LocalDate.parse(due).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .contains(secret);
        assertThat(qrOnFirstPage(receipt))
                .isEqualTo("http://127.0.0.1:8080/tra-cuu?code=" + code + "&secret=" + secret);
        // the same data, the same bytes (also for the officer), and the same ETag
        assertThat(pdf(forms + "/01", officer)).isEqualTo(receipt);
        assertThat(getBytes(forms + "/01", owner).headers().firstValue("ETag"))
                .isEqualTo(receiptResponse.headers().firstValue("ETag"));

        // someone else's dossier is the same 404 as an unknown code, for every form and the list
        String stranger = api.citizen("001195016002", 2);
        String otherAgency = api.issuer.staff("motcua.hoankiem", "OFFICER", "000.00.02.H26");
        assertProblem(api.service().get(forms + "/01", stranger), 404, "dossier-not-found");
        assertProblem(api.service().get(forms, stranger), 404, "dossier-not-found");
        assertProblem(api.service().get(forms + "/06", otherAgency), 404, "dossier-not-found");
        // a number that is no dossier's form, and forms whose step has not happened
        assertProblem(api.service().get(forms + "/07", owner), 404, "form-not-found");
        assertProblem(api.service().get(forms + "/1", owner), 404, "form-not-found");
        assertProblem(api.service().get(forms + "/03", owner), 409, "form-not-applicable");
        HttpResponse<String> notStopped = api.service().get(forms + "/05", owner, "Accept-Language", "en");
        assertProblem(notStopped, 409, "form-not-applicable");
        assertThat(json(notStopped).read("$.detail", String.class))
                .isEqualTo("Mẫu số 05 does not apply to dossier " + code + ": its history has no such step yet "
                        + "(receipt, supplement request, refusal, extension or stop).");

        // Mẫu 04: the apology and the new appointment
        // ten working days later: a new appointment is a working day
        String newDate = calendar.addWorkingDays(LocalDate.parse(due), 10).toString();
        HttpResponse<String> extended = api.act(
                code,
                "extend-deadline",
                officer,
                "{\"reason\":\"Cần xác minh thêm thông tin hộ tịch\",\"newAppointmentDate\":\"" + newDate + "\"}");
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
        String apology = text(kept("mau-04", pdf(forms + "/04", owner)));
        assertThat(apology)
                .contains("Mẫu số 04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT")
                .contains("Kính gửi: " + APPLICANT)
                .contains(code, BA_DINH_NAME)
                .contains("Lý do: Cần xác minh thêm thông tin hộ tịch")
                .contains("Thời hạn trả kết quả cũ: " + ddMMyyyy(due))
                .contains("Thời hạn trả kết quả mới: " + ddMMyyyy(newDate));
        // the receipt still shows the appointment it gave
        assertThat(text(pdf(forms + "/01", owner))).contains("giải quyết hồ sơ: ngày " + ddMMyyyy(due));

        // Mẫu 02: the request to complete the dossier, with the missing document's name
        HttpResponse<String> supplement = api.act(
                code,
                "request-supplement",
                officer,
                "{\"reason\":\"Giấy xác nhận đã quá 6 tháng\",\"missingDocuments\":[\"XAC_NHAN_HON_NHAN\"]}");
        assertThat(supplement.statusCode()).as(supplement.body()).isEqualTo(200);
        String request = text(kept("mau-02", pdf(forms + "/02", owner)));
        assertThat(request)
                .contains("Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")
                .contains("Mã hồ sơ: " + code, "Hồ sơ của: " + APPLICANT, BA_DINH_NAME)
                .contains("1. Giấy xác nhận tình trạng hôn nhân")
                .contains("Lý do: Giấy xác nhận đã quá 6 tháng");

        // Mẫu 05 follows the stop-processing action by its name in the history (the counter's action, recorded
        // here as its lifecycle would record it)
        assertProblem(api.service().get(forms + "/05", owner), 409, "form-not-applicable");
        jdbc.sql("""
                        insert into dossier_history (dossier_id, action, from_status, to_status, actor_subject,
                                                     actor_role, reason, occurred_at)
                        select id, 'stop-processing', status, status, :actor, 'OFFICER', :reason,
                               timestamptz '2026-03-10 11:00:00+07'
                        from dossier where code = :code""")
                .param("actor", DossierApi.subjectOf("motcua.badinh"))
                .param("reason", "Người yêu cầu đề nghị dừng giải quyết")
                .param("code", code)
                .update();
        String stop = text(kept("mau-05", pdf(forms + "/05", owner)));
        assertThat(stop)
                .contains("Mẫu số 05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ")
                .contains("Kính gửi: " + APPLICANT, code, BA_DINH_NAME)
                .contains("Người yêu cầu đề nghị dừng giải quyết");

        // Mẫu 06: every step, with its actor and time against the appointment
        byte[] control = kept("mau-06", pdf(forms + "/06", officer));
        assertThat(text(control))
                .contains("Mẫu số 06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ")
                .contains("Mã hồ sơ: " + code, "Cơ quan giải quyết hồ sơ: " + BA_DINH_NAME)
                .contains("Người nộp hồ sơ: " + APPLICANT)
                .contains(
                        "Nộp hồ sơ",
                        "Tiếp nhận hồ sơ",
                        "Xin lỗi và gia hạn thời gian giải quyết",
                        "Yêu cầu bổ sung, hoàn thiện hồ sơ",
                        "Dừng giải quyết hồ sơ",
                        "Trước hạn");
        assertThat(pdf(forms + "/06", officer)).isEqualTo(control);
        assertThat(json(api.service().get(forms, owner)).read("$[*].form", List.class))
                .containsExactly("01", "02", "04", "05", "06");

        // Mẫu 03: a dossier refused before it was received
        HttpResponse<String> other = api.submit(owner, aMarriageRegistration());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
        String refusedCode = DossierApi.field(other.body(), "code");
        HttpResponse<String> rejected =
                api.act(refusedCode, "reject", officer, "{\"reason\":\"Thủ tục không thuộc thẩm quyền của phường\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        String refusal = text(kept("mau-03", pdf("/api/v1/dossiers/" + refusedCode + "/forms/03", owner)));
        assertThat(refusal)
                .contains("Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ")
                .contains("Mã hồ sơ: " + refusedCode, "Ông/bà: " + APPLICANT, BA_DINH_NAME)
                .contains("Thủ tục không thuộc thẩm quyền của phường");
        assertProblem(
                api.service().get("/api/v1/dossiers/" + refusedCode + "/forms/01", owner), 409, "form-not-applicable");
        // Mẫu 02 also follows the counter's guidance (counter-guidance, by its name in the history), which names
        // the missing documents without receiving the dossier
        jdbc.sql("""
                        insert into dossier_history (dossier_id, action, from_status, to_status, actor_subject,
                                                     actor_role, reason, details, occurred_at)
                        select id, 'counter-guidance', status, status, :actor, 'OFFICER', :reason,
                               cast(:details as jsonb), timestamptz '2026-03-10 10:00:00+07'
                        from dossier where code = :code""")
                .param("actor", DossierApi.subjectOf("motcua.badinh"))
                .param("reason", "Thiếu tờ khai")
                .param("details", "{\"missingDocuments\":[\"TO_KHAI\"]}")
                .param("code", refusedCode)
                .update();
        String guidance = text(pdf("/api/v1/dossiers/" + refusedCode + "/forms/02", owner));
        assertThat(guidance)
                .contains("Mã hồ sơ: " + refusedCode, "Hồ sơ của: " + APPLICANT, BA_DINH_NAME)
                .contains("1. Tờ khai đăng ký kết hôn", "Lý do: Thiếu tờ khai");

        // Mẫu 07: the agency's register of the day lists the received dossier, not the refused one
        String registerPath = "/api/v1/agencies/000.00.01.H26/register?from=2026-03-10&to=2026-03-10";
        HttpResponse<byte[]> registerResponse = getBytes(registerPath, officer);
        assertThat(registerResponse.statusCode())
                .as(() -> new String(registerResponse.body()))
                .isEqualTo(200);
        assertThat(registerResponse.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("filename*=UTF-8''M%E1%BA%ABu%20s%E1%BB%91%2007"));
        String register = text(kept("mau-07", registerResponse.body()));
        assertThat(register)
                .contains("Mẫu số 07", "SỔ THEO DÕI HỒ SƠ", "Từ ngày 10/03/2026 đến ngày 10/03/2026")
                .contains("Cơ quan: " + BA_DINH_NAME + " (mã 000.00.01.H26)")
                .contains(code, APPLICANT, "Đăng ký kết hôn")
                .doesNotContain(refusedCode);
        String admin = api.issuer.staff("quantri.badinh", "AGENCY_ADMIN", "000.00.01.H26");
        assertThat(pdf(registerPath, admin)).isEqualTo(registerResponse.body());
        assertProblem(api.service().get(registerPath, owner), 403, "register-forbidden");
        assertProblem(api.service().get(registerPath, otherAgency), 403, "register-forbidden");
        assertProblem(
                api.service().get("/api/v1/agencies/000.00.01.H26/register?from=2026-03-10&to=2026-03-01", officer),
                400,
                "register-period-invalid");
        assertProblem(
                api.service().get("/api/v1/agencies/000.00.01.H26/register?from=2025-01-01&to=2026-03-10", officer),
                400,
                "register-period-invalid");
    }

    static String ddMMyyyy(String isoDate) {
        return LocalDate.parse(isoDate).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}

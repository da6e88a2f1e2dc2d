package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The submission wizard and the document store against the stand-in of dossier-service's API: the form generated
 * from the procedure's fields, the documents step (an upload checked by its bytes, a document of the store reused),
 * the review, and the multipart request the API receives — its parts, the user's token and one Idempotency-Key per
 * wizard, so a second click makes no second dossier; the API's field errors next to the fields, the draft kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PortalTestSetup
class SubmissionWizardTest extends WithPublicApi {

    static final String JUDICIAL = "3.000333";
    static final String STORED_PROOF = "5a1e7c3d-2222-4b3c-8d4e-000000000010";
    static final String SUBMITTED_CODE = "000.00.11.H26-261204-0042";
    static final byte[] PDF = "%PDF-1.7 to khai".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    JdbcClient db;

    /** The browser's session cookie, carried from one step to the next as a browser does. */
    Cookie session;

    @BeforeEach
    void stubs() {
        session = null;
        stubJudicialAndTheStore(api);
    }

    /**
     * The judicial record certificate with its form fields (a prefilled one, a choice the fee depends on, a text,
     * a number) and documents, An's document store, and the submission's 201 (shared with {@code WizardBrowserIT}).
     */
    static void stubJudicialAndTheStore(PublicApiStandIn api) {
        api.stubCitizenApi();
        var an = equalTo("Bearer " + PublicApiStandIn.AN_TOKEN);
        api.server.stubFor(get(urlPathEqualTo("/api/v1/procedures/" + JUDICIAL)).willReturn(okJson("""
                {"code":"3.000333","name":"Cấp phiếu lý lịch tư pháp","nameEn":"Judicial record certificate",
                 "agencyCode":"000.00.11.H26","agencyName":"Sở Tư pháp thành phố Hà Nội","level":"PROVINCE",
                 "processingDays":10,"feeVnd":200000,"feeField":"applicantCategory",
                 "feeOptions":{"STUDENT_OR_MERIT":100000},"mode":"FULL_ONLINE","requiredLevelOfAssurance":2,
                 "documents":[
                   {"code":"TO_KHAI","name":"Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp","nameEn":"Judicial record request form",
                    "mandatory":true,"allowedTypes":["application/pdf"]},
                   {"code":"GIAY_UU_TIEN","name":"Giấy tờ chứng minh thuộc đối tượng miễn giảm","nameEn":"Proof of a fee reduction",
                    "mandatory":false,"allowedTypes":["application/pdf","image/jpeg","image/png"]}],
                 "fields":[
                   {"name":"applicantName","label":"Họ tên người yêu cầu","labelEn":"Applicant's name","type":"TEXT",
                    "required":true,"options":null,"maxLength":100,"prefill":"APPLICANT_FULL_NAME"},
                   {"name":"applicantCategory","label":"Đối tượng","labelEn":"Applicant category","type":"SELECT",
                    "required":true,"options":["STANDARD","STUDENT_OR_MERIT"],"maxLength":null,"prefill":null},
                   {"name":"purpose","label":"Mục đích sử dụng phiếu","labelEn":"Purpose","type":"TEXT",
                    "required":true,"options":null,"maxLength":200,"prefill":null},
                   {"name":"copies","label":"Số lượng phiếu","labelEn":"Number of copies","type":"NUMBER",
                    "required":true,"options":null,"maxLength":null,"prefill":null}]}""")));
        api.server.stubFor(get(urlPathEqualTo("/api/v1/documents"))
                .withHeader("Authorization", an)
                .willReturn(okJson("""
                        {"items":[
                          {"id":"%s","requirementCode":"GIAY_UU_TIEN","kind":"SUBMITTED","fileName":"the-sinh-vien.png",
                           "contentType":"image/png","sizeBytes":153600,"sha256":"aa","uploadedAt":"2026-11-20T03:00:00Z",
                           "dossierCode":"000.00.11.H26-261120-0003","procedureCode":"3.000333",
                           "procedureName":"Cấp phiếu lý lịch tư pháp","agencyName":"Sở Tư pháp thành phố Hà Nội"},
                          {"id":"7d0f3c1e-1111-4a2b-9c3d-000000000003","requirementCode":null,"kind":"RESULT",
                           "fileName":"giay-khai-sinh.pdf","contentType":"application/pdf","sizeBytes":2048,"sha256":"ef",
                           "uploadedAt":"2026-12-02T03:00:00Z","dossierCode":"%s","procedureCode":"1.001193",
                           "procedureName":"Đăng ký khai sinh","agencyName":"Ủy ban nhân dân phường Ba Đình"}],
                         "page":0,"size":100,"totalItems":2,"totalPages":1}""".formatted(STORED_PROOF, PublicApiStandIn.AN_RESOLVED))));
        api.server.stubFor(post(urlPathEqualTo("/api/v1/dossiers"))
                .withHeader("Authorization", an)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(answer())));
    }

    /**
     * Death registration, offered by four wards: two online today, one no longer (its offering ended), one only at
     * the counter (shared with {@code WizardBrowserIT}).
     */
    static void stubDeathRegistration(PublicApiStandIn api) {
        api.server.stubFor(get(urlPathEqualTo("/api/v1/procedures/1.000656")).willReturn(okJson("""
                {"code":"1.000656","name":"Đăng ký khai tử","nameEn":"Death registration",
                 "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","level":"COMMUNE",
                 "processingDays":1,"timeLimitUnit":"SAME_DAY","feeVnd":0,"mode":"FULL_ONLINE","requiredLevelOfAssurance":1,
                 "documents":[{"code":"GIAY_BAO_TU","name":"Giấy báo tử","nameEn":"Death notice","mandatory":true,
                               "allowedTypes":["application/pdf"]}],
                 "fields":[{"name":"deceasedName","label":"Họ tên người chết","labelEn":"Name of the deceased",
                            "type":"TEXT","required":true,"maxLength":100}],
                 "agencies":[
                   {"agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","receivesOnline":true,
                    "feeVnd":0,"processingDays":1,"mode":"FULL_ONLINE"},
                   {"agencyCode":"000.00.02.H26","agencyName":"Ủy ban nhân dân phường Hoàn Kiếm","receivesOnline":true,
                    "feeVnd":8000,"processingDays":1,"mode":"FULL_ONLINE"},
                   {"agencyCode":"000.00.03.H26","agencyName":"Ủy ban nhân dân phường Cũ","receivesOnline":true,
                    "feeVnd":0,"processingDays":1,"mode":"FULL_ONLINE","validTo":"2025-06-30"},
                   {"agencyCode":"000.00.04.H26","agencyName":"Ủy ban nhân dân phường Giấy","receivesOnline":false,
                    "feeVnd":0,"processingDays":1,"mode":"FULL_ONLINE"}],
                 "channels":[
                   {"agencyCode":"000.00.02.H26","channel":"ONLINE","feeVnd":6000},
                   {"agencyCode":null,"channel":"DIRECT","feeVnd":10000}]}""")));
    }

    static String answer() {
        return """
                {"code":"%s","status":"AWAITING_PAYMENT","dueDate":null,
                 "payment":{"id":"3c9d7a10-0000-4000-8000-000000000001","amount":100000,
                            "paymentUrl":"http://127.0.0.1:8090/pay/3c9d7a10"},"paymentPending":false}""".formatted(SUBMITTED_CODE);
    }

    RequestPostProcessor an() {
        var portal = registrations.findByRegistrationId("portal");
        RequestPostProcessor user = oidcLogin().clientRegistration(portal).oidcUser(SignInTest.citizen());
        RequestPostProcessor tokens = oauth2Client()
                .clientRegistration(portal)
                .principalName("0c3f7a1e-6d0a-4b7e-9a43-2a1d7b9c1e55")
                .accessToken(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        PublicApiStandIn.AN_TOKEN,
                        Instant.now(),
                        Instant.now().plusSeconds(300)));
        return request -> tokens.postProcessRequest(user.postProcessRequest(request));
    }

    /** A request of An's in the browser's session (the cookie of the last answer that set one). */
    MvcResult perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        request.with(an());
        if (session != null) {
            request.cookie(session);
        }
        MvcResult result = mvc.perform(request).andReturn();
        Cookie set = result.getResponse().getCookie("egov_session");
        if (set != null) {
            session = set;
        }
        return result;
    }

    /** Starts a wizard; the address of its first step. */
    String start() throws Exception {
        MvcResult started = perform(MockMvcRequestBuilders.get("/nop-ho-so/" + JUDICIAL));
        assertThat(started.getResponse().getStatus()).isEqualTo(302);
        String step = started.getResponse().getRedirectedUrl();
        assertThat(step).matches("/nop-ho-so/3\\.000333/[0-9a-f-]{36}/thong-tin");
        return step.substring(0, step.length() - "/thong-tin".length());
    }

    static UUID wizardId(String base) {
        Matcher id = Pattern.compile(".*/([0-9a-f-]{36})$").matcher(base);
        assertThat(id.matches()).isTrue();
        return UUID.fromString(id.group(1));
    }

    MvcResult fillTheForm(String base) throws Exception {
        return perform(MockMvcRequestBuilders.post(base + "/thong-tin")
                .with(csrf())
                .param("field.applicantCategory", "STUDENT_OR_MERIT")
                .param("field.purpose", "Xin việc")
                .param("field.copies", "2"));
    }

    MvcResult chooseDocuments(String base) throws Exception {
        return perform(multipart(base + "/tai-lieu")
                .file(new MockMultipartFile("file.TO_KHAI", "to-khai.pdf", "application/pdf", PDF))
                .param("stored.GIAY_UU_TIEN", STORED_PROOF)
                .with(csrf()));
    }

    String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theProcedurePageOffersToApplyOnline() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/thu-tuc/1.001612"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"/nop-ho-so/1.001612\""),
                                containsString(">Nộp hồ sơ trực tuyến</a>"))));
    }

    @Test
    void theWizardAsksToSignInFirst() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/nop-ho-so/" + JUDICIAL))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/dang-nhap"));
        mvc.perform(MockMvcRequestBuilders.get("/giay-to"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/dang-nhap"));
    }

    @Test
    void theFormIsGeneratedFromTheProcedureAndKeepsWhatWasTypedAfterAnError() throws Exception {
        String base = start();
        String form = page(perform(MockMvcRequestBuilders.get(base + "/thong-tin")));
        assertThat(form)
                .contains("<title>Bước 1: Thông tin tờ khai – Cấp phiếu lý lịch tư pháp · Cổng dịch vụ công</title>")
                .contains("aria-current=\"step\"")
                // a prefilled field is optional here: the API fills it from the account
                .containsPattern("for=\"field-applicantName\">\\s*<span>Họ tên người yêu cầu</span>\\s*"
                        + "<span class=\"optional\">\\(không bắt buộc\\)</span>")
                .contains("Để trống thì lấy từ thông tin tài khoản của bạn.")
                .containsPattern("<select id=\"field-applicantCategory\" name=\"field.applicantCategory\"[^>]*required")
                .contains("<option value=\"STUDENT_OR_MERIT\">Sinh viên, người có công</option>")
                .containsPattern(
                        "<input id=\"field-purpose\" name=\"field.purpose\" type=\"text\"[^>]*maxlength=\"200\"")
                .containsPattern(
                        "<input id=\"field-copies\" name=\"field.copies\" type=\"text\"[^>]*inputmode=\"decimal\"");

        MvcResult wrong = perform(MockMvcRequestBuilders.post(base + "/thong-tin")
                .with(csrf())
                .param("field.applicantCategory", "STUDENT_OR_MERIT")
                .param("field.purpose", "")
                .param("field.copies", "hai"));

        assertThat(wrong.getResponse().getStatus()).isEqualTo(200);
        assertThat(page(wrong))
                .contains("<a href=\"#field-purpose\">Mục đích sử dụng phiếu: Mục này bắt buộc.</a>")
                .contains("<p class=\"field-error\" id=\"field-copies-error\">Hãy nhập một số (chỉ gồm chữ số).</p>")
                .containsPattern(
                        "id=\"field-copies\"[^>]*value=\"hai\"[^>]*aria-describedby=\"field-copies-hint field-copies-error\"")
                .contains("<option value=\"STUDENT_OR_MERIT\" selected=\"selected\">");

        // the draft is in the session: the form shows it again on a later visit
        assertThat(page(perform(MockMvcRequestBuilders.get(base + "/thong-tin"))))
                .contains("value=\"hai\"");
        // and the documents step is not open before the form is right
        assertThat(perform(MockMvcRequestBuilders.get(base + "/tai-lieu"))
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo(base + "/thong-tin");
        api.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/dossiers")));
    }

    @Test
    void aWholeSubmissionSendsTheFormTheUploadAndTheStoredDocumentWithTheWizardsKey() throws Exception {
        String base = start();
        assertThat(fillTheForm(base).getResponse().getRedirectedUrl()).isEqualTo(base + "/tai-lieu");

        String documents = page(perform(MockMvcRequestBuilders.get(base + "/tai-lieu")));
        assertThat(documents)
                .contains("enctype=\"multipart/form-data\"")
                .containsPattern(
                        "<input type=\"file\" id=\"file-TO_KHAI\" name=\"file.TO_KHAI\" accept=\"application/pdf,.pdf\"")
                .contains("Mỗi tệp tối đa 10 MB; các tệp của một hồ sơ cộng lại tối đa 25 MB.")
                .contains("Định dạng PDF, JPEG, PNG; tối đa 10 MB.")
                // the store's documents of an allowed type, the same kind first
                .containsPattern("<select id=\"stored-GIAY_UU_TIEN\" name=\"stored.GIAY_UU_TIEN\">\\s*"
                        + "<option value=\"\">— Không dùng —</option>\\s*<option value=\"" + STORED_PROOF
                        + "\">the-sinh-vien.png · Cấp phiếu lý lịch tư pháp · 20/11/2026</option>");

        assertThat(chooseDocuments(base).getResponse().getRedirectedUrl()).isEqualTo(base + "/xem-lai");

        String review = page(perform(MockMvcRequestBuilders.get(base + "/xem-lai")));
        assertThat(review)
                .contains("Lấy từ thông tin tài khoản của bạn")
                .contains("<dd>Sinh viên, người có công</dd>")
                .contains("<dd>Xin việc</dd>")
                .contains("to-khai.pdf")
                .contains("the-sinh-vien.png")
                // the fee of the option chosen, not the base fee
                .contains("<dd>100.000 đồng</dd>")
                .contains("10 ngày làm việc, tính từ khi cơ quan tiếp nhận hồ sơ");

        MvcResult submitted =
                perform(MockMvcRequestBuilders.post(base + "/xem-lai").with(csrf()));
        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo(base + "/da-nop");

        List<LoggedRequest> sent = api.server.findAll(postRequestedFor(urlPathEqualTo("/api/v1/dossiers")));
        assertThat(sent).hasSize(1);
        LoggedRequest request = sent.get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + PublicApiStandIn.AN_TOKEN);
        assertThat(request.getHeader("Idempotency-Key"))
                .isEqualTo(wizardId(base).toString());
        assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(request.getParts()).extracting(p -> p.getName()).containsExactlyInAnyOrder("dossier", "files");
        var dossier = request.getPart("dossier");
        assertThat(dossier.getHeader("Content-Type").firstValue()).startsWith("application/json");
        assertThat(equalToJson("""
                        {"procedureCode":"3.000333",
                         "formData":{"applicantCategory":"STUDENT_OR_MERIT","purpose":"Xin việc","copies":"2"},
                         "documents":[{"requirementCode":"TO_KHAI","fileName":"to-khai.pdf"},
                                      {"requirementCode":"GIAY_UU_TIEN","storedDocumentId":"%s"}]}""".formatted(STORED_PROOF))
                        .match(dossier.getBody().asString())
                        .isExactMatch())
                .as(dossier.getBody().asString())
                .isTrue();
        var file = request.getPart("files");
        assertThat(file.getHeader("Content-Disposition").firstValue()).contains("filename=\"to-khai.pdf\"");
        assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("application/pdf");
        assertThat(file.getBody().asBytes()).isEqualTo(PDF);
        // the uploaded file left the portal's database with the submission
        assertThat(db.sql("select count(*) from wizard_draft_file where draft_id = :d")
                        .param("d", wizardId(base))
                        .query(Long.class)
                        .single())
                .isZero();

        String confirmation = page(perform(MockMvcRequestBuilders.get(base + "/da-nop")));
        assertThat(confirmation)
                .contains("<title>Đã nộp hồ sơ " + SUBMITTED_CODE + " · Cổng dịch vụ công</title>")
                .contains(">" + SUBMITTED_CODE + "</dd>")
                .contains(">Chờ thanh toán lệ phí</dd>")
                .contains("Sẽ có khi cơ quan tiếp nhận hồ sơ (thời hạn: 10 ngày làm việc)")
                .contains("<dd>100.000 đồng</dd>")
                .contains("href=\"http://127.0.0.1:8090/pay/3c9d7a10\">Thanh toán lệ phí</a>")
                .contains("href=\"/ho-so/" + SUBMITTED_CODE + "\">Xem hồ sơ</a>");
    }

    /**
     * Death registration, offered by two wards (decision 52): the form asks which one receives the dossier, refuses
     * to go on without, shows the ward chosen with its own fee on the review, and the API receives its code.
     */
    @Test
    void aProcedureTwoWardsOfferAsksWhichOneReceivesTheDossier() throws Exception {
        stubDeathRegistration(api);
        MvcResult started = perform(MockMvcRequestBuilders.get("/nop-ho-so/1.000656"));
        String step = started.getResponse().getRedirectedUrl();
        String base = step.substring(0, step.length() - "/thong-tin".length());

        // only the wards that take it online today are offered
        String form = page(perform(MockMvcRequestBuilders.get(step)));
        assertThat(form)
                .contains("<label for=\"agencyCode\">Cơ quan tiếp nhận hồ sơ</label>")
                .contains("<option value=\"000.00.01.H26\">Ủy ban nhân dân phường Ba Đình</option>")
                .contains("<option value=\"000.00.02.H26\">Ủy ban nhân dân phường Hoàn Kiếm</option>")
                .doesNotContain("000.00.03.H26", "000.00.04.H26");

        // none chosen (or one that does not offer it): a sentence next to the choice, what was typed kept
        for (String chosen : List.of("", "000.00.04.H26")) {
            MvcResult refused = perform(MockMvcRequestBuilders.post(step)
                    .with(csrf())
                    .param("agencyCode", chosen)
                    .param("field.deceasedName", "Trần Văn Một"));
            assertThat(refused.getResponse().getStatus()).isEqualTo(200);
            assertThat(page(refused))
                    .contains(
                            chosen.isEmpty() ? "Hãy chọn cơ quan tiếp nhận hồ sơ." : "Hãy chọn một trong các lựa chọn.")
                    .contains("aria-invalid=\"true\"")
                    .contains("value=\"Trần Văn Một\"");
        }
        assertThat(perform(MockMvcRequestBuilders.get(base + "/xem-lai"))
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo(step);

        MvcResult chosen = perform(MockMvcRequestBuilders.post(step)
                .with(csrf())
                .param("agencyCode", "000.00.02.H26")
                .param("field.deceasedName", "Trần Văn Một"));
        assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo(base + "/tai-lieu");
        perform(multipart(base + "/tai-lieu")
                .file(new MockMultipartFile("file.GIAY_BAO_TU", "bao-tu.pdf", "application/pdf", PDF))
                .with(csrf()));
        String review = page(perform(MockMvcRequestBuilders.get(base + "/xem-lai")));
        // Hoàn Kiếm's offering charges 8 000, its online terms 6 000 (decision 56); the counter's 10 000 is not online
        assertThat(review).contains("<dd>Ủy ban nhân dân phường Hoàn Kiếm</dd>").contains("<dd>6.000 đồng</dd>");
        assertThat(page(perform(MockMvcRequestBuilders.get(step))))
                .containsPattern("<option value=\"000.00.02.H26\"\\s+selected=\"selected\">");

        perform(MockMvcRequestBuilders.post(base + "/xem-lai").with(csrf()));
        List<LoggedRequest> sent = api.server.findAll(postRequestedFor(urlPathEqualTo("/api/v1/dossiers")));
        assertThat(sent).hasSize(1);
        String dossier = sent.get(0).getPart("dossier").getBody().asString();
        assertThat(equalToJson("""
                        {"procedureCode":"1.000656","agencyCode":"000.00.02.H26",
                         "formData":{"deceasedName":"Trần Văn Một"},
                         "documents":[{"requirementCode":"GIAY_BAO_TU","fileName":"bao-tu.pdf"}]}""").match(dossier).isExactMatch()).as(dossier).isTrue();
    }

    static String formatted(java.time.LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    /** Permanent residence registration (1.004222) with three cases, each asking its own papers (decision 58). */
    static final java.time.LocalDate TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    static void stubPermanentResidence(PublicApiStandIn api) {
        api.server.stubFor(get(urlPathEqualTo("/api/v1/procedures/1.004222"))
                .willReturn(okJson("""
                {"code":"1.004222","name":"Đăng ký thường trú","nameEn":"Permanent residence registration",
                 "agencyCode":"000.00.21.H26","agencyName":"Công an phường Ba Đình","level":"COMMUNE",
                 "processingDays":7,"timeLimitUnit":"WORKING_DAYS","feeVnd":10000,"mode":"FULL_ONLINE",
                 "requiredLevelOfAssurance":1,
                 "documents":[
                   {"code":"TO_KHAI_CT01","name":"Tờ khai CT01","mandatory":true,"allowedTypes":["application/pdf"]},
                   {"code":"CHO_O_HOP_PHAP","name":"Giấy tờ chứng minh chỗ ở hợp pháp","mandatory":true,
                    "allowedTypes":["application/pdf"],"cases":["CHO_O_SO_HUU"]},
                   {"code":"HOP_DONG_THUE_MUON","name":"Hợp đồng thuê, mượn, ở nhờ","mandatory":true,
                    "allowedTypes":["application/pdf"],"cases":["THUE_MUON_O_NHO"]}],
                 "fields":[],
                 "agencies":[{"agencyCode":"000.00.21.H26","agencyName":"Công an phường Ba Đình","receivesOnline":true,
                              "feeVnd":10000,"processingDays":7,"mode":"FULL_ONLINE"}],
                 "channels":[{"agencyCode":null,"channel":"DIRECT","feeVnd":20000,"validTo":"%1$s"},
                             {"agencyCode":null,"channel":"DIRECT","feeVnd":30000,"validFrom":"%2$s"},
                             {"agencyCode":null,"channel":"ONLINE","feeVnd":1,"validTo":"%3$s"},
                             {"agencyCode":null,"channel":"ONLINE","feeVnd":9000,"caseCode":"THUE_MUON_O_NHO"}],
                 "cases":[{"code":"CHO_O_SO_HUU","name":"Chỗ ở thuộc sở hữu của mình"},
                          {"code":"VE_O_VOI_NGUOI_THAN","feeVnd":0,
                           "name":"Về ở với vợ, chồng, cha, mẹ, con hoặc người thân tại chỗ ở hợp pháp không thuộc quyền sở hữu của mình (Điều 20 khoản 2)"},
                          {"code":"THUE_MUON_O_NHO","name":"Chỗ ở thuê, mượn, ở nhờ"}]}""".formatted(TODAY.plusDays(29), TODAY.plusDays(30), TODAY.minusDays(1)))));
    }

    /**
     * Decision 58: the form asks the citizen's case (a sentence next to it without one), the documents step asks only
     * that case's papers, the review shows the case with its fee (the online fee for that case), changing the case
     * drops a paper of the other case, and the API receives the case with only its documents. The procedure page lists
     * the cases and says which papers are asked in which.
     */
    @Test
    void aProcedureWithCasesAsksTheCaseThenOnlyThatCasesDocuments() throws Exception {
        stubPermanentResidence(api);
        String procedurePage = page(perform(MockMvcRequestBuilders.get("/thu-tuc/1.004222")))
                .replaceAll("<[^>]+>", "")
                .replaceAll("\\s+", " ");
        assertThat(procedurePage)
                .contains(
                        "Các trường hợp",
                        "Chỗ ở thuê, mượn, ở nhờ",
                        "không thuộc quyền sở hữu của mình (Điều 20 khoản 2) — Miễn phí")
                .contains("Chỉ với trường hợp: Chỗ ở thuộc sở hữu của mình")
                .contains("Nộp trực tuyến — Chỗ ở thuê, mượn, ở nhờ: 9.000 đồng")
                // decision 59: a rule that ends says until when, one that starts later says from when, an ended one
                // is no longer shown (nor charged: the review below charges 10 000, not 1)
                .contains("Nộp trực tiếp: 20.000 đồng (đến hết " + formatted(TODAY.plusDays(29)) + ")")
                .contains("Nộp trực tiếp: 30.000 đồng (từ " + formatted(TODAY.plusDays(30)) + ")")
                .doesNotContain(": 1 đồng");
        String step = perform(MockMvcRequestBuilders.get("/nop-ho-so/1.004222"))
                .getResponse()
                .getRedirectedUrl();
        String base = step.substring(0, step.length() - "/thong-tin".length());
        assertThat(page(perform(MockMvcRequestBuilders.get(step))))
                .contains("<legend>Trường hợp của bạn</legend>")
                .contains("value=\"THUE_MUON_O_NHO\"");

        for (String chosen : List.of("", "KHONG_CO")) {
            MvcResult refused =
                    perform(MockMvcRequestBuilders.post(step).with(csrf()).param("caseCode", chosen));
            assertThat(refused.getResponse().getStatus()).isEqualTo(200);
            assertThat(page(refused)).contains("Hãy chọn trường hợp của bạn.").contains("aria-invalid=\"true\"");
        }
        assertThat(perform(MockMvcRequestBuilders.post(step).with(csrf()).param("caseCode", "THUE_MUON_O_NHO"))
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo(base + "/tai-lieu");
        String tenantPapers = page(perform(MockMvcRequestBuilders.get(base + "/tai-lieu")));
        assertThat(tenantPapers)
                .contains("Hợp đồng thuê, mượn, ở nhờ")
                .doesNotContain("Giấy tờ chứng minh chỗ ở hợp pháp");
        perform(multipart(base + "/tai-lieu")
                .file(new MockMultipartFile("file.TO_KHAI_CT01", "ct01.pdf", "application/pdf", PDF))
                .file(new MockMultipartFile("file.HOP_DONG_THUE_MUON", "hop-dong.pdf", "application/pdf", PDF))
                .with(csrf()));
        String review = page(perform(MockMvcRequestBuilders.get(base + "/xem-lai")));
        assertThat(review).contains("<dd>Chỗ ở thuê, mượn, ở nhờ</dd>").contains("<dd>9.000 đồng</dd>");

        // the owner's case after all: the lease is dropped, the proof of the home asked
        perform(MockMvcRequestBuilders.post(step).with(csrf()).param("caseCode", "CHO_O_SO_HUU"));
        assertThat(perform(MockMvcRequestBuilders.get(base + "/xem-lai"))
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo(base + "/tai-lieu");
        perform(multipart(base + "/tai-lieu")
                .file(new MockMultipartFile("file.CHO_O_HOP_PHAP", "cho-o.pdf", "application/pdf", PDF))
                .with(csrf()));
        assertThat(page(perform(MockMvcRequestBuilders.get(base + "/xem-lai"))))
                .contains("<dd>Chỗ ở thuộc sở hữu của mình</dd>")
                .contains("<dd>10.000 đồng</dd>")
                .doesNotContain("hop-dong.pdf");
        perform(MockMvcRequestBuilders.post(base + "/xem-lai").with(csrf()));
        List<LoggedRequest> sent = api.server.findAll(postRequestedFor(urlPathEqualTo("/api/v1/dossiers")));
        assertThat(sent).hasSize(1);
        String dossier = sent.get(0).getPart("dossier").getBody().asString();
        assertThat(equalToJson("""
                        {"procedureCode":"1.004222","caseCode":"CHO_O_SO_HUU","formData":{},
                         "documents":[{"requirementCode":"TO_KHAI_CT01","fileName":"ct01.pdf"},
                                      {"requirementCode":"CHO_O_HOP_PHAP","fileName":"cho-o.pdf"}]}""").match(dossier).isExactMatch()).as(dossier).isTrue();
    }

    @Test
    void aSecondPostOfTheSameConfirmationMakesNoSecondDossierAndLandsOnTheSameResult() throws Exception {
        String base = start();
        fillTheForm(base);
        chooseDocuments(base);

        MvcResult first = perform(MockMvcRequestBuilders.post(base + "/xem-lai").with(csrf()));
        MvcResult second =
                perform(MockMvcRequestBuilders.post(base + "/xem-lai").with(csrf()));

        assertThat(second.getResponse().getRedirectedUrl())
                .isEqualTo(first.getResponse().getRedirectedUrl())
                .isEqualTo(base + "/da-nop");
        api.server.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/dossiers")));
        assertThat(page(perform(MockMvcRequestBuilders.get(base + "/da-nop")))).contains(SUBMITTED_CODE);
    }

    @Test
    void aDoubleClickTheApiIsStillStoringIsAskedAgainWithTheSameKeyAndAnotherWizardHasAnotherKey() throws Exception {
        // the API while the first of two identical requests is being stored, then its replay
        api.server.stubFor(post(urlPathEqualTo("/api/v1/dossiers"))
                .atPriority(1)
                .inScenario("double click")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(PublicApiStandIn.problem(409, "request-in-progress"))
                .willSetStateTo("stored"));
        api.server.stubFor(post(urlPathEqualTo("/api/v1/dossiers"))
                .atPriority(1)
                .inScenario("double click")
                .whenScenarioStateIs("stored")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Idempotent-Replayed", "true")
                        .withBody(answer())));
        String base = start();
        fillTheForm(base);
        chooseDocuments(base);

        MvcResult submitted =
                perform(MockMvcRequestBuilders.post(base + "/xem-lai").with(csrf()));

        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo(base + "/da-nop");
        List<LoggedRequest> sent = api.server.findAll(postRequestedFor(urlPathEqualTo("/api/v1/dossiers")));
        assertThat(sent).hasSize(2);
        assertThat(sent)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly(wizardId(base).toString());

        String another = start();
        assertThat(wizardId(another)).isNotEqualTo(wizardId(base));
    }

    @Test
    void theApisFieldErrorsGoNextToTheirFieldsOnTheirStepAndTheDraftIsKept() throws Exception {
        api.server.stubFor(post(urlPathEqualTo("/api/v1/dossiers"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"about:blank","title":"Unprocessable","status":422,"code":"dossier-invalid",
                                 "detail":"Hồ sơ không hợp lệ.",
                                 "errors":[{"field":"formData.purpose","code":"too-long","message":"Mục đích quá dài theo API."},
                                           {"field":"documents[0].fileName","code":"content-type-not-allowed",
                                            "message":"Tệp to-khai.pdf không đúng định dạng theo API."}]}""")));
        String base = start();
        fillTheForm(base);
        chooseDocuments(base);

        MvcResult refused =
                perform(MockMvcRequestBuilders.post(base + "/xem-lai").with(csrf()));
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(base + "/thong-tin");

        // the flash attributes of the redirect, as the browser's next GET would see them
        MvcResult form = perform(MockMvcRequestBuilders.get(base + "/thong-tin").flashAttrs(refused.getFlashMap()));
        assertThat(page(form))
                .contains("<p class=\"field-error\" id=\"field-purpose-error\">Mục đích quá dài theo API.</p>")
                .contains("Thông tin gửi lên chưa hợp lệ. Hãy kiểm tra lại.")
                .contains("value=\"Xin việc\"")
                .doesNotContain("dossier-invalid")
                .doesNotContain("\"errors\"");

        // a problem about a document only: next to that document on step 2
        api.server.stubFor(post(urlPathEqualTo("/api/v1/dossiers"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"status":422,"code":"dossier-invalid","errors":[{"field":"documents[1].storedDocumentId",
                                 "code":"stored-document-not-found","message":"Không có giấy tờ này theo API."}]}""")));
        MvcResult again = perform(MockMvcRequestBuilders.post(base + "/xem-lai").with(csrf()));
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(base + "/tai-lieu");
        String documents =
                page(perform(MockMvcRequestBuilders.get(base + "/tai-lieu").flashAttrs(again.getFlashMap())));
        assertThat(documents)
                .contains("<p class=\"field-error\" id=\"file-GIAY_UU_TIEN-error\">Không có giấy tờ này theo API.</p>")
                // what was chosen is still chosen
                .contains("<strong>to-khai.pdf</strong>");
    }

    @Test
    void aProblemWithoutFieldsIsASentenceAtTheTopOfTheReviewInThePagesLanguage() throws Exception {
        api.server.stubFor(post(urlPathEqualTo("/api/v1/dossiers"))
                .atPriority(1)
                .willReturn(PublicApiStandIn.problem(403, "level-of-assurance-required")));
        String base = start();
        fillTheForm(base);
        chooseDocuments(base);

        MvcResult refused = perform(MockMvcRequestBuilders.post(base + "/xem-lai")
                .param("lang", "en")
                .with(csrf()));
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(base + "/xem-lai");
        String review = page(perform(MockMvcRequestBuilders.get(base + "/xem-lai")
                .param("lang", "en")
                .flashAttrs(refused.getFlashMap())));
        assertThat(review)
                .contains(
                        "<title>Step 3: Review and submit – Judicial record certificate · Public Services Portal</title>")
                .contains("This procedure needs an account with a verified identity (level 2).")
                .contains(">Submit the application</button>");
    }

    @Test
    void theDocumentsStepChecksTheFilesRealTypeAndTheRequiredDocumentsWithoutCallingTheApi() throws Exception {
        String base = start();
        fillTheForm(base);

        MvcResult wrong = perform(multipart(base + "/tai-lieu")
                .file(new MockMultipartFile(
                        "file.TO_KHAI", "to-khai.pdf", "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)))
                .with(csrf()));

        assertThat(wrong.getResponse().getStatus()).isEqualTo(200);
        assertThat(page(wrong))
                .contains("<p class=\"field-error\" id=\"file-TO_KHAI-error\">Tệp không phải định dạng PDF"
                        + " (nhận biết theo nội dung tệp, không theo tên tệp).</p>")
                .containsPattern("id=\"file-TO_KHAI\"[^>]*aria-describedby=\"file-TO_KHAI-hint file-TO_KHAI-error\""
                        + "[^>]*aria-invalid=\"true\"");

        MvcResult none = perform(multipart(base + "/tai-lieu").with(csrf()));
        assertThat(page(none)).contains("Giấy tờ bắt buộc: hãy chọn một tệp hoặc một giấy tờ đã có.");
        assertThat(perform(MockMvcRequestBuilders.get(base + "/xem-lai"))
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo(base + "/tai-lieu");
        api.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/dossiers")));
    }

    @Test
    void theFormInEnglishUsesTheCataloguesEnglishLabels() throws Exception {
        String base = start();
        assertThat(page(perform(MockMvcRequestBuilders.get(base + "/thong-tin").param("lang", "en"))))
                .contains(
                        "<title>Step 1: Application form – Judicial record certificate · Public Services Portal</title>")
                .contains("<span>Number of copies</span>")
                .contains("<option value=\"STUDENT_OR_MERIT\">Student or person of merit</option>")
                .contains(">Continue</button>");
    }

    @Test
    void aWizardOfAnotherSessionOrAnUnknownIdStartsAnew() throws Exception {
        start();
        MvcResult unknown =
                perform(MockMvcRequestBuilders.get("/nop-ho-so/" + JUDICIAL + "/" + UUID.randomUUID() + "/xem-lai"));
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/nop-ho-so/" + JUDICIAL);
    }

    @Test
    void theDocumentStoreListsTheCitizensDocumentsAndDownloadsThemWithTheirToken() throws Exception {
        api.server.stubFor(get(urlPathEqualTo("/api/v1/documents/" + STORED_PROOF))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/png")
                        .withHeader("Content-Disposition", "attachment; filename=\"the-sinh-vien.png\"")
                        .withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        api.server.stubFor(
                get(urlPathEqualTo("/api/v1/documents/" + UUID.fromString("00000000-0000-4000-8000-000000000099")))
                        .willReturn(PublicApiStandIn.problem(404, "stored-document-not-found")));

        MvcResult list = perform(MockMvcRequestBuilders.get("/giay-to"));
        assertThat(page(list))
                .contains("<title>Giấy tờ của tôi · Cổng dịch vụ công</title>")
                .contains("2 giấy tờ")
                .contains("href=\"/giay-to/" + STORED_PROOF + "\">the-sinh-vien.png</a>")
                .contains("Giấy tờ đã nộp · 150 KB")
                .contains("Kết quả giải quyết · 2 KB")
                .contains("href=\"/ho-so/" + PublicApiStandIn.AN_RESOLVED + "\"");
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/documents"))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN))
                .withQueryParam("size", equalTo("20")));

        mvc.perform(MockMvcRequestBuilders.get("/giay-to/" + STORED_PROOF).with(an()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"the-sinh-vien.png\""));
        mvc.perform(MockMvcRequestBuilders.get("/giay-to/00000000-0000-4000-8000-000000000099")
                        .with(an()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("stored-document-not-found"))));
    }

    @Test
    void anEmptyStoreSaysSo() throws Exception {
        api.server.stubFor(get(urlPathEqualTo("/api/v1/documents"))
                .atPriority(1)
                .willReturn(okJson("{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0,\"totalPages\":0}")));
        assertThat(page(perform(MockMvcRequestBuilders.get("/giay-to")))).contains("Bạn chưa có giấy tờ nào.");
    }
}

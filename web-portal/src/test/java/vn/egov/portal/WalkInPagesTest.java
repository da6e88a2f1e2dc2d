package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The counter's pages (decision 35) against the stand-in of dossier-service's counter and payment-service's counter
 * payment, all without script (MockMvc posts the forms as a browser without JavaScript does): the walk-in wizard step
 * by step with the session carried, its Idempotency-Key (the wizard's id: the final steps posted twice make one
 * dossier and one payment), the page's and the API's errors next to their fields, the guidance branch (Mẫu 02), the
 * hand-over at the counter and by post, and the fee taken at the counter on the dossier page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PortalTestSetup
class WalkInPagesTest extends WithPublicApi {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    /** The browser's session cookie (Spring Session's, in PostgreSQL), carried from one request to the next. */
    jakarta.servlet.http.Cookie session;

    /** A request in the officer's browser session: the cookie of the last answer that set one. */
    org.springframework.test.web.servlet.ResultActions perform(
            org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        org.springframework.test.web.servlet.ResultActions actions = mvc.perform(request);
        jakarta.servlet.http.Cookie set = actions.andReturn().getResponse().getCookie("egov_session");
        if (set != null) {
            session = set;
        }
        return actions;
    }

    @BeforeEach
    void stubs() {
        api.stubCitizenApi();
        DeskStandIn.stub(api);
        DeskStandIn.stubCounter(api);
    }

    /** Who is signed in: the ward's officer, or (one case) the service centre's. */
    org.springframework.security.oauth2.core.oidc.user.OidcUser staff = DeskStandIn.officer();

    RequestPostProcessor officer() {
        var portal = registrations.findByRegistrationId("portal");
        var user = staff;
        RequestPostProcessor login = oidcLogin().clientRegistration(portal).oidcUser(user);
        RequestPostProcessor tokens = oauth2Client()
                .clientRegistration(portal)
                .principalName(user.getName())
                .accessToken(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        DeskStandIn.OFFICER_TOKEN,
                        Instant.now(),
                        Instant.now().plusSeconds(300)));
        return request -> {
            if (session != null) {
                request.setCookies(session);
            }
            return tokens.postProcessRequest(login.postProcessRequest(request));
        };
    }

    /** A new wizard; its base path (with its id, the Idempotency-Key). */
    String start() throws Exception {
        String location = perform(get("/motcua/tiep-nhan").with(officer()))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/motcua/tiep-nhan/[0-9a-f-]{36}/nguoi-nop");
        return location.substring(0, location.lastIndexOf('/'));
    }

    String applicantAndProcedure() throws Exception {
        String base = start();
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/nguoi-nop")
                        .with(officer())
                        .with(csrf())
                        .param("nationalId", "001085012345")
                        .param("fullName", "Trần Thị Bình")
                        .param("dateOfBirth", "1985-03-08")
                        .param("phone", "0912345678"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(base + "/thu-tuc"));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/thu-tuc")
                        .with(officer())
                        .with(csrf())
                        .param("procedureCode", "1.001612"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(base + "/ho-so"));
        return base;
    }

    static MockMultipartFile pdf(String code, String name) {
        return new MockMultipartFile(
                "file." + code, name, "application/pdf", DeskStandIn.PDF.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theWizardTakesAWalkInDossierOnceAndItsFeeOnceEvenWhenTheFinalStepsArePostedTwice() throws Exception {
        String base = start();
        String key = base.substring(base.lastIndexOf('/') + 1);
        // step 1 refused by the page: each sentence next to its field, nothing asked of the API
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/nguoi-nop")
                        .with(officer())
                        .with(csrf())
                        .param("nationalId", "12345")
                        .param("fullName", " ")
                        .param("email", "not-an-address"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Tiếp nhận hồ sơ trực tiếp · Cổng dịch vụ công</title>"),
                                containsString("aria-current=\"step\""),
                                containsString(
                                        "<label for=\"applicant-nationalId\">Số định danh cá nhân (CCCD)</label>"),
                                containsString("<label for=\"applicant-email\">Thư điện tử (không bắt buộc)</label>"),
                                containsString("id=\"applicant-nationalId-error\">Số CCCD gồm đúng 12 chữ số.</p>"),
                                containsString("id=\"applicant-fullName-error\">Hãy nhập họ và tên.</p>"),
                                containsString(
                                        "id=\"applicant-dateOfBirth-error\">Hãy nhập ngày sinh hợp lệ, trước hôm nay.</p>"),
                                containsString("id=\"applicant-email-error\">Thư điện tử chưa đúng dạng.</p>"),
                                containsString("value=\"12345\""),
                                containsString("maxlength=\"12\""),
                                containsString("name=\"_csrf\""))));
        api.server.verify(0, postRequestedFor(urlPathMatching("/api/v1/desk/.*")));

        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/nguoi-nop")
                        .with(officer())
                        .with(csrf())
                        .param("nationalId", "001085012345")
                        .param("fullName", "Trần Thị Bình")
                        .param("dateOfBirth", "1985-03-08"))
                .andExpect(redirectedUrl(base + "/thu-tuc"));
        // step 2: the officer's agency's procedures
        perform(get(base + "/thu-tuc").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<option value=\"1.001612\">Đăng ký thành lập hộ kinh doanh (1.001612)"),
                                containsString("<option value=\"1.001193\">Đăng ký khai sinh (1.001193)"),
                                // in person (the default) or by post (decision 56)
                                containsString(
                                        "id=\"walk-in-channel-direct\" name=\"channel\" value=\"DIRECT\"\n"
                                                + "               aria-describedby=\"walk-in-channel-hint\" checked=\"checked\">"),
                                containsString("id=\"walk-in-channel-postal\" name=\"channel\" value=\"POSTAL\"\n"
                                        + "               aria-describedby=\"walk-in-channel-hint\">"))));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/thu-tuc")
                        .with(officer())
                        .with(csrf())
                        .param("procedureCode", "9.999999")
                        .param("channel", "FAX"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"walk-in-procedure-error\">Hãy chọn thủ tục.</p>"),
                                containsString("id=\"walk-in-channel-error\">Hãy chọn hình thức nộp: trực tiếp hoặc"
                                        + " qua bưu chính.</p>"))));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/thu-tuc")
                        .with(officer())
                        .with(csrf())
                        .param("procedureCode", "1.001612")
                        .param("channel", "POSTAL"))
                .andExpect(redirectedUrl(base + "/ho-so"));
        // step 3: the form's field and one scan input per required document, each marked original or copy
        perform(get(base + "/ho-so").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("name=\"form.businessName\""),
                                containsString("maxlength=\"200\""),
                                containsString("name=\"file.GIAY_DE_NGHI\""),
                                containsString("name=\"kind.GIAY_DE_NGHI\" value=\"ORIGINAL\" checked=\"checked\""),
                                containsString("name=\"kind.HOP_DONG_THUE\" value=\"COPY\""),
                                containsString("enctype=\"multipart/form-data\""),
                                containsString("href=\"" + base + "/huong-dan\""))));
        for (int i = 0; i < 2; i++) {
            perform(multipart(base + "/ho-so")
                            .file(pdf("GIAY_DE_NGHI", "giay-de-nghi.pdf"))
                            .file(pdf("HOP_DONG_THUE", "hop-dong.pdf"))
                            .param("form.businessName", "Tạp hoá Bình An")
                            .param("kind.GIAY_DE_NGHI", "ORIGINAL")
                            .param("kind.HOP_DONG_THUE", "COPY")
                            .with(officer())
                            .with(csrf()))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl(base + "/le-phi"));
        }
        List<LoggedRequest> intakes = api.server.findAll(postRequestedFor(urlPathEqualTo("/api/v1/desk/dossiers")));
        assertThat(intakes).as("the intake posted twice is one call").hasSize(1);
        LoggedRequest intake = intakes.get(0);
        assertThat(intake.getHeader("Idempotency-Key")).isEqualTo(key);
        assertThat(intake.getHeader("Authorization")).isEqualTo("Bearer " + DeskStandIn.OFFICER_TOKEN);
        JsonNode dossier = JSON.readTree(intake.getPart("dossier").getBody().asString());
        assertThat(dossier.path("applicant").toString())
                .isEqualTo(
                        "{\"nationalId\":\"001085012345\",\"fullName\":\"Trần Thị Bình\",\"dateOfBirth\":\"1985-03-08\"}");
        assertThat(dossier.path("procedureCode").asText()).isEqualTo("1.001612");
        assertThat(dossier.path("channel").asText()).isEqualTo("POSTAL");
        assertThat(dossier.path("formData").toString()).isEqualTo("{\"businessName\":\"Tạp hoá Bình An\"}");
        assertThat(dossier.path("documents").toString())
                .isEqualTo(
                        "[{\"requirementCode\":\"GIAY_DE_NGHI\",\"fileName\":\"giay-de-nghi.pdf\",\"copyKind\":\"ORIGINAL\"},"
                                + "{\"requirementCode\":\"HOP_DONG_THUE\",\"fileName\":\"hop-dong.pdf\",\"copyKind\":\"COPY\"}]");
        assertThat(intake.getParts().stream().filter(p -> p.getName().equals("files")))
                .hasSize(2);
        // a step before the intake now shows where the wizard is
        perform(get(base + "/nguoi-nop").with(officer())).andExpect(redirectedUrl(base + "/da-xong"));

        // step 4: the fee, taken at the counter, once
        perform(get(base + "/le-phi").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Lệ phí phải nộp: 100.000"),
                                containsString("name=\"method\" value=\"CASH\" checked=\"checked\""),
                                containsString("value=\"Trần Thị Bình\""))));
        for (int i = 0; i < 2; i++) {
            perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/le-phi")
                            .with(officer())
                            .with(csrf())
                            .param("method", "CASH")
                            .param("payerName", "Trần Thị Bình"))
                    .andExpect(redirectedUrl(base + "/da-xong"));
        }
        api.server.verify(
                1,
                postRequestedFor(urlPathEqualTo("/api/v1/payments/counter"))
                        .withHeader("Idempotency-Key", equalTo(key))
                        .withRequestBody(equalToJson("{\"dossierCode\":\"" + DeskStandIn.WALK_IN
                                + "\",\"method\":\"CASH\",\"payerName\":\"Trần Thị Bình\"}")));
        // step 5: the code, the appointment, Mẫu 01
        String due = DeskStandIn.today().plusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        perform(get(base + "/da-xong").with(officer()))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                containsString("<title>Đã tiếp nhận hồ sơ · Cổng dịch vụ công</title>"),
                                                containsString(DeskStandIn.WALK_IN),
                                                containsString(due),
                                                containsString("Q4WZ8KMA"),
                                                containsString("biên lai số BL-H26-2026-000123"),
                                                // the officer prints the receipt for the applicant (payment-service
                                                // shows it to the agency's officers)
                                                containsString("href=\"/thanh-toan/" + DeskStandIn.PAYMENT_ID
                                                        + "/bien-lai\">Xem và in biên lai</a>"),
                                                containsString(
                                                        "href=\"/motcua/ho-so/" + DeskStandIn.WALK_IN
                                                                + "/mau/01\" target=\"_blank\" rel=\"noopener\">In Giấy tiếp nhận (Mẫu 01)</a>"))));
        // a new intake is a new key
        assertThat(start()).isNotEqualTo(base);
    }

    /**
     * Decision 57: an officer of Hà Nội's service centre chooses the procedure together with the agency of the
     * province that handles it (not one of another province); the intake names that agency.
     */
    @Test
    void aServiceCentresOfficerReceivesForTheAgencyOfTheProvinceThatHandlesIt() throws Exception {
        staff = DeskStandIn.centreOfficer();
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/procedures"))
                .withQueryParam("agency", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .withQueryParam("size", equalTo("100"))
                .atPriority(1)
                .willReturn(okJson("""
                        {"items":[{"code":"1.010038","name":"Tách hộ","nameEn":"Splitting a household",
                                   "agencyCode":"000.00.21.H26","agencyName":"Công an phường Ba Đình",
                                   "agencies":[{"agencyCode":"000.00.21.H26","agencyName":"Công an phường Ba Đình"},
                                               {"agencyCode":"000.00.21.H29","agencyName":"Công an phường Sài Gòn"}]}],
                         "page":0,"size":100,"totalItems":1,"totalPages":1}""")));
        api.server.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/procedures/1.010038"))
                        .willReturn(okJson("""
                        {"code":"1.010038","name":"Tách hộ","nameEn":"Splitting a household","agencyCode":"000.00.21.H26",
                         "feeVnd":5000,"fields":[],
                         "documents":[{"code":"TO_KHAI_CT01","name":"Tờ khai thay đổi thông tin cư trú (CT01)",
                                       "mandatory":true,"allowedTypes":["application/pdf"]}]}""")));
        String base = start();
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/nguoi-nop")
                        .with(officer())
                        .with(csrf())
                        .param("nationalId", "001085012345")
                        .param("fullName", "Trần Thị Bình")
                        .param("dateOfBirth", "1985-03-08"))
                .andExpect(redirectedUrl(base + "/thu-tuc"));
        perform(get(base + "/thu-tuc").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Trung tâm tiếp nhận thay cho các cơ quan trong tỉnh"),
                                containsString("<option value=\"1.010038@000.00.21.H26\">Tách hộ (1.010038) — Công an"
                                        + " phường Ba Đình</option>"),
                                not(containsString("000.00.21.H29")))));
        // a value the page did not offer is refused next to the field
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/thu-tuc")
                        .with(officer())
                        .with(csrf())
                        .param("procedureCode", "1.010038@000.00.21.H29"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"walk-in-procedure-error\">Hãy chọn thủ tục.</p>")));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/thu-tuc")
                        .with(officer())
                        .with(csrf())
                        .param("procedureCode", "1.010038@000.00.21.H26"))
                .andExpect(redirectedUrl(base + "/ho-so"));
        perform(get(base + "/ho-so").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("name=\"file.TO_KHAI_CT01\""),
                                containsString("id=\"walk-in-guidance\""))));
        // an incomplete one gets the guidance (Mẫu 02) for the same agency
        perform(get(base + "/huong-dan").with(officer())).andExpect(status().isOk());
        perform(multipart(base + "/ho-so")
                        .file(pdf("TO_KHAI_CT01", "ct01.pdf"))
                        .param("kind.TO_KHAI_CT01", "ORIGINAL")
                        .with(officer())
                        .with(csrf()))
                .andExpect(redirectedUrl(base + "/le-phi"));
        LoggedRequest intake = api.server
                .findAll(postRequestedFor(urlPathEqualTo("/api/v1/desk/dossiers")))
                .get(0);
        JsonNode dossier = JSON.readTree(intake.getPart("dossier").getBody().asString());
        assertThat(dossier.path("procedureCode").asText()).isEqualTo("1.010038");
        assertThat(dossier.path("agencyCode").asText()).isEqualTo("000.00.21.H26");
    }

    @Test
    void theScansStepShowsThePagesAndTheApisErrorsNextToTheirFields() throws Exception {
        String base = applicantAndProcedure();
        MockMultipartFile notPdf =
                new MockMultipartFile("file.HOP_DONG_THUE", "hop-dong.pdf", "application/pdf", "plain text".getBytes());
        perform(multipart(base + "/ho-so")
                        .file(notPdf)
                        .param("kind.HOP_DONG_THUE", "COPY")
                        .with(officer())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"form-businessName-error\">Hãy điền mục này.</p>"),
                                containsString("id=\"file-GIAY_DE_NGHI-error\">Hãy chọn tệp quét.</p>"),
                                containsString("id=\"file-HOP_DONG_THUE-error\">Tệp phải là PDF, PNG hoặc JPEG.</p>"),
                                containsString("name=\"kind.HOP_DONG_THUE\" value=\"COPY\" checked=\"checked\""))));
        api.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/desk/dossiers")));

        // the API's field error on the form's field, in the page's language, what was typed kept
        api.server.stubFor(post(urlPathEqualTo("/api/v1/desk/dossiers"))
                .atPriority(1)
                .willReturn(DeskStandIn.fieldProblem("formData.businessName", "Tên đã được đăng ký.")));
        perform(multipart(base + "/ho-so")
                        .file(pdf("GIAY_DE_NGHI", "giay-de-nghi.pdf"))
                        .param("form.businessName", "Tạp hoá Bình An")
                        .param("kind.GIAY_DE_NGHI", "COPY")
                        .with(officer())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"form-businessName-error\">Tên đã được đăng ký.</p>"),
                                containsString("aria-invalid=\"true\" aria-describedby=\"form-businessName-error\""),
                                containsString("value=\"Tạp hoá Bình An\""),
                                containsString("hãy chọn lại"))));
        // the applicant's number refused by the API: back on step 1, next to the number
        api.server.stubFor(post(urlPathEqualTo("/api/v1/desk/dossiers"))
                .atPriority(1)
                .willReturn(
                        DeskStandIn.fieldProblem("applicant.nationalId", "Số định danh không khớp với ngày sinh.")));
        perform(multipart(base + "/ho-so")
                        .file(pdf("GIAY_DE_NGHI", "giay-de-nghi.pdf"))
                        .param("form.businessName", "Tạp hoá Bình An")
                        .param("kind.GIAY_DE_NGHI", "ORIGINAL")
                        .with(officer())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "id=\"applicant-nationalId-error\">Số định danh không khớp với ngày sinh.</p>"),
                                containsString("value=\"001085012345\""))));
    }

    /**
     * Decision 58: a procedure with cases asks the applicant's case on the procedure step (a sentence next to it until
     * one is chosen); the scans step lists only that case's papers, and the intake and the guidance send the case.
     */
    @Test
    void aProcedureWithCasesAsksTheApplicantsCaseAndScansOnlyItsPapers() throws Exception {
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/procedures"))
                .withQueryParam("agency", equalTo(DeskStandIn.AGENCY))
                .atPriority(1)
                .willReturn(okJson("""
                        {"items":[{"code":"1.004222","name":"Đăng ký thường trú","nameEn":"Permanent residence"}],
                         "page":0,"size":100,"totalItems":1,"totalPages":1}""")));
        SubmissionWizardTest.stubPermanentResidence(api);
        String base = start();
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/nguoi-nop")
                        .with(officer())
                        .with(csrf())
                        .param("nationalId", "001085012345")
                        .param("fullName", "Trần Thị Bình")
                        .param("dateOfBirth", "1985-03-08"))
                .andExpect(redirectedUrl(base + "/thu-tuc"));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/thu-tuc")
                        .with(officer())
                        .with(csrf())
                        .param("procedureCode", "1.004222"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<legend>Trường hợp của người nộp</legend>"),
                                containsString("id=\"walk-in-case-error\">Thủ tục này có nhiều trường hợp"),
                                containsString("value=\"THUE_MUON_O_NHO\""),
                                containsString("<option value=\"1.004222\" selected=\"selected\">"))));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/thu-tuc")
                        .with(officer())
                        .with(csrf())
                        .param("procedureCode", "1.004222")
                        .param("caseCode", "THUE_MUON_O_NHO"))
                .andExpect(redirectedUrl(base + "/ho-so"));
        perform(get(base + "/ho-so").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Hợp đồng thuê, mượn, ở nhờ"),
                                containsString("<span> — Chỗ ở thuê, mượn, ở nhờ</span>"),
                                not(containsString("Giấy tờ chứng minh chỗ ở hợp pháp")))));
        perform(get(base + "/huong-dan").with(officer()))
                .andExpect(content().string(not(containsString("Giấy tờ chứng minh chỗ ở hợp pháp"))));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/huong-dan")
                        .with(officer())
                        .with(csrf())
                        .param("missingDocuments", "HOP_DONG_THUE_MUON")
                        .param("reason", "Chưa có hợp đồng thuê nhà công chứng"))
                .andExpect(redirectedUrl(base + "/da-xong"));
        api.server.verify(
                1, postRequestedFor(urlPathEqualTo("/api/v1/desk/guidance")).withRequestBody(equalToJson("""
                                {"applicant":{"nationalId":"001085012345","fullName":"Trần Thị Bình",
                                 "dateOfBirth":"1985-03-08"},"procedureCode":"1.004222",
                                 "missingDocuments":["HOP_DONG_THUE_MUON"],"caseCode":"THUE_MUON_O_NHO",
                                 "reason":"Chưa có hợp đồng thuê nhà công chứng"}""")));
    }

    @Test
    void anIncompleteDossierGetsTheGuidanceMau02AndIsNotReceived() throws Exception {
        String base = applicantAndProcedure();
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/huong-dan")
                        .with(officer())
                        .with(csrf())
                        .param("note", "Mang bản chính"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"guidance-missing-error\">Hãy chọn ít nhất một giấy tờ còn thiếu."),
                                containsString("id=\"guidance-reason-error\">Hãy ghi lý do.</p>"),
                                containsString(">Mang bản chính</textarea>"))));
        api.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/desk/guidance")));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/huong-dan")
                        .with(officer())
                        .with(csrf())
                        .param("missingDocuments", "HOP_DONG_THUE")
                        .param("reason", "Thiếu hợp đồng thuê địa điểm"))
                .andExpect(redirectedUrl(base + "/da-xong"));
        api.server.verify(
                1,
                postRequestedFor(urlPathEqualTo("/api/v1/desk/guidance"))
                        .withHeader("Idempotency-Key", equalTo(base.substring(base.lastIndexOf('/') + 1)))
                        .withRequestBody(equalToJson("""
                                {"applicant":{"nationalId":"001085012345","fullName":"Trần Thị Bình",
                                 "dateOfBirth":"1985-03-08","phone":"0912345678"},"procedureCode":"1.001612",
                                 "missingDocuments":["HOP_DONG_THUE"],"reason":"Thiếu hợp đồng thuê địa điểm"}""")));
        perform(get(base + "/da-xong").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Đã lập Phiếu yêu cầu bổ sung"),
                                containsString(DeskStandIn.GUIDED),
                                containsString("href=\"/motcua/ho-so/" + DeskStandIn.GUIDED + "/mau/02\""),
                                not(containsString("/mau/01\"")))));
        // the fee step and the scans step are closed after it
        perform(get(base + "/le-phi").with(officer())).andExpect(redirectedUrl(base + "/da-xong"));
        perform(get(base + "/ho-so").with(officer())).andExpect(redirectedUrl(base + "/da-xong"));
    }

    @Test
    void theResultIsHandedOverAtTheCounterWithTheCollectorsNameAndNumber() throws Exception {
        String code = DeskStandIn.RESOLVED;
        perform(get("/motcua/ho-so/" + code).with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"action-return-counter\""),
                                containsString("name=\"collectedByName\" maxlength=\"200\""),
                                containsString("name=\"collectedByNationalId\" maxlength=\"12\""),
                                containsString("id=\"action-post-result\""),
                                containsString("name=\"trackingNumber\" maxlength=\"64\""),
                                containsString("name=\"postedDate\""),
                                containsString("Trả kết quả trực tuyến"))));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/motcua/ho-so/" + code + "/xu-ly/return-counter")
                        .with(officer())
                        .with(csrf())
                        .param("collectedByName", "Trần Thị Bình")
                        .param("collectedByNationalId", "0010850")
                        .param("confirm", "yes"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"return-counter-collector-id-error\">Số CCCD gồm đúng 12 chữ số."),
                                containsString("value=\"Trần Thị Bình\""))));
        api.server.verify(0, postRequestedFor(urlPathMatching("/api/v1/dossiers/.*/actions/.*")));

        api.server.stubFor(DeskStandIn.action(code, "return-result").willReturn(okJson("{}")));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/motcua/ho-so/" + code + "/xu-ly/return-counter")
                        .with(officer())
                        .with(csrf())
                        .param("collectedByName", "Trần Thị Bình")
                        .param("collectedByNationalId", "001085012345")
                        .param("note", "Nhận thay chồng")
                        .param("confirm", "yes"))
                .andExpect(redirectedUrl("/motcua/ho-so/" + code))
                .andExpect(flash().attribute("notice", "desk.done.return-counter"));
        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/actions/return-result"))
                .withRequestBody(equalToJson("""
                        {"note":"Nhận thay chồng","delivery":{"method":"COUNTER","collectedByName":"Trần Thị Bình",
                         "collectedByNationalId":"001085012345"}}""")));
    }

    @Test
    void theResultSentByPostIsRecordedWithItsTrackingNumberThenItsDeliveryConfirmed() throws Exception {
        String code = DeskStandIn.RESOLVED;
        String today = DeskStandIn.today().toString();
        api.server.stubFor(DeskStandIn.action(code, "post-result")
                .willReturn(DeskStandIn.fieldProblem("delivery.trackingNumber", "Số hiệu đã được dùng.")));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/motcua/ho-so/" + code + "/xu-ly/post-result")
                        .with(officer())
                        .with(csrf())
                        .param("trackingNumber", "EB123456789VN")
                        .param("postedDate", today)
                        .param("confirm", "yes"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"post-result-tracking-error\">Số hiệu đã được dùng.</p>"),
                                containsString("value=\"EB123456789VN\""))));
        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/actions/post-result"))
                .withRequestBody(equalToJson("{\"delivery\":{\"method\":\"POST\",\"trackingNumber\":\"EB123456789VN\","
                        + "\"postedDate\":\"" + today + "\"}}")));

        String posted = DeskStandIn.POSTED;
        perform(get("/motcua/ho-so/" + posted).with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"action-return-posted\""),
                                not(containsString("id=\"action-return-counter\"")))));
        api.server.stubFor(DeskStandIn.action(posted, "return-result").willReturn(okJson("{}")));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/motcua/ho-so/" + posted + "/xu-ly/return-posted")
                        .with(officer())
                        .with(csrf())
                        .param("confirm", "yes"))
                .andExpect(flash().attribute("notice", "desk.done.return-posted"));
        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + posted + "/actions/return-result"))
                .withRequestBody(equalToJson("{\"delivery\":{\"method\":\"POST\"}}")));
    }

    @Test
    void theFeeOfAWalkInDossierIsTakenAtTheCounterFromItsPageAndASecondTimeIsASentence() throws Exception {
        String code = DeskStandIn.IN_PROCESSING;
        String page = perform(get("/motcua/ho-so/" + code).with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"action-counter-fee\""),
                                containsString("name=\"method\" value=\"CARD\""),
                                containsString("name=\"payerName\" maxlength=\"200\""))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var match = java.util.regex.Pattern.compile("name=\"key\" value=\"([0-9a-f-]{36})\"")
                .matcher(page);
        assertThat(match.find()).isTrue();
        String key = match.group(1);
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/motcua/ho-so/" + code + "/thu-phi")
                        .with(officer())
                        .with(csrf())
                        .param("key", key)
                        .param("method", "CARD"))
                .andExpect(redirectedUrl("/motcua/ho-so/" + code))
                .andExpect(flash().attribute("notice", "desk.done.counter-fee"))
                .andExpect(flash().attributeExists("receipt"));
        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/payments/counter"))
                .withHeader("Idempotency-Key", equalTo(key))
                .withRequestBody(equalToJson("{\"dossierCode\":\"" + code + "\",\"method\":\"CARD\"}")));

        api.server.stubFor(post(urlPathEqualTo("/api/v1/payments/counter"))
                .atPriority(1)
                .willReturn(PublicApiStandIn.problem(409, "payment-already-made")));
        perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/motcua/ho-so/" + code + "/thu-phi")
                        .with(officer())
                        .with(csrf())
                        .param("key", key)
                        .param("method", "CASH"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Hồ sơ này đã nộp phí; không thu lần nữa."),
                                containsString("name=\"key\" value=\"" + key + "\""),
                                not(containsString("raw API detail")))));
        // the approver takes no fee; an online dossier not awaiting payment shows no fee form
        perform(get("/motcua/ho-so/" + DeskStandIn.RECEIVED).with(officer()))
                .andExpect(content().string(not(containsString("id=\"action-counter-fee\""))));
    }
}

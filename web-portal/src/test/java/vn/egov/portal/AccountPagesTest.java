package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The citizen's account pages and the inbox against WireMock answering as identity-service and
 * notification-service do through the gateway (their shapes, their problem documents with {@code errors[]}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@PortalTestSetup
class AccountPagesTest extends WithPublicApi {

    /** The access token Spring Security's oidcLogin() keeps for the signed-in user: the API calls must carry it. */
    static final String TOKEN = "access-token";

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void stubs() {
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/identity/me"))
                .atPriority(10)
                .willReturn(okJson(ME_LEVEL_1)));
        // the header's count on every signed-in page
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/notifications"))
                .withQueryParam("unreadOnly", equalTo("true"))
                .atPriority(1)
                .willReturn(okJson("""
                        {"items":[],"page":0,"size":1,"totalItems":2,"totalPages":2}""")));
    }

    OidcLoginRequestPostProcessor signedIn() {
        return oidcLogin()
                .clientRegistration(registrations.findByRegistrationId("portal"))
                .oidcUser(SignInTest.citizen());
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fieldProblem(
            int status, String code, String errors) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("""
                        {"type":"https://egov.vn/problems/%s","title":"t","status":%d,"code":"%s","errors":[%s]}""".formatted(code, status, code, errors));
    }

    // --- registration ---

    @Test
    void aVisitorFindsRegistrationInTheHeaderAndAnEmptyFormWithLabelledFields() throws Exception {
        mvc.perform(get("/dang-ky"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Đăng ký tài khoản · Cổng dịch vụ công</title>"),
                                containsString("href=\"/dang-ky\">Đăng ký</a>"),
                                containsString("<form class=\"account-form\" method=\"post\" action=\"/dang-ky\""),
                                containsString("name=\"_csrf\""),
                                containsString("<label for=\"nationalId\">Số định danh cá nhân</label>"),
                                containsString("id=\"sex-FEMALE\""),
                                containsString("type=\"password\""),
                                not(containsString("class=\"field-error\"")))));
    }

    @Test
    void theApisFieldErrorsAreShownNextToTheFieldsWhatWasTypedIsKeptButNeverThePassword() throws Exception {
        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/registrations"))
                .withHeader("Accept-Language", equalTo("vi"))
                .willReturn(fieldProblem(400, "validation-failed", """
                        {"field":"nationalId","code":"national-id-sex","message":"Chữ số thứ 4 của số định danh cá nhân không khớp với giới tính."},
                        {"field":"phone","code":"phone-format","message":"Số điện thoại di động không hợp lệ."}""")));

        mvc.perform(post("/dang-ky")
                        .with(csrf())
                        .param("fullName", "Trần Thị Bình")
                        .param("nationalId", "001095012345")
                        .param("dateOfBirth", "1995-03-08")
                        .param("sex", "FEMALE")
                        .param("email", "binh@example.vn")
                        .param("phone", "12345")
                        .param("password", "Secret-Pass-1")
                        .param("requestId", "6f1c7f0e-7a43-4d1e-a7c4-8f2b0d3c9a11"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<div class=\"error-summary\" role=\"alert\">"),
                                containsString("<p id=\"nationalId-error\" class=\"field-error\">"
                                        + "Chữ số thứ 4 của số định danh cá nhân không khớp với giới tính.</p>"),
                                containsString("<p id=\"phone-error\" class=\"field-error\">"
                                        + "Số điện thoại di động không hợp lệ.</p>"),
                                containsString("aria-describedby=\"nationalId-hint nationalId-error\""),
                                containsString("name=\"fullName\" value=\"Trần Thị B"),
                                containsString("value=\"001095012345\""),
                                containsString("value=\"12345\""),
                                containsString("id=\"sex-FEMALE\" value=\"FEMALE\" name=\"sex\" checked=\"checked\""),
                                not(containsString("Secret-Pass-1")),
                                // a corrected form is a new request
                                not(containsString("6f1c7f0e-7a43-4d1e-a7c4-8f2b0d3c9a11")),
                                not(containsString("class=\"problem\"")))));

        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/identity/registrations"))
                .withHeader("Idempotency-Key", equalTo("6f1c7f0e-7a43-4d1e-a7c4-8f2b0d3c9a11"))
                .withRequestBody(equalToJson("""
                        {"fullName":"Trần Thị Bình","nationalId":"001095012345","dateOfBirth":"1995-03-08",
                         "sex":"FEMALE","email":"binh@example.vn","phone":"12345","password":"Secret-Pass-1"}""")));
    }

    @Test
    void inEnglishTheApiIsAskedInEnglishAndItsMessagesAreShown() throws Exception {
        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/registrations"))
                .withHeader("Accept-Language", equalTo("en"))
                .willReturn(fieldProblem(409, "already-registered", """
                        {"field":"email","code":"already-registered","message":"Already used by another account."}""")));

        mvc.perform(post("/dang-ky")
                        .with(csrf())
                        .param("lang", "en")
                        .param("fullName", "Trần Thị Bình")
                        .param("email", "binh@example.vn")
                        .param("password", "x"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<p id=\"email-error\" class=\"field-error\">"
                                        + "Already used by another account.</p>"),
                                containsString("<label for=\"email\">Email</label>"))));
    }

    @Test
    void aProblemWithoutFieldErrorsIsOneSentenceAtTheTopAndAnUnreachableApiIsTheErrorPage() throws Exception {
        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/registrations"))
                .willReturn(fieldProblem(400, "bad-request", "")));
        mvc.perform(post("/dang-ky").with(csrf()).param("fullName", "A"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<div class=\"error-summary\" role=\"alert\">"),
                                containsString("Hệ thống chưa xử lý được yêu cầu."),
                                not(containsString("class=\"field-error\"")))));

        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/registrations"))
                .willReturn(PublicApiStandIn.problem(503, "identity-provider-unavailable")));
        mvc.perform(post("/dang-ky").with(csrf()).param("fullName", "A")).andExpect(status().is5xxServerError());
    }

    @Test
    void aRegistrationGoesToAPageSayingWhatHappensNext() throws Exception {
        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/registrations"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"0c3f7a1e-6d0a-4b7e-9a43-2a1d7b9c1e55\","
                                + "\"username\":\"001095012345\",\"levelOfAssurance\":1}")));

        mvc.perform(post("/dang-ky").with(csrf()).param("fullName", "Trần Thị Bình"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/dang-ky/da-xong"));
        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/identity/registrations"))
                .withHeader("Idempotency-Key", matching("[0-9a-f-]{36}")));

        mvc.perform(get("/dang-ky/da-xong"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1>Đã nhận đăng ký</h1>"),
                                containsString("Đăng nhập bằng số định danh cá nhân"),
                                containsString("class=\"button-link\" href=\"/dang-nhap\""))));
    }

    @Test
    void registrationWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/dang-ky").param("fullName", "A")).andExpect(status().isForbidden());
    }

    // --- profile and verification ---

    static final String ME_LEVEL_1 = """
            {"subject":"0c3f7a1e-6d0a-4b7e-9a43-2a1d7b9c1e55","username":"001******345","fullName":"Nguyễn Văn An",
             "nationalIdMasked":"001******345","dateOfBirth":"1990-05-17","email":"an@example.vn","phone":"0912345678",
             "levelOfAssurance":1,"roles":["citizen"],"agency":null,"businesses":[]}""";

    @Test
    void theProfileNeedsASignIn() throws Exception {
        mvc.perform(get("/tai-khoan")).andExpect(status().isFound()).andExpect(redirectedUrl("/dang-nhap"));
        mvc.perform(get("/thong-bao")).andExpect(status().isFound()).andExpect(redirectedUrl("/dang-nhap"));
    }

    @Test
    void theProfileShowsTheMaskedNumberContactsAndTheLevelInWordsWithTheUsersToken() throws Exception {
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/identity/me"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(ME_LEVEL_1)));

        mvc.perform(get("/tai-khoan").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Tài khoản của tôi · Cổng dịch vụ công</title>"),
                                containsString("<dd>001******345</dd>"),
                                containsString("<dd>17/05/1990</dd>"),
                                containsString("<dd>an@example.vn</dd>"),
                                containsString("Mức 1: đã đăng ký, chưa xác minh danh tính"),
                                containsString("action=\"/tai-khoan/xac-minh\""),
                                // the header: the inbox with its unread count, rendered on the server
                                containsString("<span class=\"unread\" id=\"unread-count\">2</span>"),
                                containsString("src=\"/assets/js/unread.js\""))));
        api.server.verify(WireMock.getRequestedFor(urlPathEqualTo("/api/v1/identity/me"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void verificationSaysItWorkedOrWhyNot() throws Exception {
        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/me/verification"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("{\"levelOfAssurance\":2,\"verifiedAt\":\"2026-12-04T09:00:00Z\"}")));
        mvc.perform(post("/tai-khoan/xac-minh").with(signedIn()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/tai-khoan?xac-minh=da-xong"));

        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/me/verification"))
                .willReturn(PublicApiStandIn.problem(422, "registry-mismatch")));
        mvc.perform(post("/tai-khoan/xac-minh").with(signedIn()).with(csrf()))
                .andExpect(redirectedUrl("/tai-khoan?xac-minh=registry-mismatch"));

        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/identity/me"))
                .willReturn(okJson(ME_LEVEL_1.replace("\"levelOfAssurance\":1", "\"levelOfAssurance\":2"))));
        mvc.perform(get("/tai-khoan?xac-minh=da-xong").with(signedIn()))
                .andExpect(content()
                        .string(allOf(
                                containsString("Đã xác minh danh tính: tài khoản của bạn ở mức 2."),
                                containsString("Mức 2: đã xác minh danh tính"),
                                not(containsString("action=\"/tai-khoan/xac-minh\"")))));
        mvc.perform(get("/tai-khoan?xac-minh=registry-mismatch").with(signedIn()))
                .andExpect(content().string(containsString("không khớp với Cơ sở dữ liệu quốc gia về dân cư")));
        // whatever else the address says, the page says only its own sentences
        mvc.perform(get("/tai-khoan?xac-minh=<b>hacked</b>").with(signedIn()))
                .andExpect(content()
                        .string(allOf(
                                containsString("Chưa xác minh được danh tính lúc này."), not(containsString("<b>")))));
    }

    // --- contact changes ---

    @Test
    void aContactChangeAsksForTheCodeThenAppliesIt() throws Exception {
        mvc.perform(get("/tai-khoan/lien-he").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "id=\"channel-EMAIL\" value=\"EMAIL\" name=\"channel\" checked=\"checked\"")));

        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/me/contact-changes"))
                .withRequestBody(equalToJson("{\"channel\":\"SMS\",\"value\":\"12\"}"))
                .willReturn(fieldProblem(400, "validation-failed", """
                        {"field":"value","code":"phone-format","message":"Số điện thoại di động không hợp lệ."}""")));
        mvc.perform(post("/tai-khoan/lien-he")
                        .with(signedIn())
                        .with(csrf())
                        .param("channel", "SMS")
                        .param("value", "12"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<p id=\"value-error\" class=\"field-error\">"
                                        + "Số điện thoại di động không hợp lệ.</p>"),
                                containsString("value=\"12\""))));

        String id = "9a1d3c55-2b7e-4f0a-8c6d-1e2f3a4b5c6d";
        api.server.stubFor(
                WireMock.post(urlPathEqualTo("/api/v1/identity/me/contact-changes"))
                        .withRequestBody(equalToJson("{\"channel\":\"SMS\",\"value\":\"0987654321\"}"))
                        .willReturn(
                                aResponse()
                                        .withStatus(202)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"id\":\"" + id
                                                        + "\",\"channel\":\"SMS\",\"expiresAt\":\"2026-12-04T09:10:00Z\",\"attemptsAllowed\":5}")));
        mvc.perform(post("/tai-khoan/lien-he")
                        .with(signedIn())
                        .with(csrf())
                        .param("channel", "SMS")
                        .param("value", "0987654321"))
                .andExpect(redirectedUrl("/tai-khoan/lien-he/" + id + "?kenh=SMS"));

        mvc.perform(get("/tai-khoan/lien-he/" + id).param("kenh", "SMS").with(signedIn()))
                .andExpect(content()
                        .string(allOf(
                                containsString("bằng tin nhắn đến số điện thoại mới"),
                                containsString("autocomplete=\"one-time-code\""))));

        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/me/contact-changes/" + id + "/confirm"))
                .withRequestBody(equalToJson("{\"code\":\"111111\"}"))
                .willReturn(PublicApiStandIn.problem(422, "verification-code-wrong")));
        mvc.perform(post("/tai-khoan/lien-he/" + id)
                        .with(signedIn())
                        .with(csrf())
                        .param("kenh", "SMS")
                        .param("code", "111111"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<p id=\"code-error\" class=\"field-error\">"
                                        + "Mã xác nhận không đúng. Hãy kiểm tra lại.</p>"),
                                not(containsString("raw API detail")))));

        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/me/contact-changes/" + id + "/confirm"))
                .withRequestBody(equalToJson("{\"code\":\"424242\"}"))
                .willReturn(okJson("{\"channel\":\"SMS\",\"email\":\"an@example.vn\",\"phone\":\"0987654321\","
                        + "\"changedAt\":\"2026-12-04T09:05:00Z\"}")));
        mvc.perform(post("/tai-khoan/lien-he/" + id)
                        .with(signedIn())
                        .with(csrf())
                        .param("kenh", "SMS")
                        .param("code", "424242"))
                .andExpect(redirectedUrl("/tai-khoan?lien-he=da-doi"));
        mvc.perform(get("/tai-khoan?lien-he=da-doi").with(signedIn()))
                .andExpect(content().string(containsString("Đã đổi thông tin liên hệ.")));
    }

    // --- inbox ---

    @Test
    void theInboxListsNoticesNewestFirstAndMarksOneRead() throws Exception {
        String unread = "5b0e2a4c-1d3f-4e6a-9b8c-7d6e5f4a3b2c";
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/notifications"))
                .withQueryParam("unreadOnly", WireMock.absent())
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("""
                        {"items":[
                          {"id":"%s","kind":"CITIZEN_VERIFIED","title":"Đã xác minh danh tính",
                           "body":"Tài khoản của bạn đã ở mức 2.","link":null,"createdAt":"2026-12-04T02:30:00Z","readAt":null},
                          {"id":"6c1f3b5d-2e4a-4f7b-8c9d-0e1f2a3b4c5d","kind":"DOSSIER_RECEIVED","title":"Hồ sơ đã được tiếp nhận",
                           "body":"Đã tiếp nhận.","link":"https://dichvucong.example.vn/ho-so/000.00.01.H26-261204-0011",
                           "createdAt":"2026-12-03T18:30:00Z","readAt":"2026-12-04T01:00:00Z"},
                          {"id":"7d2a4c6e-3f5b-4a8c-9d0e-1f2a3b4c5d6e","kind":"OTHER","title":"Liên kết lạ",
                           "body":"…","link":"https://evil.example/phish","createdAt":"2026-12-03T18:00:00Z",
                           "readAt":"2026-12-04T01:00:00Z"},
                          {"id":"1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d","kind":"CITIZEN_REGISTERED","title":"Chào mừng",
                           "body":"Tài khoản đã được tạo.","link":null,"createdAt":"2026-12-03T17:30:00Z",
                           "readAt":"2026-12-04T01:00:00Z"}],
                         "page":0,"size":20,"totalItems":4,"totalPages":1}""".formatted(unread))));
        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/notifications/" + unread + "/read"))
                .willReturn(aResponse().withStatus(204)));

        MvcResult page = mvc.perform(get("/thong-bao").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Thông báo · Cổng dịch vụ công</title>"),
                                containsString("Đã xác minh danh tính"),
                                containsString("<li class=\"is-unread\">"),
                                // 17:30 UTC on the 3rd is the 4th in Vietnam
                                containsString("<p class=\"meta\">04/12/2026</p>"),
                                containsString("action=\"/thong-bao/" + unread + "/da-doc?trang=1\""),
                                // a dossier's link as a path of the portal; any other link is not shown
                                containsString("<a href=\"/ho-so/000.00.01.H26-261204-0011\">Xem hồ sơ</a>"),
                                not(containsString("evil.example")))))
                .andReturn();
        org.assertj.core.api.Assertions.assertThat(page.getResponse().getContentAsString())
                .as("one form: only the unread notice can be marked read")
                .containsOnlyOnce("/da-doc");

        mvc.perform(post("/thong-bao/" + unread + "/da-doc")
                        .param("trang", "1")
                        .with(signedIn())
                        .with(csrf()))
                .andExpect(redirectedUrl("/thong-bao?trang=1"));
        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/notifications/" + unread + "/read"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));

        mvc.perform(get("/thong-bao/chua-doc").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"unread\":2}"));
    }

    @Test
    void aPageStillShowsWhenTheInboxDoesNotAnswerOnlyWithoutTheCount() throws Exception {
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/notifications"))
                .atPriority(0)
                .willReturn(PublicApiStandIn.problem(503, "upstream-unavailable")));
        mvc.perform(get("/tro-giup").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"/thong-bao\""), not(containsString("id=\"unread-count\"")))));
    }
}

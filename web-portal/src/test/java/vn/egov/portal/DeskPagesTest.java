package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.egov.portal.signin.StaffRolesAccess;

/**
 * The officers' desk against the stand-in of dossier-service's officer API: staff only (a citizen gets the 403
 * page), the queue's filters passed to the API and its deadline words, the dossier page and its actions (the page's
 * checks, the API's field errors next to the fields, the success flash), the inline preview's headers, the dashboard.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PortalTestSetup
class DeskPagesTest extends WithPublicApi {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void stubs() {
        api.stubCitizenApi();
        DeskStandIn.stub(api);
    }

    RequestPostProcessor as(OidcUser user, String token) {
        var portal = registrations.findByRegistrationId("portal");
        RequestPostProcessor login = oidcLogin().clientRegistration(portal).oidcUser(user);
        RequestPostProcessor tokens = oauth2Client()
                .clientRegistration(portal)
                .principalName(user.getName())
                .accessToken(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        token,
                        Instant.now(),
                        Instant.now().plusSeconds(300)));
        return request -> tokens.postProcessRequest(login.postProcessRequest(request));
    }

    RequestPostProcessor officer() {
        return as(DeskStandIn.officer(), DeskStandIn.OFFICER_TOKEN);
    }

    RequestPostProcessor approver() {
        return as(DeskStandIn.approver(), DeskStandIn.APPROVER_TOKEN);
    }

    @Test
    void aCitizenGetsTheStaffOnly403PageAndNoDeskLinkWhileAnOfficerSeesTheLink() throws Exception {
        RequestPostProcessor citizen = as(SignInTest.citizen(), PublicApiStandIn.AN_TOKEN);
        for (String path : List.of("/motcua", "/motcua/ho-so/" + DeskStandIn.RECEIVED, "/motcua/thong-ke")) {
            // the page's words are the browser test's (MockMvc renders no error page): DeskBrowserIT
            mvc.perform(get(path).with(citizen))
                    .andExpect(status().isForbidden())
                    .andExpect(request().attribute("staffOnly", true));
        }
        api.server.verify(0, getRequestedFor(urlPathMatching("/api/v1/dossiers.*")));
        mvc.perform(get("/ho-so").with(citizen))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/motcua\""))));
        mvc.perform(get("/tro-giup").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/motcua\">Bàn làm việc</a>")));
    }

    @Test
    void withoutASessionTheDeskStartsTheSignIn() throws Exception {
        mvc.perform(get("/motcua")).andExpect(status().isFound()).andExpect(redirectedUrl("/dang-nhap"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsTheUsual403NotTheStaffOnlyPage() throws Exception {
        mvc.perform(post("/motcua/ho-so/" + DeskStandIn.RECEIVED + "/xu-ly/forward")
                        .with(officer()))
                .andExpect(status().isForbidden())
                .andExpect(request().attribute("staffOnly", org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void theQueueShowsTheAgencysDossiersByDueDateWithTheDeadlineInWordsAndPassesTheFiltersToTheApi() throws Exception {
        String due = DeskStandIn.today().plusDays(7).toString();
        mvc.perform(get("/motcua")
                        .param("status", "RECEIVED")
                        .param("procedure", "1.001612")
                        .param("overdue", "true")
                        .param("receiptOverdue", "true")
                        .param("dueBefore", due)
                        .param("page", "1")
                        .with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Hồ sơ cần xử lý · Cổng dịch vụ công</title>"),
                                containsString("205 hồ sơ, sắp theo hạn giải quyết"),
                                containsString("href=\"/motcua/ho-so/" + DeskStandIn.RECEIVED
                                        + "\">Đăng ký thành lập hộ kinh doanh</a>"),
                                containsString("class=\"due due-overdue\">Quá hạn</span>"),
                                containsString("class=\"due due-today\">Đến hạn hôm nay</span>"),
                                containsString("class=\"due due-soon\">Sắp đến hạn (trong 2 ngày làm việc)</span>"),
                                containsString("<option value=\"1.001612\" selected=\"selected\">"),
                                containsString("id=\"overdue\" name=\"overdue\" value=\"true\" checked=\"checked\""),
                                containsString("id=\"receiptOverdue\" name=\"receiptOverdue\" value=\"true\""
                                        + " checked=\"checked\""),
                                containsString(
                                        "href=\"/motcua?status=RECEIVED&amp;procedure=1.001612&amp;overdue=true&amp;receiptOverdue=true&amp;received=&amp;dueBefore="
                                                + due + "&amp;page=1\">Trang sau</a>"),
                                containsString("aria-current=\"page\">Đã tiếp nhận</a>"))))
                .andExpect(content()
                        .string(PageOrder.of(
                                DeskStandIn.RECEIVED,
                                DeskStandIn.DUE_TODAY,
                                DeskStandIn.DUE_SOON,
                                DeskStandIn.IN_PROCESSING)));
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/dossiers"))
                .withHeader("Authorization", equalTo("Bearer " + DeskStandIn.OFFICER_TOKEN))
                .withQueryParam("status", equalTo("RECEIVED"))
                .withQueryParam("procedure", equalTo("1.001612"))
                .withQueryParam("overdue", equalTo("true"))
                .withQueryParam("receiptOverdue", equalTo("true"))
                .withQueryParam("dueBefore", equalTo(due))
                .withQueryParam("page", equalTo("1"))
                .withQueryParam("size", equalTo("20")));
    }

    @Test
    void theDefaultQueueIsWhatTheAgencyStillHasToActOnAndAllIsOneTabAway() throws Exception {
        mvc.perform(get("/motcua").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("aria-current=\"page\">Cần xử lý</a>"),
                                containsString(
                                        "href=\"/motcua?status=ALL&amp;procedure=&amp;overdue=&amp;receiptOverdue=&amp;received=&amp;dueBefore=\">Tất cả</a>"),
                                containsString("name=\"status\" value=\"OPEN\""))));
        api.server.verify(
                getRequestedFor(urlPathEqualTo("/api/v1/dossiers")).withQueryParam("status", equalTo("OPEN")));
        // every status: no status sent
        mvc.perform(get("/motcua").param("status", "ALL").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-current=\"page\">Tất cả</a>")));
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/dossiers"))
                .withQueryParam("status", com.github.tomakehurst.wiremock.client.WireMock.absent()));
        // a search without a tab looks through every status too
        mvc.perform(get("/motcua").param("q", "001085012345").with(officer())).andExpect(status().isOk());
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/dossiers"))
                .withQueryParam("applicant", equalTo("001085012345"))
                .withQueryParam("status", com.github.tomakehurst.wiremock.client.WireMock.absent()));
    }

    @Test
    void aDossierNobodyReceivedInTimeSaysSoNextToItsReceiptLimit() throws Exception {
        mvc.perform(get("/motcua/ho-so/" + DeskStandIn.NOT_RECEIVED).with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<dt>Hạn tiếp nhận</dt>"),
                                containsString("03/12/2026 15:30"),
                                containsString("class=\"due due-overdue\">Chưa tiếp nhận quá hạn</span>"))));
        // a received dossier has no receipt limit to show
        mvc.perform(get("/motcua/ho-so/" + DeskStandIn.RECEIVED).with(officer()))
                .andExpect(content().string(not(containsString("Hạn tiếp nhận"))));
    }

    @Test
    void theSearchOpensADossierByItsCodeAndSaysWhenTheAgencyHasNone() throws Exception {
        mvc.perform(get("/motcua").param("q", " " + DeskStandIn.RECEIVED + " ").with(officer()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/motcua/ho-so/" + DeskStandIn.RECEIVED));
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlPathEqualTo("/api/v1/dossiers/000.00.09.H26-261204-0001"))
                .willReturn(PublicApiStandIn.problem(404, "dossier-not-found")));
        mvc.perform(get("/motcua").param("q", "000.00.09.H26-261204-0001").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "Không tìm thấy hồ sơ mã 000.00.09.H26-261204-0001 trong cơ quan của bạn.")));
    }

    @Test
    void theDossierPageShowsApplicantFormDocumentsDeadlineHistoryAndTheOfficersActionsForItsStatus() throws Exception {
        String code = DeskStandIn.RECEIVED;
        String doc = "/motcua/ho-so/" + code + "/tai-lieu/";
        mvc.perform(get("/motcua/ho-so/" + code).with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Hộ kinh doanh An Nhiên (0101234567)"),
                                containsString("<dt>Tên hộ kinh doanh</dt><dd>Tạp hoá An Nhiên</dd>"),
                                containsString("<dt>ghiChuCu</dt><dd>x</dd>"),
                                containsString("<iframe src=\"" + doc + DeskStandIn.PDF_ID + "\""),
                                containsString("<img src=\"" + doc + DeskStandIn.PNG_ID + "\""),
                                containsString("href=\"" + doc + DeskStandIn.PDF_ID + "?tai-ve\""),
                                containsString("href=\"/motcua/ho-so/" + code + "/mau/01\""),
                                containsString("Giấy đề nghị đăng ký hộ kinh doanh"),
                                containsString("Hạn giải quyết: 17:00 ngày 08/12/2026"),
                                containsString("Nghị định 01/2021/NĐ-CP, Điều 87"),
                                containsString("class=\"due due-overdue\">Quá hạn</span>"),
                                containsString("Tiếp nhận</span>"),
                                containsString("Đã tiếp nhận · Cán bộ một cửa"),
                                containsString("Đủ thành phần"),
                                containsString("id=\"action-forward\""),
                                containsString("id=\"action-request-supplement\""),
                                // overdue: too late for an apology (it comes before the due time)
                                not(containsString("id=\"action-extend-deadline\"")),
                                containsString("id=\"action-transfer\""),
                                containsString("id=\"action-reject\""),
                                not(containsString("id=\"action-resolve\"")),
                                not(containsString("id=\"action-receive\"")))))
                .andExpect(content().string(PageOrder.of("action-forward", "action-reject")));
        // the approver, in IN_PROCESSING: resolve, extend, reject; nothing of the officer's
        mvc.perform(get("/motcua/ho-so/" + DeskStandIn.IN_PROCESSING).with(approver()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"action-resolve\""),
                                containsString("enctype=\"multipart/form-data\""),
                                containsString("<dd>Trần Thị Bình</dd>"),
                                containsString("<dd>096******123</dd>"),
                                containsString("<dd>08/03/1985</dd>"),
                                containsString("Trực tiếp tại Bộ phận Một cửa"),
                                not(containsString("Hộ kinh doanh An Nhiên")),
                                containsString("id=\"action-stop-processing\""),
                                containsString("id=\"action-extend-deadline\""),
                                containsString("id=\"action-reject\""),
                                not(containsString("id=\"action-request-supplement\"")),
                                not(containsString("id=\"action-forward\"")))));
    }

    @Test
    void aServiceCentresOfficerFollowsWhatItsCentreReceivedForAWardWithoutTheWardsActions() throws Exception {
        mvc.perform(get("/motcua/ho-so/" + DeskStandIn.RECEIVED)
                        .with(as(DeskStandIn.centreOfficer(), DeskStandIn.OFFICER_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "Trung tâm đã tiếp nhận hồ sơ này thay cho Ủy ban nhân dân phường Ba Đình;"),
                                containsString("Giấy đề nghị đăng ký hộ kinh doanh"),
                                not(containsString("class=\"panel desk-action\"")),
                                not(containsString("Không có thao tác nào")))));
        // the ward's own officer has the ward's actions
        mvc.perform(get("/motcua/ho-so/" + DeskStandIn.RECEIVED).with(officer()))
                .andExpect(content().string(containsString("class=\"panel desk-action\"")))
                // the procedure's case the dossier was submitted for (decision 58)
                .andExpect(content()
                        .string(containsString(
                                "<div><dt>Trường hợp</dt><dd>Hộ kinh doanh do một cá nhân thành lập</dd></div>")));
    }

    /**
     * Decision 61: an online dossier the province's centre receives for the ward waits for the centre. The centre's
     * officer has the receiving actions and finds it with the queue's "received for others" filter; the ward's officer
     * follows it with a sentence saying who receives it.
     */
    @Test
    void anOnlineDossierACentreReceivesForTheWardIsTheCentresToReceive() throws Exception {
        String code = "000.00.90.H26-261204-0031";
        api.server.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/dossiers/" + code))
                        .willReturn(okJson("""
                        {"code":"%s","procedureCode":"1.001612","procedureName":"Đăng ký thành lập hộ kinh doanh",
                         "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","status":"SUBMITTED",
                         "submittedAt":"2026-12-03T02:00:00Z","receivedDate":null,"dueDate":null,"overdue":false,
                         "feeVnd":0,"payment":null,"formData":{},"missingDocuments":[],"documents":[],"channel":"ONLINE",
                         "receivingAgencyCode":"000.00.90.H26",
                         "receivingAgencyName":"Trung tâm Phục vụ hành chính công thành phố Hà Nội"}""".formatted(code))));
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlPathEqualTo("/api/v1/dossiers/" + code + "/history"))
                .willReturn(okJson("[]")));
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlPathEqualTo("/api/v1/dossiers/" + code + "/deadline"))
                .willReturn(aResponse().withStatus(404)));
        mvc.perform(get("/motcua/ho-so/" + code).with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Trung tâm Phục vụ hành chính công thành phố Hà Nội tiếp nhận hồ sơ trực"
                                        + " tuyến này thay cho cơ quan;"),
                                not(containsString("id=\"action-receive\"")),
                                not(containsString("Không có thao tác nào")))));
        mvc.perform(get("/motcua/ho-so/" + code).with(as(DeskStandIn.centreOfficer(), DeskStandIn.OFFICER_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"action-receive\""),
                                not(containsString("tiếp nhận hồ sơ trực tuyến này thay cho cơ quan")),
                                not(containsString("Trung tâm đã tiếp nhận hồ sơ này thay cho")))));

        // the centre's queue offers what it receives for other agencies; the ward's does not
        DeskStandIn.stubCounter(api);
        mvc.perform(get("/motcua")
                        .param("received", "true")
                        .with(as(DeskStandIn.centreOfficer(), DeskStandIn.OFFICER_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("id=\"received\" name=\"received\" value=\"true\" checked")));
        api.server.verify(
                getRequestedFor(urlPathEqualTo("/api/v1/dossiers")).withQueryParam("received", equalTo("true")));
        mvc.perform(get("/motcua").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"received\""))));
    }

    @Test
    void aDocumentIsShownInlineForTheDeskPageOnlyWhenItIsAPdfOrAnImage() throws Exception {
        String doc = "/motcua/ho-so/" + DeskStandIn.RECEIVED + "/tai-lieu/";
        mvc.perform(get(doc + DeskStandIn.PDF_ID).with(officer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "inline; filename=\"giay-de-nghi.pdf\""))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'self'")))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
        mvc.perform(get(doc + DeskStandIn.PNG_ID).with(officer()))
                .andExpect(header().string("Content-Disposition", "inline; filename=\"hop-dong.png\""));
        mvc.perform(get(doc + DeskStandIn.PDF_ID).param("tai-ve", "").with(officer()))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"giay-de-nghi.pdf\""))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
        // anything else never renders under the portal's origin
        mvc.perform(get(doc + DeskStandIn.HTML_ID).with(officer()))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"trang.html\""))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")));
    }

    @Test
    void forwardPostsTheNoteWithTheOfficersTokenAndFlashesSuccess() throws Exception {
        String code = DeskStandIn.RECEIVED;
        api.server.stubFor(DeskStandIn.action(code, "forward").willReturn(okJson("{}")));
        mvc.perform(post("/motcua/ho-so/" + code + "/xu-ly/forward")
                        .with(officer())
                        .with(csrf())
                        .param("note", "Chuyển phòng Kinh tế"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/motcua/ho-so/" + code))
                .andExpect(flash().attribute("notice", "desk.done.forward"));
        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/actions/forward"))
                .withHeader("Authorization", equalTo("Bearer " + DeskStandIn.OFFICER_TOKEN))
                .withRequestBody(equalToJson("{\"note\":\"Chuyển phòng Kinh tế\"}")));
    }

    @Test
    void anIrreversibleActionAsksForItsReasonAndConfirmationBeforeTheApiIsAsked() throws Exception {
        String code = DeskStandIn.RECEIVED;
        mvc.perform(post("/motcua/ho-so/" + code + "/xu-ly/reject")
                        .with(officer())
                        .with(csrf())
                        .param("note", "giữ lại"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "<p class=\"field-error\" id=\"reject-reason-error\">Hãy ghi lý do.</p>"),
                                containsString(
                                        "id=\"reject-confirm-error\">Hãy đánh dấu xác nhận trước khi thực hiện."),
                                containsString(">giữ lại</textarea>"),
                                containsString(
                                        "<details class=\"panel desk-action\" id=\"action-reject\" open=\"open\">"))));
        api.server.verify(0, postRequestedFor(urlPathMatching("/api/v1/dossiers/.*/actions/.*")));

        api.server.stubFor(DeskStandIn.action(code, "reject").willReturn(okJson("{}")));
        mvc.perform(post("/motcua/ho-so/" + code + "/xu-ly/reject")
                        .with(officer())
                        .with(csrf())
                        .param("reason", "Không thuộc thẩm quyền")
                        .param("confirm", "yes"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "desk.done.reject"));
        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/actions/reject"))
                .withRequestBody(equalToJson("{\"reason\":\"Không thuộc thẩm quyền\"}")));
    }

    @Test
    void theApisFieldErrorIsShownNextToItsFieldInThePagesLanguage() throws Exception {
        String code = DeskStandIn.IN_PROCESSING;
        String date = DeskStandIn.today().plusDays(3).toString();
        api.server.stubFor(DeskStandIn.action(code, "extend-deadline")
                .willReturn(
                        DeskStandIn.fieldProblem("newAppointmentDate", "Ngày hẹn mới phải sau ngày hẹn hiện tại.")));
        mvc.perform(post("/motcua/ho-so/" + code + "/xu-ly/extend-deadline")
                        .with(officer())
                        .with(csrf())
                        .param("newAppointmentDate", date)
                        .param("reason", "Chờ ý kiến phòng Tài nguyên"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "id=\"extend-deadline-date-error\">Ngày hẹn mới phải sau ngày hẹn hiện tại."),
                                containsString("aria-invalid=\"true\" aria-describedby=\"extend-deadline-date-error\""),
                                containsString("value=\"" + date + "\""),
                                containsString(">Chờ ý kiến phòng Tài nguyên</textarea>"))));
        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/actions/extend-deadline"))
                .withRequestBody(equalToJson(
                        "{\"reason\":\"Chờ ý kiến phòng Tài nguyên\",\"newAppointmentDate\":\"" + date + "\"}")));
    }

    @Test
    void aSupplementRequestSendsTheTickedDocumentsAndAConflictIsASentence() throws Exception {
        String code = DeskStandIn.RECEIVED;
        api.server.stubFor(
                DeskStandIn.action(code, "request-supplement").willReturn(PublicApiStandIn.problem(409, "x")));
        mvc.perform(post("/motcua/ho-so/" + code + "/xu-ly/request-supplement")
                        .with(officer())
                        .with(csrf())
                        .param("missingDocuments", "HOP_DONG_THUE")
                        .param("reason", "Thiếu hợp đồng thuê"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Chưa thực hiện được:"),
                                containsString(
                                        "id=\"request-supplement-missing-HOP_DONG_THUE\" value=\"HOP_DONG_THUE\" checked=\"checked\""),
                                not(containsString("raw API detail")))));
        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/actions/request-supplement"))
                .withRequestBody(
                        equalToJson("{\"reason\":\"Thiếu hợp đồng thuê\",\"missingDocuments\":[\"HOP_DONG_THUE\"]}")));
    }

    @Test
    void anActionTheRoleDoesNotHaveInThisStatusIsNotSent() throws Exception {
        mvc.perform(post("/motcua/ho-so/" + DeskStandIn.RECEIVED + "/xu-ly/resolve")
                        .with(officer())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attributeExists("problem"));
        mvc.perform(post("/motcua/ho-so/" + DeskStandIn.RECEIVED + "/xu-ly/khong-co")
                        .with(officer())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attributeExists("problem"));
        api.server.verify(0, postRequestedFor(urlPathMatching("/api/v1/dossiers/.*/actions/.*")));
    }

    @Test
    void theApproverResolvesWithAPdfAsMultipartAndAFileThatIsNotAPdfIsRefusedByThePage() throws Exception {
        String code = DeskStandIn.IN_PROCESSING;
        MockMultipartFile text =
                new MockMultipartFile("result", "ket-qua.pdf", "application/pdf", "not a pdf".getBytes());
        mvc.perform(multipart("/motcua/ho-so/" + code + "/xu-ly/resolve")
                        .file(text)
                        .param("confirm", "yes")
                        .with(approver())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("id=\"resolve-result-error\">Văn bản kết quả phải là tệp PDF.")));
        api.server.verify(0, postRequestedFor(urlPathMatching("/api/v1/dossiers/.*/actions/.*")));

        api.server.stubFor(DeskStandIn.action(code, "resolve")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));
        MockMultipartFile pdf = new MockMultipartFile(
                "result", "quyet-dinh.pdf", "application/pdf", DeskStandIn.PDF.getBytes(StandardCharsets.US_ASCII));
        mvc.perform(multipart("/motcua/ho-so/" + code + "/xu-ly/resolve")
                        .file(pdf)
                        .param("note", "Đồng ý")
                        .param("confirm", "yes")
                        .with(approver())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "desk.done.resolve"));
        List<LoggedRequest> sent =
                api.server.findAll(postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/actions/resolve")));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer " + DeskStandIn.APPROVER_TOKEN);
        assertThat(sent.get(0).getPart("action").getBody().asString()).isEqualTo("{\"note\":\"Đồng ý\"}");
        assertThat(sent.get(0).getPart("result").getBody().asString()).startsWith("%PDF-1.4");
    }

    @Test
    void theDashboardShowsTheOfficersAgencyAsTilesAndAChartWithItsFiguresInWords() throws Exception {
        mvc.perform(get("/motcua/thong-ke").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Thống kê của cơ quan · Cổng dịch vụ công</title>"),
                                containsString("<strong>Ủy ban nhân dân phường Ba Đình</strong>"),
                                containsString("<dt>Đã tiếp nhận</dt><dd>38</dd>"),
                                containsString("<dd class=\"words\">Chưa có đánh giá</dd>"),
                                containsString("role=\"img\" aria-labelledby=\"chart-title chart-desc\""),
                                containsString(
                                        "Đã tiếp nhận 38; giải quyết đúng hạn 30; trễ hạn 0; đang giải quyết 8, trong đó tạm"
                                                + " dừng chờ bổ sung 1; đang quá hạn 0."),
                                containsString("<dt>Tạm dừng chờ bổ sung</dt><dd>1</dd>"),
                                containsString("Sở Tư pháp thành phố Hà Nội"),
                                containsString("4,3 / 5"))));
    }

    @Test
    void realmRolesAreReadFromKeycloaksAccessTokenAndNothingFromAnythingElse() {
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"sub\":\"x\",\"realm_access\":{\"roles\":[\"default-roles-egov\",\"OFFICER\"]}}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(StaffRolesAccess.realmRoles("h." + payload + ".s")).containsExactly("default-roles-egov", "OFFICER");
        assertThat(StaffRolesAccess.realmRoles("opaque-token")).isEmpty();
        assertThat(StaffRolesAccess.realmRoles("a.bm90IGpzb24.c")).isEmpty();
        assertThat(StaffRolesAccess.realmRoles(
                        "a." + Base64.getUrlEncoder().withoutPadding().encodeToString("{}".getBytes()) + ".c"))
                .isEmpty();
    }

    @Test
    void theRegisterIsChosenByPeriodCheckedNextToItsFieldsAndPrintedFromTheApiWithTheOfficersToken() throws Exception {
        String register = "/api/v1/agencies/" + DeskStandIn.AGENCY + "/register";
        // the form, this month so far by default
        mvc.perform(get("/motcua/so-theo-doi").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1>Sổ theo dõi hồ sơ (Mẫu 07)</h1>"),
                                containsString("name=\"from\" value=\""
                                        + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                                                .withDayOfMonth(1)
                                        + "\""),
                                containsString("aria-current=\"page\">Sổ theo dõi hồ sơ</a>"))));
        // refused here, each sentence next to its field, nothing asked of the API
        mvc.perform(get("/motcua/so-theo-doi?from=2026-12-05&to=2026-12-01").with(officer()))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<p class=\"field-error\" id=\"register-to-error\">Ngày kết thúc phải từ ngày bắt đầu trở đi.</p>")));
        mvc.perform(get("/motcua/so-theo-doi?from=2025-01-01&to=2026-12-01").with(officer()))
                .andExpect(content().string(containsString("Khoảng thời gian dài nhất là 366 ngày.")));
        mvc.perform(get("/motcua/so-theo-doi?from=&to=2026-12-01").with(officer()))
                .andExpect(content()
                        .string(containsString(
                                "<p class=\"field-error\" id=\"register-from-error\">Hãy chọn ngày.</p>")));
        mvc.perform(get("/motcua/so-theo-doi?from=01/12/2026&to=2026-12-01").with(officer()))
                .andExpect(content().string(containsString("Ngày không hợp lệ.")));
        api.server.verify(0, getRequestedFor(urlPathEqualTo(register)));

        // printed: the API's PDF with the officer's token, never cached
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(register))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "inline; filename=\"Mau-so-07.pdf\"")
                        .withBody("%PDF-1.7 so theo doi")));
        mvc.perform(get("/motcua/so-theo-doi?from=2026-12-01&to=2026-12-05").with(officer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string("%PDF-1.7 so theo doi"));
        api.server.verify(getRequestedFor(urlPathEqualTo(register))
                .withQueryParam("from", equalTo("2026-12-01"))
                .withQueryParam("to", equalTo("2026-12-05"))
                .withHeader("Authorization", equalTo("Bearer " + DeskStandIn.OFFICER_TOKEN)));

        // too many dossiers for one register: the API's 422 as a sentence next to the end date
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(register))
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"code\":\"register-too-large\"}")));
        mvc.perform(get("/motcua/so-theo-doi?from=2026-01-01&to=2026-12-05").with(officer()))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<p class=\"field-error\" id=\"register-to-error\">Có hơn 2.000 hồ sơ trong khoảng này; hãy chọn khoảng ngắn hơn.</p>")));
    }

    @Test
    void theSearchBoxListsAnApplicantsDossiersByCccdOrFullNameAndOpensADossierByItsCode() throws Exception {
        // a CCCD: the API's queue with applicant=…, the sentence with the number masked
        mvc.perform(get("/motcua").param("q", " 001085012345 ").with(officer()))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                containsString("Hồ sơ của người nộp có số CCCD ********2345"),
                                                containsString("Xem cả hàng đợi"),
                                                containsString(
                                                        "href=\"/motcua?status=RECEIVED&amp;procedure=&amp;overdue=&amp;receiptOverdue=&amp;received=&amp;dueBefore=&amp;q=001085012345\""))));
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/dossiers"))
                .withQueryParam("applicant", equalTo("001085012345")));
        // a full name, sent as it was typed (the API folds accents and case)
        mvc.perform(get("/motcua").param("q", "Trần Thị Bình").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hồ sơ của người nộp tên “Trần Thị Bình”")));
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/dossiers"))
                .withQueryParam("applicant", equalTo("Trần Thị Bình")));
        // too long: the sentence next to the box, the whole queue, nothing searched
        mvc.perform(get("/motcua").param("q", "a".repeat(101)).with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<p class=\"field-error\" id=\"q-error\">Tối đa 100 ký tự.</p>"),
                                containsString("aria-describedby=\"q-hint q-error\""),
                                not(containsString("Hồ sơ của người nộp")))));
        api.server.verify(
                0,
                getRequestedFor(urlPathEqualTo("/api/v1/dossiers"))
                        .withQueryParam("applicant", equalTo("a".repeat(101))));
        // nothing the API can look up: its field error next to the box, and the whole queue
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/dossiers"))
                .withQueryParam("applicant", equalTo("- -"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"code":"validation-failed","errors":[{"field":"applicant","code":"invalid-applicant-search",
                                 "message":"Nhập số CCCD (12 chữ số) hoặc họ và tên đầy đủ của người nộp."}]}""")));
        mvc.perform(get("/motcua").param("q", "- -").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "<p class=\"field-error\" id=\"q-error\">Nhập số CCCD (12 chữ số) hoặc họ và tên đầy đủ của người nộp.</p>"),
                                containsString(DeskStandIn.RECEIVED))));
        // a code still opens the dossier
        mvc.perform(get("/motcua").param("q", DeskStandIn.RECEIVED).with(officer()))
                .andExpect(redirectedUrl("/motcua/ho-so/" + DeskStandIn.RECEIVED));
    }
}

package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The administrators' pages of the desk against the stand-in of identity-service's officer API and dossier-service's
 * calendar API: each page for its role only (an officer gets 403 and no link), what is sent to the API with the
 * administrator's token, the page's own checks and the API's field errors next to the fields, nothing sent when the
 * page refuses, and the password never written back into the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PortalTestSetup
class DeskAdministrationTest extends WithPublicApi {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void stubs() {
        api.stubCitizenApi();
        DeskStandIn.stub(api);
        AdministrationStandIn.stub(api);
    }

    RequestPostProcessor as(String username, String role, String token) {
        OidcUser user = AdministrationStandIn.user(username, role);
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

    RequestPostProcessor agencyAdmin() {
        return as("quantri.coquan", "AGENCY_ADMIN", AdministrationStandIn.ADMIN_TOKEN);
    }

    RequestPostProcessor systemAdmin() {
        return as("quantri.hethong", "SYSTEM_ADMIN", AdministrationStandIn.SYSADMIN_TOKEN);
    }

    RequestPostProcessor officer() {
        return as("canbo.motcua", "OFFICER", DeskStandIn.OFFICER_TOKEN);
    }

    @Test
    void eachPageIsForItsRoleOnlyAndTheNavigationLinksItForThatRole() throws Exception {
        mvc.perform(get("/motcua/can-bo").with(officer())).andExpect(status().isForbidden());
        mvc.perform(get("/motcua/lich-lam-viec").with(officer())).andExpect(status().isForbidden());
        mvc.perform(get("/motcua/lich-lam-viec").with(agencyAdmin())).andExpect(status().isForbidden());
        mvc.perform(get("/motcua/can-bo").with(systemAdmin())).andExpect(status().isForbidden());
        mvc.perform(post("/motcua/can-bo/" + AdministrationStandIn.OFFICER_ID + "/vo-hieu-hoa")
                        .with(officer())
                        .with(csrf())
                        .param("confirm", "yes"))
                .andExpect(status().isForbidden());
        api.server.verify(0, getRequestedFor("/api/v1/identity/officers"));
        api.server.verify(0, postRequestedFor(urlPathMatching("/api/v1/identity/officers.*")));
        mvc.perform(get("/motcua").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                not(containsString("/motcua/can-bo")), not(containsString("/motcua/lich-lam-viec")))));
        mvc.perform(get("/motcua/can-bo").with(agencyAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"/motcua/can-bo\" aria-current=\"page\">Cán bộ của cơ quan</a>"),
                                not(containsString("/motcua/lich-lam-viec")))));
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder getRequestedFor(String path) {
        return com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(path));
    }

    @Test
    void theAgencyAdministratorSeesTheOfficersAndCanDisableOthersButNotThemselves() throws Exception {
        mvc.perform(get("/motcua/can-bo").with(agencyAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Cán bộ của cơ quan · Cổng dịch vụ công</title>"),
                                containsString("3 tài khoản"),
                                containsString("<strong>Trần Thị Cán Bộ</strong>"),
                                containsString("<span>Đã khoá</span>"),
                                containsString("action=\"/motcua/can-bo/" + AdministrationStandIn.OFFICER_ID
                                        + "/vo-hieu-hoa\""),
                                // no button to lock oneself out, none for an account already disabled
                                not(containsString("9a9a9a9a-0000-4000-8000-000000000002/vo-hieu-hoa")),
                                not(containsString("9a9a9a9a-0000-4000-8000-000000000003/vo-hieu-hoa")))));

        mvc.perform(post("/motcua/can-bo/" + AdministrationStandIn.OFFICER_ID + "/vo-hieu-hoa")
                        .with(agencyAdmin())
                        .with(csrf())
                        .param("name", "canbo.motcua"))
                .andExpect(redirectedUrl("/motcua/can-bo"))
                .andExpect(flash().attribute(
                                "problem", "Chưa khoá tài khoản canbo.motcua: hãy đánh dấu ô xác nhận bên cạnh nút."));
        api.server.verify(0, postRequestedFor(urlPathMatching("/api/v1/identity/officers/.*/disable")));

        api.server.stubFor(WireMock.post(
                        urlPathEqualTo("/api/v1/identity/officers/" + AdministrationStandIn.OFFICER_ID + "/disable"))
                .withHeader("Authorization", equalTo("Bearer " + AdministrationStandIn.ADMIN_TOKEN))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.noContent()));
        mvc.perform(post("/motcua/can-bo/" + AdministrationStandIn.OFFICER_ID + "/vo-hieu-hoa")
                        .with(agencyAdmin())
                        .with(csrf())
                        .param("name", "canbo.motcua")
                        .param("confirm", "yes"))
                .andExpect(redirectedUrl("/motcua/can-bo"))
                .andExpect(flash().attribute("notice", "Đã khoá tài khoản canbo.motcua."));
        api.server.verify(
                1,
                postRequestedFor(
                        urlPathEqualTo("/api/v1/identity/officers/" + AdministrationStandIn.OFFICER_ID + "/disable")));
    }

    @Test
    void creatingAnOfficerChecksTheFormFirstThenShowsTheApisFieldErrorsAndNeverEchoesThePassword() throws Exception {
        mvc.perform(post("/motcua/can-bo")
                        .with(agencyAdmin())
                        .with(csrf())
                        .param("username", "x".repeat(51))
                        .param("fullName", "Nguyễn Văn Bình")
                        .param("role", "SYSTEM_ADMIN")
                        .param("temporaryPassword", "Tam@thoi2026"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"username-error\">Dài quá 50 ký tự."),
                                containsString("id=\"email-error\">Bắt buộc."),
                                containsString(
                                        "id=\"role-error\">Hãy chọn vai trò: cán bộ tiếp nhận hoặc lãnh đạo phê duyệt."),
                                containsString("value=\"Nguyễn Văn Bình\""),
                                not(containsString("Tam@thoi2026")))));
        api.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/identity/officers")));

        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/officers"))
                .atPriority(1)
                .withRequestBody(equalToJson("{\"username\":\"da.co\"}", true, true))
                .willReturn(DeskStandIn.fieldProblem("username", "Tên đăng nhập đã được dùng.")
                        .withStatus(409)));
        mvc.perform(post("/motcua/can-bo")
                        .with(agencyAdmin())
                        .with(csrf())
                        .param("username", "da.co")
                        .param("fullName", "Nguyễn Văn Bình")
                        .param("email", "binh@example.vn")
                        .param("role", "OFFICER")
                        .param("temporaryPassword", "Tam@thoi2026"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"username-error\">Tên đăng nhập đã được dùng."),
                                containsString("aria-invalid=\"true\""),
                                containsString("id=\"role-OFFICER\" value=\"OFFICER\" checked=\"checked\""),
                                not(containsString("Tam@thoi2026")))));

        api.server.stubFor(WireMock.post(urlPathEqualTo("/api/v1/identity/officers"))
                .atPriority(2)
                .withHeader("Authorization", equalTo("Bearer " + AdministrationStandIn.ADMIN_TOKEN))
                .willReturn(okJson("""
                        {"id":"n-1","username":"nguyen.van.binh","fullName":"Nguyễn Văn Bình","email":"binh@example.vn",
                         "agencyCode":"000.00.01.H26","enabled":true}""").withStatus(201)));
        mvc.perform(post("/motcua/can-bo")
                        .with(agencyAdmin())
                        .with(csrf())
                        .param("username", " nguyen.van.binh ")
                        .param("fullName", "Nguyễn Văn Bình")
                        .param("email", "binh@example.vn")
                        .param("role", "APPROVER")
                        .param("temporaryPassword", "Tam@thoi2026"))
                .andExpect(redirectedUrl("/motcua/can-bo"))
                .andExpect(flash().attribute(
                                "notice", "Đã tạo tài khoản nguyen.van.binh. Hãy trao mật khẩu tạm cho cán bộ."));
        api.server.verify(
                postRequestedFor(urlPathEqualTo("/api/v1/identity/officers")).withRequestBody(equalToJson("""
                        {"username":"nguyen.van.binh","fullName":"Nguyễn Văn Bình","email":"binh@example.vn",
                         "role":"APPROVER","temporaryPassword":"Tam@thoi2026"}""")));
    }

    @Test
    void theAgencyPageIsTheAgencyAdministratorsAndSendsTheRegistryWhatTheFormSays() throws Exception {
        String agency = "/api/v1/identity/agencies/" + DeskStandIn.AGENCY;
        mvc.perform(get("/motcua/co-quan").with(officer())).andExpect(status().isForbidden());
        mvc.perform(get("/motcua/co-quan").with(systemAdmin())).andExpect(status().isForbidden());
        mvc.perform(post("/motcua/co-quan/gio-lam-viec")
                        .with(officer())
                        .with(csrf())
                        .param("periods", "08:00-12:00")
                        .param("source", "x"))
                .andExpect(status().isForbidden());
        api.server.verify(0, putRequestedFor(urlPathMatching("/api/v1/identity/agencies/.*")));

        mvc.perform(get("/motcua/co-quan").with(agencyAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"/motcua/co-quan\" aria-current=\"page\">Thông tin cơ quan</a>"),
                                containsString("<strong>Ủy ban nhân dân phường Ba Đình</strong>"),
                                containsString("Quyết định 12/QĐ-UBND ngày 02/01/2026 về giờ làm việc"),
                                containsString("id=\"series-now\">BLBD-26E</dd>"))));

        // the page's own limits: nothing sent
        mvc.perform(post("/motcua/co-quan/ky-hieu-bien-lai")
                        .with(agencyAdmin())
                        .with(csrf())
                        .param("series", "S".repeat(33))
                        .param("source", " "))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"series-error\">Dài quá 32 ký tự."),
                                containsString("id=\"series-source-error\">Bắt buộc."),
                                not(containsString("id=\"periods-error\"")))));
        api.server.verify(0, putRequestedFor(urlPathMatching("/api/v1/identity/agencies/.*")));

        // accepted: what the form said, with the administrator's token; back to the page with a notice
        api.server.stubFor(WireMock.put(urlPathEqualTo(agency + "/working-hours"))
                .atPriority(1)
                .willReturn(okJson("{}")));
        mvc.perform(post("/motcua/co-quan/gio-lam-viec")
                        .with(agencyAdmin())
                        .with(csrf())
                        .param("periods", " 08:00-12:00,13:00-17:30 ")
                        .param("source", "Quyết định 15/QĐ-UBND"))
                .andExpect(redirectedUrl("/motcua/co-quan"))
                .andExpect(flash().attribute(
                                "notice",
                                "Đã lưu giờ làm việc. Hồ sơ tiếp nhận từ bây giờ được tính hạn theo giờ mới."));
        api.server.verify(putRequestedFor(urlPathEqualTo(agency + "/working-hours"))
                .withHeader("Authorization", equalTo("Bearer " + AdministrationStandIn.ADMIN_TOKEN))
                .withRequestBody(
                        equalToJson("{\"periods\":\"08:00-12:00,13:00-17:30\",\"source\":\"Quyết định 15/QĐ-UBND\"}")));
    }

    @Test
    void theSystemAdministratorSeesTheYearsDaysAndTheChangesAndDeclaresADay() throws Exception {
        mvc.perform(get("/motcua/lich-lam-viec").param("nam", "2027").with(systemAdmin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Các ngày đã khai báo năm 2027"),
                                containsString("<strong>05/02/2027</strong>"),
                                containsString("<span>Ngày làm bù</span>"),
                                containsString("Công văn 1/VPCP"),
                                containsString("action=\"/motcua/lich-lam-viec/2027-02-05/huy\""),
                                containsString("href=\"/motcua/lich-lam-viec?nam=2028\""),
                                containsString(
                                        "href=\"/motcua/lich-lam-viec\" aria-current=\"page\">Lịch làm việc</a>"),
                                // a year due dates can reach has no calendar data: said at the top of the page
                                containsString("<strong>Lịch làm việc chưa có dữ liệu năm 2028.</strong>"),
                                containsString(">Khai báo năm 2028</a>"))));
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/calendar/coverage"))
                .atPriority(1)
                .willReturn(okJson("{\"status\":\"UP\",\"coveredYears\":[2026,2027,2028],\"missingYears\":[]}")));
        mvc.perform(get("/motcua/lich-lam-viec").param("nam", "2027").with(systemAdmin()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("calendar-missing"))));

        mvc.perform(post("/motcua/lich-lam-viec")
                        .with(systemAdmin())
                        .with(csrf())
                        .param("day", "không phải ngày")
                        .param("name", "n".repeat(301)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"day-error\">Hãy chọn một ngày (năm-tháng-ngày)."),
                                containsString("id=\"kind-error\">Hãy chọn loại ngày"),
                                containsString("id=\"name-error\">Dài quá 300 ký tự."),
                                containsString("id=\"source-error\">Bắt buộc."))));
        api.server.verify(0, putRequestedFor(urlPathMatching("/api/v1/calendar/days/.*")));

        // the API's rule on the date itself is said next to the date
        api.server.stubFor(WireMock.put(urlPathEqualTo("/api/v1/calendar/days/2027-02-06"))
                .willReturn(PublicApiStandIn.problem(422, "calendar-day-kind-invalid")));
        mvc.perform(post("/motcua/lich-lam-viec")
                        .with(systemAdmin())
                        .with(csrf())
                        .param("day", "2027-02-06")
                        .param("kind", "HOLIDAY")
                        .param("name", "Nghỉ")
                        .param("source", "Công văn 2/VPCP"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"day-error\">"),
                                containsString("value=\"2027-02-06\""),
                                not(containsString("raw API detail")))));

        api.server.stubFor(WireMock.put(urlPathEqualTo("/api/v1/calendar/days/2027-01-04"))
                .withHeader("Authorization", equalTo("Bearer " + AdministrationStandIn.SYSADMIN_TOKEN))
                .willReturn(okJson("""
                        {"day":"2027-01-04","kind":"HOLIDAY","name":"Nghỉ bù Tết Dương lịch","source":"Công văn 3/VPCP"}""")));
        mvc.perform(post("/motcua/lich-lam-viec")
                        .with(systemAdmin())
                        .with(csrf())
                        .param("day", "2027-01-04")
                        .param("kind", "HOLIDAY")
                        .param("name", " Nghỉ bù Tết Dương lịch ")
                        .param("source", "Công văn 3/VPCP"))
                .andExpect(redirectedUrl("/motcua/lich-lam-viec?nam=2027"))
                .andExpect(flash().attribute("notice", "Đã khai báo ngày 04/01/2027."));
        api.server.verify(putRequestedFor(urlPathEqualTo("/api/v1/calendar/days/2027-01-04"))
                .withRequestBody(equalToJson("""
                        {"kind":"HOLIDAY","name":"Nghỉ bù Tết Dương lịch","source":"Công văn 3/VPCP"}""")));
    }

    @Test
    void withdrawingADayNeedsTheDocumentThatWithdrawsIt() throws Exception {
        mvc.perform(post("/motcua/lich-lam-viec/2027-02-05/huy")
                        .with(systemAdmin())
                        .with(csrf()))
                .andExpect(redirectedUrl("/motcua/lich-lam-viec?nam=2027"))
                .andExpect(flash().attribute(
                                "problem",
                                "Chưa huỷ khai báo ngày 05/02/2027: hãy ghi văn bản huỷ bỏ (tối đa 300 ký tự)."));
        api.server.verify(0, deleteRequestedFor(urlPathMatching("/api/v1/calendar/days/.*")));

        api.server.stubFor(WireMock.delete(urlPathEqualTo("/api/v1/calendar/days/2027-02-05"))
                .withQueryParam("source", equalTo("Công văn 4/VPCP"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.noContent()));
        mvc.perform(post("/motcua/lich-lam-viec/2027-02-05/huy")
                        .with(systemAdmin())
                        .with(csrf())
                        .param("source", "Công văn 4/VPCP"))
                .andExpect(redirectedUrl("/motcua/lich-lam-viec?nam=2027"))
                .andExpect(flash().attribute("notice", "Đã huỷ khai báo ngày 05/02/2027."));
        api.server.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/calendar/days/2027-02-05")));
    }
}

package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A signed-in citizen's pages against the stand-in of dossier-service's citizen API: the calls carry the user's
 * access token from the session, the pages show what the API answers, in the user's language.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PortalTestSetup
class MyDossiersTest extends WithPublicApi {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void stubs() {
        api.stubCitizenApi();
    }

    /** An signed in through the portal's registration, their access token in the session. */
    RequestPostProcessor an() {
        return token(PublicApiStandIn.AN_TOKEN);
    }

    RequestPostProcessor token(String value) {
        var portal = registrations.findByRegistrationId("portal");
        RequestPostProcessor user = oidcLogin().clientRegistration(portal).oidcUser(SignInTest.citizen());
        RequestPostProcessor tokens = oauth2Client()
                .clientRegistration(portal)
                .principalName("001090012345")
                .accessToken(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        value,
                        Instant.now(),
                        Instant.now().plusSeconds(300)));
        return request -> tokens.postProcessRequest(user.postProcessRequest(request));
    }

    @Test
    void myDossiersListsCodeProcedureStatusInWordsAndDatesInVietnamWithTheUsersToken() throws Exception {
        mvc.perform(get("/ho-so").with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Hồ sơ của tôi · Cổng dịch vụ công</title>"),
                                containsString("12 hồ sơ"),
                                containsString("href=\"/ho-so/" + PublicApiStandIn.DOSSIER_CODE
                                        + "\">Đăng ký thành lập hộ kinh doanh</a>"),
                                containsString(">Đang xử lý</dd>"),
                                containsString(">Đã trả kết quả</dd>"),
                                // submitted at 17:30 UTC on the 3rd: the 4th in Vietnam
                                containsString(">04/12/2026</dd>"),
                                containsString(">09/12/2026</dd>"),
                                containsString("href=\"/ho-so?page=1\">Trang sau</a>"),
                                containsString("Trang 1 / 2"))))
                .andExpect(content().string(PageOrder.of(PublicApiStandIn.DOSSIER_CODE, PublicApiStandIn.AN_RESOLVED)));
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/dossiers"))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN))
                .withQueryParam("page", equalTo("0"))
                .withQueryParam("size", equalTo("10")));
    }

    @Test
    void myDossiersInEnglishUsesTheCatalogueEnglishNames() throws Exception {
        mvc.perform(get("/ho-so").param("lang", "en").with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>My dossiers · Public Services Portal</title>"),
                                containsString(">Household business registration</a>"),
                                containsString(">Birth registration</a>"),
                                containsString(">4 Dec 2026</dd>"))));
    }

    @Test
    void aTokenTheApiRefusesSendsTheUserToSignInAgainAndBackToThePage() throws Exception {
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/dossiers"))
                .withHeader("Authorization", equalTo("Bearer revoked"))
                .willReturn(PublicApiStandIn.problem(401, "unauthorized")));

        mvc.perform(get("/ho-so").with(token("revoked")))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/oauth2/authorization/portal"));
    }

    @Test
    void theDossierPageShowsItsDetailsTimelineAndDocumentsAndOffersToWithdraw() throws Exception {
        String code = PublicApiStandIn.DOSSIER_CODE;
        mvc.perform(get("/ho-so/" + code).with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Hồ sơ " + code + " · Cổng dịch vụ công</title>"),
                                containsString("Đăng ký thành lập hộ kinh doanh"),
                                containsString(">Đang xử lý</dd>"),
                                containsString("04/12/2026 00:30"),
                                containsString("100.000 đồng"),
                                containsString(
                                        "href=\"/ho-so/" + code + "/tai-lieu/7d0f3c1e-1111-4a2b-9c3d-000000000001\""),
                                containsString(">giay-de-nghi.pdf</a>"),
                                containsString("href=\"/ho-so/" + code + "/mau/01\""),
                                containsString("Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
                                containsString("href=\"/ho-so/" + code + "/rut\""),
                                containsString("<span class=\"lookup-secret\">" + PublicApiStandIn.DOSSIER_SECRET),
                                not(containsString("Đánh giá mức độ hài lòng")),
                                not(containsString("Kết quả giải quyết")))))
                .andExpect(content()
                        .string(PageOrder.of(
                                "Chờ thanh toán lệ phí",
                                "Đã nộp, chờ tiếp nhận",
                                "04/12/2026 08:15",
                                "Đã tiếp nhận",
                                "Đang xử lý")));
    }

    @Test
    void aReturnedDossierOffersItsResultToDownloadAndTheRatingFormButNotWithdraw() throws Exception {
        String code = PublicApiStandIn.AN_RESOLVED;
        mvc.perform(get("/ho-so/" + code).with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Kết quả giải quyết"),
                                containsString(">Tải về giay-khai-sinh.pdf</a>"),
                                containsString("<form class=\"rating\" method=\"post\" action=\"/ho-so/" + code
                                        + "/danh-gia\""),
                                containsString("name=\"_csrf\""),
                                containsString("Rất hài lòng"),
                                not(containsString("/rut\"")))));
    }

    @Test
    void aResultIsStreamedThroughThePortalWithTheUsersToken() throws Exception {
        String code = PublicApiStandIn.AN_RESOLVED;
        mvc.perform(get("/ho-so/" + code + "/tai-lieu/7d0f3c1e-1111-4a2b-9c3d-000000000003")
                        .with(an()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"giay-khai-sinh.pdf\""))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string("%PDF-1.7 the decision"));
        api.server.verify(getRequestedFor(
                        urlPathEqualTo("/api/v1/dossiers/" + code + "/documents/7d0f3c1e-1111-4a2b-9c3d-000000000003"))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN)));
    }

    @Test
    void anOfficialFormIsStreamedThroughThePortalWithTheUsersToken() throws Exception {
        String code = PublicApiStandIn.DOSSIER_CODE;
        mvc.perform(get("/ho-so/" + code + "/mau/01").with(an()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().string("%PDF-1.7 form 01"));
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/forms/01"))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN)));
        // only the six forms of a dossier: anything else is not a route
        mvc.perform(get("/ho-so/" + code + "/mau/07").with(an())).andExpect(status().isNotFound());
    }

    @Test
    void anotherCitizensDossierOrDocumentIsThe404Page() throws Exception {
        // the API answers 404 for a dossier that is not the caller's (dossier-service's DossierAccess)
        mvc.perform(get("/ho-so/000.00.01.H26-261204-0999").with(token("access-token-of-binh")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<h1>Không tìm thấy trang</h1>")));
        mvc.perform(get("/ho-so/" + PublicApiStandIn.DOSSIER_CODE).with(token("access-token-of-binh")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/ho-so/" + PublicApiStandIn.AN_RESOLVED + "/tai-lieu/7d0f3c1e-1111-4a2b-9c3d-000000000003")
                        .with(token("access-token-of-binh")))
                .andExpect(status().isNotFound());
    }

    @Test
    void withdrawAsksForConfirmationThenPostsWithTheReason() throws Exception {
        String code = PublicApiStandIn.DOSSIER_CODE;
        mvc.perform(get("/ho-so/" + code + "/rut").with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Rút hồ sơ " + code + " · Cổng dịch vụ công</title>"),
                                containsString("Bạn có chắc muốn rút hồ sơ “Đăng ký thành lập hộ kinh doanh”?"),
                                containsString("name=\"_csrf\""),
                                containsString(">Xác nhận rút hồ sơ</button>"))));

        mvc.perform(post("/ho-so/" + code + "/rut").with(an()).param("reason", "Nộp nhầm"))
                .andExpect(status().isForbidden());

        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlPathEqualTo("/api/v1/dossiers/" + code + "/actions/withdraw"))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{}")));
        mvc.perform(post("/ho-so/" + code + "/rut").with(an()).with(csrf()).param("reason", "Nộp nhầm"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/ho-so/" + code))
                .andExpect(flash().attribute("notice", "dossier.withdrawn"));
        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/actions/withdraw"))
                .withRequestBody(equalToJson("{\"reason\":\"Nộp nhầm\"}")));
    }

    @Test
    void aRatingWithoutAScoreIsAskedAgainNextToTheFieldKeepingTheComment() throws Exception {
        String code = PublicApiStandIn.AN_RESOLVED;
        mvc.perform(post("/ho-so/" + code + "/danh-gia").with(an()).with(csrf()).param("comment", "Nhanh gọn"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "<p id=\"score-error\" class=\"field-error\">Hãy chọn một mức độ hài lòng.</p>"),
                                containsString(">Nhanh gọn</textarea>"))));
        api.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/rating")));
    }

    @Test
    void aRatingIsSentAndARefusalOfTheApiIsASentenceOnThePage() throws Exception {
        String code = PublicApiStandIn.AN_RESOLVED;
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlPathEqualTo("/api/v1/dossiers/" + code + "/rating"))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(201)));
        mvc.perform(post("/ho-so/" + code + "/danh-gia").with(an()).with(csrf()).param("score", "4"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "dossier.rated"));
        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/rating"))
                .withRequestBody(equalToJson("{\"score\":4}")));

        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlPathEqualTo("/api/v1/dossiers/" + code + "/rating"))
                .atPriority(1)
                .willReturn(PublicApiStandIn.problem(409, "dossier-already-rated")));
        mvc.perform(post("/ho-so/" + code + "/danh-gia").with(an()).with(csrf()).param("score", "5"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("problem", "Hồ sơ này đã được đánh giá."));
    }
}

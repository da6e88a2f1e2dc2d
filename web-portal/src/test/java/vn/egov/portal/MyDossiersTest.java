package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A signed-in citizen's pages against the stand-in of dossier-service's citizen API: the calls carry the user's
 * access token from the session, the pages show what the API answers, in the user's language.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PortalTestSetup
class MyDossiersTest {

    static final PublicApiStandIn api = new PublicApiStandIn().start();

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("egov.portal.api.base-url", api::baseUrl);
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void reset() {
        api.reset();
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
}

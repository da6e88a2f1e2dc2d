package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The queue's count when dossier-service stopped counting (an agency with more than 1 000 dossiers in the list:
 * {@code totalCapped}): "more than 1 000", not a figure that looks exact.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PortalTestSetup
class DeskQueueCountTest extends WithPublicApi {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void stubs() {
        api.stubCitizenApi();
        DeskStandIn.stub(api);
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/dossiers"))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + DeskStandIn.OFFICER_TOKEN))
                .willReturn(okJson("""
                        {"items":[],"page":0,"size":20,"totalItems":1000,"totalPages":50,"totalCapped":true}""")));
    }

    @Test
    void aCappedCountReadsAsMoreThanTenThousand() throws Exception {
        var portal = registrations.findByRegistrationId("portal");
        RequestPostProcessor login = oidcLogin().clientRegistration(portal).oidcUser(DeskStandIn.officer());
        RequestPostProcessor tokens = oauth2Client()
                .clientRegistration(portal)
                .principalName(DeskStandIn.officer().getName())
                .accessToken(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        DeskStandIn.OFFICER_TOKEN,
                        Instant.now(),
                        Instant.now().plusSeconds(300)));
        mvc.perform(get("/motcua").with(request -> tokens.postProcessRequest(login.postProcessRequest(request))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hơn 1.000 hồ sơ, sắp theo hạn giải quyết")));
    }
}

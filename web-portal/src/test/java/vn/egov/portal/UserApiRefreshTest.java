package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.egov.portal.api.UserApi;

/**
 * The {@code @UserApi} client refreshes an expired access token with the refresh token at Keycloak's token
 * endpoint (a WireMock stand-in over real HTTP, authenticated with the client's secret), keeps the new tokens in
 * the session, and calls the API with the new one; a refresh Keycloak refuses drops the tokens.
 */
@SpringBootTest
@PortalTestSetup
class UserApiRefreshTest extends WithPublicApi {

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        // Keycloak's back channel: the same stand-in answers the token endpoint
        registry.add("egov.portal.sign-in.backchannel", () -> api.baseUrl() + "/auth/realms/egov");
    }

    static final String TOKEN_ENDPOINT = "/auth/realms/egov/protocol/openid-connect/token";

    @Autowired
    @UserApi
    RestClient userApi;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    MockHttpServletRequest request;
    MockHttpServletResponse response;
    OAuth2AuthenticationToken an;

    @BeforeEach
    void signedInWithAnExpiredAccessToken() {
        api.stubCitizenApi();
        request = new MockHttpServletRequest("GET", "/ho-so");
        response = new MockHttpServletResponse();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
        an = new OAuth2AuthenticationToken(SignInTest.citizen(), List.of(), "portal");
        SecurityContextHolder.getContext().setAuthentication(an);
        Instant issued = Instant.now().minusSeconds(600);
        authorizedClients.saveAuthorizedClient(
                new OAuth2AuthorizedClient(
                        registrations.findByRegistrationId("portal"),
                        "001090012345",
                        new OAuth2AccessToken(
                                OAuth2AccessToken.TokenType.BEARER, "expired", issued, issued.plusSeconds(300)),
                        new OAuth2RefreshToken("refresh-of-an", issued)),
                an,
                request,
                response);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedKeptInTheSessionAndUsed() {
        api.server.stubFor(post(urlPathEqualTo(TOKEN_ENDPOINT))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=refresh-of-an"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":300,
                         "refresh_token":"refresh-2","scope":"openid"}""".formatted(PublicApiStandIn.AN_TOKEN))));

        String page = userApi.get().uri("/api/v1/dossiers").retrieve().body(String.class);

        assertThat(page).contains(PublicApiStandIn.DOSSIER_CODE);
        String basic = Base64.getEncoder()
                .encodeToString("web-portal:web-portal-test-secret".getBytes(StandardCharsets.UTF_8));
        api.server.verify(postRequestedFor(urlPathEqualTo(TOKEN_ENDPOINT))
                .withHeader("Authorization", equalTo("Basic " + basic)));
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/dossiers"))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN)));
        OAuth2AuthorizedClient kept =
                authorizedClients.<OAuth2AuthorizedClient>loadAuthorizedClient("portal", an, request);
        assertThat(kept.getAccessToken().getTokenValue()).isEqualTo(PublicApiStandIn.AN_TOKEN);
        assertThat(kept.getRefreshToken().getTokenValue()).isEqualTo("refresh-2");
    }

    @Test
    void aRefreshKeycloakRefusesDropsTheTokensSoTheUserSignsInAgain() {
        api.server.stubFor(post(urlPathEqualTo(TOKEN_ENDPOINT))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}")));

        assertThatThrownBy(
                        () -> userApi.get().uri("/api/v1/dossiers").retrieve().body(String.class))
                .isInstanceOf(OAuth2AuthorizationException.class);
        OAuth2AuthorizedClient dropped = authorizedClients.loadAuthorizedClient("portal", an, request);
        assertThat(dropped).as("the tokens are dropped from the session").isNull();
        api.server.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/dossiers")));
    }

    @Autowired
    vn.egov.portal.signin.RenewedTokens renewed;

    @Test
    void aTokenRenewedAfterVerificationIsRefreshedAtTheNextCallEvenThoughItHadNotExpired() {
        Instant now = Instant.now();
        authorizedClients.saveAuthorizedClient(
                new OAuth2AuthorizedClient(
                        registrations.findByRegistrationId("portal"),
                        "001090012345",
                        new OAuth2AccessToken(
                                OAuth2AccessToken.TokenType.BEARER, "level-1-token", now, now.plusSeconds(300)),
                        new OAuth2RefreshToken("refresh-of-an", now)),
                an,
                request,
                response);
        api.server.stubFor(post(urlPathEqualTo(TOKEN_ENDPOINT))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":300,
                         "refresh_token":"refresh-3","scope":"openid"}""".formatted(PublicApiStandIn.AN_TOKEN))));

        renewed.renewAtNextCall(request, response);
        userApi.get().uri("/api/v1/dossiers").retrieve().body(String.class);

        api.server.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_ENDPOINT)));
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/dossiers"))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN)));
        api.server.verify(
                0,
                getRequestedFor(urlPathEqualTo("/api/v1/dossiers"))
                        .withHeader("Authorization", equalTo("Bearer level-1-token")));
    }
}

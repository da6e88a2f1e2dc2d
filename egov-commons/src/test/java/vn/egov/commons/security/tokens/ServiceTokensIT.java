package vn.egov.commons.security.tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import vn.egov.commons.security.ServiceTokens;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * Service tokens through Spring Security's OAuth2 client, against a real HTTP token endpoint (WireMock): the
 * client-credentials grant as the services configure it, the token kept and renewed before it expires, the
 * RestClient interceptor and what happens when a callee refuses the token, a token endpoint that hangs, and — the
 * point for a resource server — no login of any kind appears.
 */
@SpringBootTest(
        classes = ServiceTokensTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=egov-commons-tokens-test",
            "egov.test.kafka=false",
            "egov.events.relay-enabled=false",
            "egov.security.token-endpoint.read-timeout=1s",
            "spring.security.oauth2.client.registration.test-service.provider=idp",
            "spring.security.oauth2.client.registration.test-service.client-id=test-service",
            "spring.security.oauth2.client.registration.test-service.client-secret=test-secret",
            "spring.security.oauth2.client.registration.test-service.client-authentication-method=client_secret_post",
            "spring.security.oauth2.client.registration.test-service.authorization-grant-type=client_credentials",
            "spring.security.oauth2.client.registration.short-lived.provider=idp",
            "spring.security.oauth2.client.registration.short-lived.client-id=short-lived",
            "spring.security.oauth2.client.registration.short-lived.client-secret=short-secret",
            "spring.security.oauth2.client.registration.short-lived.client-authentication-method=client_secret_post",
            "spring.security.oauth2.client.registration.short-lived.authorization-grant-type=client_credentials",
            "spring.security.oauth2.client.registration.wrong-secret.provider=idp",
            "spring.security.oauth2.client.registration.wrong-secret.client-id=test-service",
            "spring.security.oauth2.client.registration.wrong-secret.client-secret=not-the-secret",
            "spring.security.oauth2.client.registration.wrong-secret.client-authentication-method=client_secret_post",
            "spring.security.oauth2.client.registration.wrong-secret.authorization-grant-type=client_credentials",
            "spring.security.oauth2.client.registration.slow.provider=slow-idp",
            "spring.security.oauth2.client.registration.slow.client-id=slow",
            "spring.security.oauth2.client.registration.slow.client-secret=slow-secret",
            "spring.security.oauth2.client.registration.slow.authorization-grant-type=client_credentials"
        })
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class ServiceTokensIT {

    static final WireMockServer IDP = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    static {
        IDP.start();
    }

    @DynamicPropertySource
    static void tokenEndpoint(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.idp.token-uri", () -> IDP.baseUrl() + "/token");
        registry.add("spring.security.oauth2.client.provider.slow-idp.token-uri", () -> IDP.baseUrl() + "/slow-token");
    }

    @AfterAll
    static void stop() {
        IDP.stop();
    }

    @Autowired
    ServiceTokens tokens;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @BeforeEach
    void endpoints() {
        IDP.resetAll();
        // test-service gets tok-1, then tok-2, …: a second fetch is visible in the token it gives
        IDP.stubFor(post("/token")
                .withFormParam("client_id", equalTo("test-service"))
                .withFormParam("client_secret", equalTo("test-secret"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second")
                .willReturn(okJson("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        IDP.stubFor(post("/token")
                .withFormParam("client_id", equalTo("test-service"))
                .withFormParam("client_secret", equalTo("test-secret"))
                .inScenario("tokens")
                .whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"tok-2\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        IDP.stubFor(
                post("/token")
                        .withFormParam("client_id", equalTo("test-service"))
                        .withFormParam("client_secret", equalTo("not-the-secret"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client credentials\"}")));
        IDP.stubFor(post("/token")
                .withFormParam("client_id", equalTo("short-lived"))
                .willReturn(okJson("{\"access_token\":\"short\",\"token_type\":\"Bearer\",\"expires_in\":20}")));
        IDP.stubFor(post("/slow-token")
                .willReturn(okJson("{\"access_token\":\"late\",\"token_type\":\"Bearer\",\"expires_in\":300}")
                        .withFixedDelay(4000)));
        tokens.invalidate("test-service");
        tokens.invalidate("short-lived");
    }

    @Test
    void aTokenIsFetchedWithTheClientsCredentialsOnceAndKept() {
        assertThat(tokens.accessToken("test-service")).isEqualTo("tok-1");
        assertThat(tokens.accessToken("test-service")).isEqualTo("tok-1");
        IDP.verify(1, postRequestedFor(urlPathEqualTo("/token")).withFormParam("client_id", equalTo("test-service")));
    }

    @Test
    void aTokenWithinHalfAMinuteOfItsExpiryIsNotUsedButRenewed() {
        tokens.accessToken("short-lived");
        tokens.accessToken("short-lived");
        IDP.verify(2, postRequestedFor(urlPathEqualTo("/token")).withFormParam("client_id", equalTo("short-lived")));
    }

    @Test
    void theRestClientInterceptorSendsTheTokenAndARefusalMakesTheNextCallFetchANewOne() {
        IDP.stubFor(get("/api/thing")
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
        IDP.stubFor(get("/api/thing")
                .withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(okJson("{\"ok\":true}")));
        RestClient api = RestClient.builder()
                .baseUrl(IDP.baseUrl())
                .requestInterceptor(tokens.interceptor("test-service"))
                .build();

        // tok-1 was revoked at the callee: refused, and forgotten
        assertThatThrownBy(() -> api.get().uri("/api/thing").retrieve().body(String.class))
                .isInstanceOf(HttpClientErrorException.Unauthorized.class);
        assertThat(api.get().uri("/api/thing").retrieve().body(String.class)).contains("\"ok\"");
        IDP.verify(2, postRequestedFor(urlPathEqualTo("/token")));
        IDP.verify(getRequestedFor(urlPathEqualTo("/api/thing")).withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void invalidatingForgetsTheToken() {
        assertThat(tokens.accessToken("test-service")).isEqualTo("tok-1");
        tokens.invalidate("test-service");
        assertThat(tokens.accessToken("test-service")).isEqualTo("tok-2");
    }

    @Test
    void aTokenEndpointThatRefusesTheClientIsAnOAuth2Error() {
        assertThatThrownBy(() -> tokens.accessToken("wrong-secret")).isInstanceOf(OAuth2AuthorizationException.class);
        assertThatThrownBy(() -> tokens.accessToken("wrong-secret")).isInstanceOf(OAuth2AuthorizationException.class);
        // nothing was kept from a refusal: each call asks again
        IDP.verify(
                2,
                postRequestedFor(urlPathEqualTo("/token")).withFormParam("client_secret", equalTo("not-the-secret")));
    }

    @Test
    void aTokenEndpointThatHangsFailsAfterTheReadTimeout() {
        Instant start = Instant.now();
        assertThatThrownBy(() -> tokens.accessToken("slow")).isInstanceOf(OAuth2AuthorizationException.class);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theServiceStaysAResourceServerWithNoLoginOfAnyKind() {
        var chains = context.getBeansOfType(SecurityFilterChain.class).values();
        assertThat(chains).hasSize(1);
        var filters = chains.iterator().next().getFilters();
        assertThat(filters).anyMatch(f -> f instanceof BearerTokenAuthenticationFilter);
        assertThat(filters)
                .noneMatch(f -> f instanceof OAuth2LoginAuthenticationFilter
                        || f instanceof OAuth2AuthorizationRequestRedirectFilter);

        // no redirect to a login page: a 401 problem, as for any other path without a token
        HttpResponse<String> login = new ServiceConformance(port).get("/oauth2/authorization/test-service", null);
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.headers().firstValue("Location")).isEmpty();
        assertThat(new ServiceConformance(port).get("/login", null).statusCode())
                .isEqualTo(401);
        IDP.verify(0, postRequestedFor(urlPathEqualTo("/token")));
    }
}

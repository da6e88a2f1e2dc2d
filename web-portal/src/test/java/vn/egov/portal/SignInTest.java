package vn.egov.portal;

import static org.assertj.core.api.Assertions.assertThat;
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

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in as a backend-for-frontend, without Keycloak (the real flow is platform-tests' PortalAccountJourneyIT):
 * what the portal sends the browser to, what it keeps in the session (in PostgreSQL), the header, sign-out.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PortalTestSetup
class SignInTest extends WithPublicApi {

    static final String ISSUER = "http://127.0.0.1:9/auth/realms/egov";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static OidcUser citizen() {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-an")
                .issuer(ISSUER)
                .subject("0c3f7a1e-6d0a-4b7e-9a43-2a1d7b9c1e55")
                .claim("preferred_username", "001090012345")
                .claim("given_name", "An")
                .claim("family_name", "Nguyễn Văn")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
        return new DefaultOidcUser(java.util.List.of(), idToken, "sub");
    }

    @Autowired
    ClientRegistrationRepository registrations;

    /** The citizen signed in through the portal's own registration (its tokens in the session). */
    OidcLoginRequestPostProcessor signedIn() {
        return oidcLogin()
                .clientRegistration(registrations.findByRegistrationId("portal"))
                .oidcUser(citizen());
    }

    @Test
    void theSessionsAreIndexedByTheSubjectNeverByTheUsernameWhichIsTheCccd() {
        assertThat(registrations
                        .findByRegistrationId("portal")
                        .getProviderDetails()
                        .getUserInfoEndpoint()
                        .getUserNameAttributeName())
                .as("spring_session.principal_name is not sealed")
                .isEqualTo("sub");
    }

    @Test
    void aSignedInPageWithoutASessionStartsTheSignInAndKeepsThePageAskedForInTheDatabase() throws Exception {
        MvcResult page = mvc.perform(get("/ho-so").param("trang", "2"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/dang-nhap"))
                .andReturn();
        Cookie session = page.getResponse().getCookie("egov_session");
        assertThat(session).as("the session cookie").isNotNull();
        String setCookie = page.getResponse().getHeader("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(jdbc.sql("select count(*) from spring_session_attributes a join spring_session s"
                                + " on s.primary_id = a.session_primary_id where a.attribute_name = :name")
                        .param("name", "SPRING_SECURITY_SAVED_REQUEST")
                        .query(Long.class)
                        .single())
                .as("the page asked for is kept in the session in PostgreSQL")
                .isPositive();
        byte[] stored = jdbc.sql(
                        "select a.attribute_bytes from spring_session_attributes a" + " where a.attribute_name = :name")
                .param("name", "SPRING_SECURITY_SAVED_REQUEST")
                .query(byte[].class)
                .list()
                .get(0);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("session attributes are sealed at rest: neither the page nor Java's serialization shows")
                .doesNotContain("ho-so")
                .doesNotContain("java.");

        mvc.perform(get("/dang-nhap").cookie(session))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/portal"));

        MvcResult authorize = mvc.perform(get("/oauth2/authorization/portal").cookie(session))
                .andExpect(status().isFound())
                .andReturn();
        UriComponents keycloak = UriComponentsBuilder.fromUriString(
                        authorize.getResponse().getRedirectedUrl())
                .build();
        assertThat(keycloak.getScheme() + "://" + keycloak.getHost() + ":" + keycloak.getPort() + keycloak.getPath())
                .isEqualTo(ISSUER + "/protocol/openid-connect/auth");
        Map<String, String> query = keycloak.getQueryParams().toSingleValueMap();
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "web-portal")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("code_challenge", "state", "nonce")
                .as("Keycloak's page in the portal's language, Vietnamese by default")
                .containsEntry("ui_locales", "vi")
                .containsEntry("redirect_uri", "http://localhost/login/oauth2/code/portal")
                .as("the plain sign-in shows Keycloak's page, with its own choices")
                .doesNotContainKey("kc_idp_hint");
        assertThat(query.get("scope")).isEqualTo("openid");

        MvcResult inEnglish = mvc.perform(get("/oauth2/authorization/portal")
                        .cookie(session, new Cookie("egov_lang", "en"))
                        .header("Accept-Language", "vi"))
                .andExpect(status().isFound())
                .andReturn();
        assertThat(UriComponentsBuilder.fromUriString(inEnglish.getResponse().getRedirectedUrl())
                        .build()
                        .getQueryParams()
                        .getFirst("ui_locales"))
                .as("the language chosen on the portal, not the browser's")
                .isEqualTo("en");
    }

    @Test
    void signInWithVneidGoesStraightToTheNationalProviderThroughKeycloakAndComesBackToThePageAsked() throws Exception {
        MvcResult page = mvc.perform(get("/giay-to"))
                .andExpect(redirectedUrl("/dang-nhap"))
                .andReturn();
        Cookie session = page.getResponse().getCookie("egov_session");

        // the header's link, as the page writes it
        mvc.perform(get("/dang-nhap?vneid=").cookie(session))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/portal?vneid"));
        MvcResult authorize = mvc.perform(
                        get("/oauth2/authorization/portal?vneid").cookie(session))
                .andExpect(status().isFound())
                .andReturn();
        UriComponents keycloak = UriComponentsBuilder.fromUriString(
                        authorize.getResponse().getRedirectedUrl())
                .build();
        assertThat(keycloak.getScheme() + "://" + keycloak.getHost() + ":" + keycloak.getPort() + keycloak.getPath())
                .as("still the portal's Keycloak client: Keycloak brokers VNeID, the portal never talks to it")
                .isEqualTo(ISSUER + "/protocol/openid-connect/auth");
        assertThat(keycloak.getQueryParams().toSingleValueMap())
                .containsEntry("kc_idp_hint", "vneid")
                .containsEntry("client_id", "web-portal")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("ui_locales", "vi");

        MvcResult forged = mvc.perform(get("/oauth2/authorization/portal")
                        .param("vneid", "another-provider")
                        .param("kc_idp_hint", "another-provider")
                        .cookie(session))
                .andReturn();
        assertThat(UriComponentsBuilder.fromUriString(forged.getResponse().getRedirectedUrl())
                        .build()
                        .getQueryParams()
                        .get("kc_idp_hint"))
                .as("only the realm's national provider is ever hinted, whatever the request says")
                .containsExactly("vneid");

        mvc.perform(get("/dang-nhap?vneid=").with(signedIn())).andExpect(redirectedUrl("/ho-so"));
    }

    @Test
    void aVisitorSeesSignInInTheHeaderAndNoSessionIsMadeForThem() throws Exception {
        MvcResult home = mvc.perform(get("/tro-giup"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"/dang-nhap\">Đăng nhập</a>"),
                                containsString("href=\"/dang-nhap?vneid=\">Đăng nhập bằng VNeID</a>"),
                                not(containsString("Đăng xuất")))))
                .andReturn();
        assertThat(home.getResponse().getHeader("Set-Cookie"))
                .as("public pages make no session (no row per visitor)")
                .isNull();
    }

    @Test
    void aSignedInCitizenSeesTheirNameFamilyNameFirstAndASignOutFormWithItsCsrfToken() throws Exception {
        mvc.perform(get("/tro-giup").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<span class=\"account-name\">Nguyễn Văn An</span>"),
                                containsString("<form class=\"sign-out\" method=\"post\" action=\"/dang-xuat\">"),
                                containsString("name=\"_csrf\""),
                                not(containsString(">Đăng nhập</a>")))));
        mvc.perform(get("/tro-giup").param("lang", "en").with(signedIn()))
                .andExpect(content().string(containsString(">Sign out</button>")));
    }

    @Test
    void signInWhenSignedInAlreadyGoesToMyDossiers() throws Exception {
        mvc.perform(get("/dang-nhap").with(signedIn()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/ho-so"));
    }

    @Test
    void aFailedSignInSaysSoAndOffersToTryAgain() throws Exception {
        mvc.perform(get("/dang-nhap").param("loi", ""))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Chưa đăng nhập được · Cổng dịch vụ công</title>"),
                                containsString("href=\"/dang-nhap\">Đăng nhập lại</a>"))));
    }

    @Test
    void theRecoveryPageSendsToIdentityServicesStartAndSaysEachOutcomeInWords() throws Exception {
        mvc.perform(get("/dang-nhap/lay-lai"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Lấy lại số định danh · Cổng dịch vụ công</title>"),
                                containsString(
                                        "href=\"/api/v1/identity/national-id-recovery/start\">Lấy lại bằng VNeID</a>"),
                                containsString("không chuyển sang bạn"))));
        mvc.perform(get("/dang-nhap/lay-lai").param("ket-qua", "da-lay-lai"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("class=\"notice\""),
                                containsString("Đã lấy lại số định danh của bạn"),
                                containsString("href=\"/dang-nhap?vneid=\">Đăng nhập bằng VNeID</a>"),
                                not(containsString("recovery-start")))));
        mvc.perform(get("/dang-nhap/lay-lai").param("ket-qua", "muc-1"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("class=\"problem\""),
                                containsString("mới ở mức 1"),
                                containsString("recovery-start"))));
        mvc.perform(get("/dang-nhap/lay-lai").param("ket-qua", "<script>").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Recover with VNeID"),
                                not(containsString("recovery-outcome")),
                                not(containsString("<script>")))));
    }

    @Test
    void signOutIsAPostWithTheCsrfTokenAndEndsKeycloaksSessionToo() throws Exception {
        mvc.perform(post("/dang-xuat").with(signedIn())).andExpect(status().isForbidden());
        mvc.perform(get("/dang-xuat").with(signedIn())).andExpect(status().isNotFound());

        MvcResult out = mvc.perform(post("/dang-xuat").with(signedIn()).with(csrf()))
                .andExpect(status().isFound())
                .andReturn();
        UriComponents logout = UriComponentsBuilder.fromUriString(
                        out.getResponse().getRedirectedUrl())
                .build();
        assertThat(logout.toUriString()).startsWith(ISSUER + "/protocol/openid-connect/logout?");
        assertThat(logout.getQueryParams().toSingleValueMap())
                .containsEntry("id_token_hint", "id-token-of-an")
                .containsEntry("post_logout_redirect_uri", "http://localhost/");
    }
}

package vn.egov.portal.signin;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.servlet.LocaleResolver;
import vn.egov.portal.api.UserApi;

/**
 * Sign-in as a backend-for-frontend: OpenID Connect authorization code with PKCE against Keycloak, the tokens
 * kept in the server-side session (Spring Session in PostgreSQL), the browser holding only the session cookie.
 * Every page is public except a signed-in citizen's ({@link #SIGNED_IN_PATHS}); a visit there without a session
 * starts the sign-in and comes back to that page afterwards.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInProperties.class)
class SignInConfiguration {

    /** The registration id the pages' API client uses on the user's behalf. */
    static final String REGISTRATION = UserApi.REGISTRATION;

    static final String SESSION_COOKIE = "egov_session";

    static final String SIGN_IN = "/dang-nhap";
    static final String SIGN_OUT = "/dang-xuat";

    /**
     * National sign-on (decision 41): the realm's alias of the national identity provider (VNeID), also the query
     * parameter of "Đăng nhập bằng VNeID" ({@code /dang-nhap?vneid}) that becomes Keycloak's {@code kc_idp_hint}.
     */
    static final String NATIONAL = "vneid";

    /** Pages of a signed-in citizen. A new one is listed here and in the gateway's portal routes. */
    static final String[] SIGNED_IN_PATHS = {
        "/ho-so",
        "/ho-so/**",
        "/tai-khoan",
        "/tai-khoan/**",
        "/thong-bao",
        "/thong-bao/**",
        // the submission wizard and the personal document store
        "/nop-ho-so/**",
        "/giay-to",
        "/giay-to/**",
        // payment and supplement: the gateway's return page, the payment's outcome and receipt
        "/thanh-toan/**",
        // officers' desk: staff roles only (STAFF_PATHS)
        "/motcua",
        "/motcua/**"
    };

    /** The officers' desk: a signed-in user with a staff role ({@link StaffRoles#STAFF}); a citizen gets the 403 page. */
    static final String[] STAFF_PATHS = {"/motcua", "/motcua/**"};

    /** Set on the request when a signed-in user without a staff role asks for a desk page (error/403.html). */
    static final String STAFF_ONLY = "staffOnly";

    /**
     * Asked by the header's script, never a page: without a session they answer 401 (the script keeps the count it
     * has) rather than the sign-in, and are never the page the user comes back to after signing in.
     */
    static final String[] SCRIPT_PATHS = {"/thong-bao/chua-doc", "/thong-bao/truc-tiep"};

    /** Where the user lands after signing in when they did not ask for a page first. */
    static final String AFTER_SIGN_IN = "/ho-so";

    @Bean
    ClientRegistrationRepository clientRegistrations(SignInProperties properties) {
        String issuer = properties.issuer().toString().replaceAll("/+$", "");
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("Keycloak")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // PKCE for a confidential client too (OAuth 2.1; Keycloak's client requires S256)
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                // {baseUrl} is the gateway's address (forwarded headers): the callback goes through the gateway
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                // the browser's endpoints at the public issuer, the server's at the back channel; the endpoints
                // are written out rather than discovered so that the portal starts while Keycloak does not answer
                .authorizationUri(properties.endpoint(properties.issuer(), "auth"))
                .tokenUri(properties.endpoint(properties.backchannel(), "token"))
                .jwkSetUri(properties.endpoint(properties.backchannel(), "certs"))
                .issuerUri(issuer)
                // the principal's name is the subject id, not the username: Spring Session indexes sessions by it in
                // a column of its own (spring_session.principal_name) that is not sealed, and the username is the CCCD
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(
                        Map.of("end_session_endpoint", properties.endpoint(properties.issuer(), "logout")))
                .build();
        return new InMemoryClientRegistrationRepository(keycloak);
    }

    /**
     * The user's tokens live in their session (so in PostgreSQL, sealed, shared by every instance and kept over a
     * restart), not in Spring Boot's default in-memory store keyed by the user's name.
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** The user's access token for API calls, refreshed with the refresh token when it is about to expire. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /**
     * The browser's only credential: the session id, HttpOnly (no script reads it), SameSite=Lax (not sent with
     * another site's form posts; sent when Keycloak redirects back), Secure outside local runs. Declared here
     * rather than left to the servlet container's settings so that it is the same wherever the portal runs.
     */
    @Bean
    CookieSerializer sessionCookie(SignInProperties properties) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(SESSION_COOKIE);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(properties.secureCookie());
        cookie.setCookiePath("/");
        return cookie;
    }

    /** Tokens and their claims (personal data) sealed in the sessions' table; see {@link SealedSessions}. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sealedSessionAttributes(SignInProperties properties) {
        SealedSessions sealed = new SealedSessions(properties.sessionKey(), SignInConfiguration.class.getClassLoader());
        return sessions -> sessions.setConversionService(sealed);
    }

    @Bean
    RequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        // back on the page exactly as asked (no "?continue" added to its address)
        cache.setMatchingRequestParameterName(null);
        cache.setRequestMatcher(new NegatedRequestMatcher(scriptPaths()));
        return cache;
    }

    /** A page without a session starts the sign-in; the script's paths answer 401. */
    private static AuthenticationEntryPoint signInOr401() {
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint(SIGN_IN);
        signIn.setFavorRelativeUris(true);
        return new DelegatingAuthenticationEntryPoint(
                signIn, new RequestMatcherEntry<>(scriptPaths(), new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    }

    private static RequestMatcher scriptPaths() {
        return new OrRequestMatcher(Arrays.stream(SCRIPT_PATHS)
                .map(path -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(path))
                .toList());
    }

    @Bean
    SecurityFilterChain pages(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            RequestCache requestCache,
            LocaleResolver language)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler keycloakLogout =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        // Keycloak ends its own session too, then sends the browser to the home page
        keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(pages -> pages.requestMatchers(STAFF_PATHS)
                        .hasAnyRole(StaffRoles.STAFF.toArray(String[]::new))
                        .requestMatchers(SIGNED_IN_PATHS)
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signInOr401())
                        .defaultAccessDeniedHandlerFor(
                                (request, response, denied) -> {
                                    // the 403 page says the desk is for staff (a CSRF refusal keeps its own words)
                                    if (!(denied instanceof CsrfException)) {
                                        request.setAttribute(STAFF_ONLY, true);
                                    }
                                    response.sendError(HttpStatus.FORBIDDEN.value());
                                },
                                new OrRequestMatcher(Arrays.stream(STAFF_PATHS)
                                        .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults()
                                                .matcher(path))
                                        .toList())))
                .oauth2Login(login -> login.loginPage(SIGN_IN)
                        .userInfoEndpoint(user -> user.oidcUserService(new StaffRoles()))
                        .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(
                                new KeycloakInThePagesLanguage(registrations, language)))
                        .defaultSuccessUrl(AFTER_SIGN_IN)
                        .failureUrl(SIGN_IN + "?loi"))
                .oauth2Client(Customizer.withDefaults())
                .logout(logout -> logout
                        // a POST only (with CSRF protection on, Spring Security matches POST alone)
                        .logoutUrl(SIGN_OUT)
                        .logoutSuccessHandler(keycloakLogout))
                // PageFilter sets these two on every page already; Spring Security adds no-store caching of pages
                .headers(headers -> headers.contentTypeOptions(options -> options.disable())
                        .frameOptions(frame -> frame.disable()));
        return http.build();
    }
}

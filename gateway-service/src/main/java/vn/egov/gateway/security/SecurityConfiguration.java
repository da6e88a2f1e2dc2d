package vn.egov.gateway.security;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * Edge authentication. The gateway checks Keycloak's tokens (signature by the realm's keys, issuer,
 * audience, expiry) on the API so that anonymous and forged traffic stops here; the token is relayed
 * unchanged and each service checks it again and decides what the caller may do. Everything not
 * listed as public requires a valid token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    record PublicEndpoint(HttpMethod method, String pattern) {}

    /** API endpoints anyone may call (docs/design/architecture.md, "Public API"). */
    static final List<PublicEndpoint> PUBLIC_API = List.of(
            new PublicEndpoint(HttpMethod.POST, "/api/v1/identity/registrations"),
            new PublicEndpoint(HttpMethod.GET, "/api/v1/identity/agencies"),
            // a CCCD's recovery: the browser's redirects to and from the national identity (decision 63)
            new PublicEndpoint(HttpMethod.GET, "/api/v1/identity/national-id-recovery/start"),
            new PublicEndpoint(HttpMethod.GET, "/api/v1/identity/national-id-recovery/callback"),
            new PublicEndpoint(HttpMethod.GET, "/api/v1/procedures/**"),
            new PublicEndpoint(HttpMethod.GET, "/api/v1/public/**"),
            new PublicEndpoint(HttpMethod.GET, "/api/v1/statistics/**"),
            new PublicEndpoint(HttpMethod.GET, "/api/v1/calendar/days"),
            // the payment gateway's IPN (signed, verified by payment-service) and the browser's return page
            new PublicEndpoint(HttpMethod.GET, "/api/v1/payments/vnpay/**"));

    /** Non-API paths served without a token: Keycloak, probes and metrics, API docs, the web portal's pages. */
    static final String[] PUBLIC_PATHS = {
        "/auth/**",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html",
        "/webjars/**",
        // web-portal's pages and assets: public pages; the portal keeps its own sessions (BFF)
        "/",
        "/thu-tuc/**",
        "/tra-cuu/**",
        "/thong-ke/**",
        "/tro-giup/**",
        "/assets/**",
        // its sign-in (the OIDC flow and its callback), sign-out and a signed-in citizen's pages: the portal checks
        // its own session cookie there (the gateway never sees the user's tokens)
        "/dang-nhap",
        // recovering a CCCD registered by someone else: what to do, and the outcome (decision 63)
        "/dang-nhap/lay-lai",
        "/dang-xuat",
        "/oauth2/**",
        "/login/oauth2/code/**",
        "/ho-so",
        "/ho-so/**",
        // registration (anonymous), the account pages and the notices
        "/dang-ky",
        "/dang-ky/**",
        "/tai-khoan",
        "/tai-khoan/**",
        "/thong-bao",
        "/thong-bao/**",
        // the submission wizard (its own route, for uploads) and the personal document store
        "/nop-ho-so/**",
        "/giay-to",
        "/giay-to/**",
        // web-portal's payment pages (the payment gateway's return, the outcome, the receipt)
        "/thanh-toan/**",
        // web-portal's officers' desk (the portal checks the staff roles, the API every call)
        "/motcua",
        "/motcua/**",
    };

    /**
     * For the gateway's own pages (Swagger UI) and, harmlessly, JSON. Swagger UI 5 loads all its
     * scripts from files (no inline script, so none is allowed), but styles elements inline and draws
     * icons as data: images. Its "try it out" calls and the OIDC token requests go to this origin.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Bean
    SecurityWebFilterChain edgeSecurity(
            ServerHttpSecurity http, ProblemSecurityHandlers problems, CorsConfigurationSource cors) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(spec -> spec.configurationSource(cors))
                // Header writers only fill in headers an upstream did not set. DENY would also stop
                // keycloak-js from framing Keycloak's login-status and 3p-cookies pages on this origin.
                .headers(headers -> headers.frameOptions(frame -> frame.mode(Mode.SAMEORIGIN))
                        // Keycloak's pages send their own CSP and Referrer-Policy, which are kept.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeExchange(exchanges -> {
                    PUBLIC_API.forEach(endpoint -> exchanges
                            .pathMatchers(endpoint.method(), endpoint.pattern())
                            .permitAll());
                    exchanges
                            .pathMatchers(PUBLIC_PATHS)
                            .permitAll()
                            // reached only by the circuit breaker's internal forward, never from outside
                            .pathMatchers("/fallback/**")
                            .denyAll()
                            .anyExchange()
                            .authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(Customizer.withDefaults())
                        .bearerTokenConverter(exceptKeycloak())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Reads bearer tokens everywhere except under /auth: requests to Keycloak carry Keycloak's own tokens
     * (admin and account consoles, other audiences) and must reach it untouched.
     */
    private static ServerAuthenticationConverter exceptKeycloak() {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        ServerWebExchangeMatcher keycloak = new PathPatternParserServerWebExchangeMatcher("/auth/**");
        return exchange ->
                keycloak.matches(exchange).flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
    }
}

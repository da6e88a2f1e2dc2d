package vn.egov.gateway.cors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for the API, applied by the security filter chain before authentication so that preflight
 * requests (which carry no token) are answered here. Keycloak under /auth keeps its own CORS handling,
 * driven by each client's web origins in the realm. Tokens travel in the Authorization header, not in
 * cookies, so credentials are not allowed.
 */
@Configuration(proxyBeanMethods = false)
class CorsPolicy {

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(properties.allowedOrigins());
        api.setAllowedMethods(properties.allowedMethods());
        api.setAllowedHeaders(properties.allowedHeaders());
        api.setExposedHeaders(properties.exposedHeaders());
        api.setAllowCredentials(false);
        api.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }
}

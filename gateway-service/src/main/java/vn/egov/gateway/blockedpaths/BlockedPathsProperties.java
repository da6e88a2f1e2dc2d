package vn.egov.gateway.blockedpaths;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.gateway.blocked-paths}: path patterns under a routed prefix that must never leave the edge
 * (services' internal, service-to-service endpoints). {@code egov.gateway.local-only-paths}: patterns routed
 * only in the {@code local} profile (Keycloak's master realm and admin console: operators reach them on
 * Keycloak's internal address in production). Matched case-insensitively against the decoded, normalised
 * path; answered 404 like a path the gateway does not know.
 */
@ConfigurationProperties("egov.gateway")
record BlockedPathsProperties(
        @DefaultValue("/api/v1/identity/internal/**") List<String> blockedPaths,

        @DefaultValue({"/auth/admin/**", "/auth/realms/master/**"})
        List<String> localOnlyPaths) {}

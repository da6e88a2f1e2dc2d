package vn.egov.gateway.apidocs;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the Swagger UI needs to let an integrator sign in: the public OIDC issuer (Keycloak behind
 * this gateway) and the scopes ministry clients may ask for.
 */
@ConfigurationProperties("egov.gateway.api-docs")
record ApiDocsProperties(String issuer, Map<String, String> ministryScopes) {

    ApiDocsProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("egov.gateway.api-docs.issuer is required");
        }
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        ministryScopes = ministryScopes == null ? Map.of() : Map.copyOf(ministryScopes);
    }
}

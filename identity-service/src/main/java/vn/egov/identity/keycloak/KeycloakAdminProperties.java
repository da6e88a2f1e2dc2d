package vn.egov.identity.keycloak;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.identity.keycloak.*}: how identity-service reaches Keycloak's admin REST API with its own
 * service account (client credentials), never the master realm's admin.
 *
 * @param baseUrl Keycloak's own address with its relative path (not the public URL behind the gateway)
 */
@ConfigurationProperties("egov.identity.keycloak")
public record KeycloakAdminProperties(
        @DefaultValue("http://127.0.0.1:8180/auth") String baseUrl,
        @DefaultValue("egov") String realm,
        @DefaultValue("identity-service") String clientId,
        String clientSecret,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {}

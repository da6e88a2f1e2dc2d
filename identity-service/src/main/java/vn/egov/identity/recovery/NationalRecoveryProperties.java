package vn.egov.identity.recovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * identity-service's own client of the national identity (VNeID), used for one thing only: proving the owner of a
 * CCCD that a local registration took first (decision 63). Not the client Keycloak brokers with.
 *
 * @param issuerUri the provider's issuer; its {@code /.well-known/openid-configuration} gives the endpoints (none:
 *     no recovery, every attempt answered as unavailable)
 * @param clientId the client registered at the provider for the recovery
 * @param clientSecret its secret (client_secret_basic)
 * @param publicUrl the portal's public address (the gateway's origin)
 * @param redirectUri this service's callback as the browser reaches it, registered there; by default the public
 *     address + {@value #CALLBACK_PATH}
 * @param resultUrl the portal's page the browser is sent to afterwards, with {@code ?ket-qua=<outcome>}
 * @param attemptValidity how long a started recovery waits for its callback
 */
@ConfigurationProperties("egov.identity.national-recovery")
public record NationalRecoveryProperties(
        String issuerUri,
        @DefaultValue("egov-recovery") String clientId,
        String clientSecret,
        @DefaultValue("http://127.0.0.1:8080") String publicUrl,
        String redirectUri,
        @DefaultValue("/dang-nhap/lay-lai") String resultUrl,
        @DefaultValue("10m") Duration attemptValidity,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    public static final String CALLBACK_PATH = "/api/v1/identity/national-id-recovery/callback";

    public NationalRecoveryProperties {
        if (redirectUri == null || redirectUri.isBlank()) {
            redirectUri = publicUrl.replaceAll("/+$", "") + CALLBACK_PATH;
        }
    }
}

package vn.egov.portal.signin;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Keycloak's client for the portal (a confidential client: the portal is a server and keeps the secret).
 *
 * @param clientId the realm's {@code web-portal} client
 * @param clientSecret from the environment ({@code PORTAL_CLIENT_SECRET}); the portal does not start without it
 * @param issuer the public issuer, as the services know it and as tokens say: the browser signs in and out there
 * @param backchannel the same realm as the server reaches it (code exchange, refresh, keys)
 * @param secureCookie the session cookie only over https: everywhere but a local run over plain http
 * @param sessionKey the key that seals session attributes in the database ({@code PORTAL_SESSION_KEY}, 32 random
 *     bytes in base64); the portal does not start without it
 */
@Validated
@ConfigurationProperties("egov.portal.sign-in")
public record SignInProperties(
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        URI issuer,
        URI backchannel,
        @DefaultValue("true") boolean secureCookie,
        @NotBlank String sessionKey) {

    String endpoint(URI realm, String path) {
        return realm.toString().replaceAll("/+$", "") + "/protocol/openid-connect/" + path;
    }
}

package vn.egov.gateway.signin;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The sign-in guard ({@link SignInGuardFilter}): wrong passwords per account and client address at Keycloak's
 * password form.
 *
 * @param path Keycloak's password form, with the realm as {@code {realm}}
 * @param failuresBeforePause wrong passwords an address may type for one account before it must wait
 * @param firstPause the first wait; each further wrong password from that address doubles it
 * @param longestPause the longest wait; longer than the realm's failure reset time (maxDeltaTimeSeconds), so that
 *     Keycloak's own count for the account lapses while one address waits
 * @param forgetAfter an account's count at an address is forgotten this long after its last wrong password
 * @param failedPageMarker what Keycloak's answer to a posted password contains when it is the password form again (a
 *     wrong password, or any password while Keycloak locks the account): the form's id in keycloak.v2 and the egov
 *     theme; the next step of a right password (a one-time code) is another form
 * @param passedPageMarkers what Keycloak's answer contains when the password was right but sign-in goes on with another
 *     step: the one-time code (a member of staff), setting up the authenticator app, a password to change. Such an
 *     answer clears the count as the signed-in redirect does. Each is a form's id with its quotes, which a username
 *     echoed into a page cannot carry (Keycloak escapes them)
 * @param signedInCookie the cookie Keycloak sets when a sign-in completes (its single sign-on session): a redirect
 *     with it is the right password; a redirect without it (a stale form, say) clears nothing
 * @param maxFormSize the largest password form read (a larger one is refused: the username must be seen)
 * @param maxKeys accounts × addresses kept in memory at most
 * @param redisKeyPrefix start of every key in Redis (when {@code EGOV_REDIS_URL} is set: counts shared by every
 *     gateway instance)
 */
@ConfigurationProperties("egov.gateway.sign-in-guard")
record SignInGuardProperties(
        @DefaultValue("true") boolean enabled,

        @DefaultValue("/auth/realms/{realm}/login-actions/authenticate")
        String path,

        @DefaultValue("5") int failuresBeforePause,
        @DefaultValue("1m") Duration firstPause,
        @DefaultValue("24h") Duration longestPause,
        @DefaultValue("24h") Duration forgetAfter,
        @DefaultValue("id=\"kc-form-login\"") String failedPageMarker,

        @DefaultValue({"id=\"kc-otp-login-form\"", "id=\"kc-totp-settings-form\"", "id=\"kc-passwd-update-form\""})
        List<String> passedPageMarkers,

        @DefaultValue("KEYCLOAK_IDENTITY") String signedInCookie,
        @DefaultValue("16KB") DataSize maxFormSize,
        @DefaultValue("100000") int maxKeys,
        @DefaultValue("egov:gateway:sign-in:") String redisKeyPrefix) {}

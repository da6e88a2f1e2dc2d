package vn.egov.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A signed-in browser session made the way a sign-in leaves it, without Keycloak (the tests have none): a real
 * session row in PostgreSQL (sealed like any other) holding the user ({@code SPRING_SECURITY_CONTEXT}) and their
 * tokens (the authorized client, where {@code HttpSessionOAuth2AuthorizedClientRepository} keeps it). The browser
 * then needs only its cookie, {@code egov_session}.
 */
final class SignedInSessions {

    /** HttpSessionOAuth2AuthorizedClientRepository's attribute (a private constant there). */
    static final String AUTHORIZED_CLIENTS =
            HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS";

    private SignedInSessions() {}

    /** A new session of An ({@link SignInTest#citizen()}) whose access token is {@code token}; its cookie value. */
    @SuppressWarnings("rawtypes")
    static String create(SessionRepository sessions, ClientRegistrationRepository registrations, String token) {
        return create(sessions, registrations, token, SignInTest.citizen());
    }

    /** A new session of {@code an} (an officer, say, with their roles as authorities); its cookie value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static String create(
            SessionRepository sessions, ClientRegistrationRepository registrations, String token, OidcUser an) {
        OAuth2AuthenticationToken user = new OAuth2AuthenticationToken(an, an.getAuthorities(), "portal");
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(
                registrations.findByRegistrationId("portal"),
                an.getName(),
                new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        token,
                        Instant.now(),
                        Instant.now().plusSeconds(3600)));
        Map<String, OAuth2AuthorizedClient> clients = new HashMap<>();
        clients.put("portal", client);
        Session session = sessions.createSession();
        session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(user));
        session.setAttribute(AUTHORIZED_CLIENTS, clients);
        sessions.save(session);
        // DefaultCookieSerializer writes the id in base64
        return Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
    }
}

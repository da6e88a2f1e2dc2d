package vn.egov.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;
import vn.egov.portal.api.UserApi;

/**
 * After a change that the access token's claims carry (identity verification raises the level of assurance, which
 * the API reads from the token), the token in the session is marked expired, so that the next call on the user's
 * behalf refreshes it and the API sees the new claims at once, not when the old token runs out minutes later.
 */
@Component
public class RenewedTokens {

    private final OAuth2AuthorizedClientRepository clients;

    RenewedTokens(OAuth2AuthorizedClientRepository clients) {
        this.clients = clients;
    }

    public void renewAtNextCall(HttpServletRequest request, HttpServletResponse response) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null) {
            return;
        }
        OAuth2AuthorizedClient client = clients.loadAuthorizedClient(UserApi.REGISTRATION, user, request);
        if (client == null || client.getRefreshToken() == null) {
            return;
        }
        OAuth2AccessToken current = client.getAccessToken();
        Instant issued = current.getIssuedAt() != null
                ? current.getIssuedAt()
                : Instant.now().minusSeconds(1);
        OAuth2AccessToken stale = new OAuth2AccessToken(
                current.getTokenType(), current.getTokenValue(), issued, issued.plusMillis(1), current.getScopes());
        clients.saveAuthorizedClient(
                new OAuth2AuthorizedClient(
                        client.getClientRegistration(), client.getPrincipalName(), stale, client.getRefreshToken()),
                user,
                request,
                response);
    }
}

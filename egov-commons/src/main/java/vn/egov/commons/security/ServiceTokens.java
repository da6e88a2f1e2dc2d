package vn.egov.commons.security;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

/**
 * A service's own access tokens (OAuth2 client credentials), from Spring Security's OAuth2 client: the
 * registration is {@code spring.security.oauth2.client.registration.<id>} in the service's application.yml,
 * the token is kept by the {@link OAuth2AuthorizedClientManager} and fetched again 30 s before it expires.
 * Tokens belong to the service, not to whoever's request is being served: they are kept under one fixed
 * principal, so a citizen's request and a background sweeper share the same token.
 * <ul>
 *   <li>RestClient: {@link #interceptor(String)} adds the bearer token and forgets it on a 401/403;</li>
 *   <li>OpenFeign (or anything else): {@link #accessToken(String)} in a request interceptor, and
 *       {@link #invalidate(String)} when the callee refuses the token.</li>
 * </ul>
 */
public class ServiceTokens {

    /** The principal under which service tokens are kept. */
    static final Authentication SERVICE = new AnonymousAuthenticationToken(
            "egov-service", "egov-service", AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

    private final OAuth2AuthorizedClientManager manager;
    private final OAuth2AuthorizedClientService clients;

    public ServiceTokens(OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientService clients) {
        this.manager = manager;
        this.clients = clients;
    }

    /**
     * The current access token of the registration.
     *
     * @throws org.springframework.security.oauth2.client.ClientAuthorizationException when the token
     *     endpoint refused or could not be reached
     */
    public String accessToken(String registrationId) {
        OAuth2AuthorizedClient client =
                manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
                        .principal(SERVICE)
                        .build());
        if (client == null) {
            throw new IllegalStateException("no service token for " + registrationId);
        }
        return client.getAccessToken().getTokenValue();
    }

    /** Forgets the token (the callee refused it: revoked, or the realm's keys rotated); the next call fetches one. */
    public void invalidate(String registrationId) {
        clients.removeAuthorizedClient(registrationId, SERVICE.getName());
    }

    /** For a RestClient: the registration's token on every request; a 401 or 403 answer forgets it. */
    public ClientHttpRequestInterceptor interceptor(String registrationId) {
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> registrationId);
        interceptor.setPrincipalResolver(request -> SERVICE);
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
        return interceptor;
    }
}

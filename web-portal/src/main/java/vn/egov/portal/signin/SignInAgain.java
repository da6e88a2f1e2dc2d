package vn.egov.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The user's tokens are no good any more (Keycloak will not refresh them: its session ended or was revoked;
 * the API refused the access token): the user signs in again and comes back to the page they were on. When
 * Keycloak's session is still alive this is a pair of redirects the user does not notice.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SignInAgain {

    private static final Logger log = LoggerFactory.getLogger(SignInAgain.class);

    private final RequestCache requestCache;
    private final OAuth2AuthorizedClientRepository authorizedClients;

    SignInAgain(RequestCache requestCache, OAuth2AuthorizedClientRepository authorizedClients) {
        this.requestCache = requestCache;
        this.authorizedClients = authorizedClients;
    }

    @ExceptionHandler(OAuth2AuthorizationException.class)
    ModelAndView tokensRefused(
            OAuth2AuthorizationException refused, HttpServletRequest request, HttpServletResponse response) {
        log.info("Signing the user in again: {}", refused.getError().getErrorCode());
        return redirect(request, response);
    }

    /** Forgets the session's tokens and starts the sign-in; a page (GET) is shown again afterwards. */
    public ModelAndView redirect(HttpServletRequest request, HttpServletResponse response) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null) {
            authorizedClients.removeAuthorizedClient(SignInConfiguration.REGISTRATION, user, request, response);
        }
        if ("GET".equals(request.getMethod())) {
            requestCache.saveRequest(request, response);
        }
        return new ModelAndView("redirect:/oauth2/authorization/" + SignInConfiguration.REGISTRATION);
    }
}

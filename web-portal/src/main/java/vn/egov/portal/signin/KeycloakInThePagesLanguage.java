package vn.egov.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Keycloak's sign-in page in the portal's language: {@code ui_locales} is the language the user has on the
 * portal (Vietnamese unless they chose English). Without it Keycloak would follow the browser's Accept-Language
 * and greet a browser set to English in English, while the portal speaks Vietnamese first (decision 18). With
 * {@code ?vneid} ("Đăng nhập bằng VNeID") it also asks Keycloak to go straight to the national identity provider.
 */
final class KeycloakInThePagesLanguage implements OAuth2AuthorizationRequestResolver {

    /** Spring Security's path that starts a sign-in, {@code /oauth2/authorization/{registrationId}}. */
    private static final String START_SIGN_IN = "/oauth2/authorization";

    private final DefaultOAuth2AuthorizationRequestResolver resolver;
    private final LocaleResolver language;

    KeycloakInThePagesLanguage(ClientRegistrationRepository registrations, LocaleResolver language) {
        this.resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, START_SIGN_IN);
        this.language = language;
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return inThePagesLanguage(request, resolver.resolve(request));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
        return inThePagesLanguage(request, resolver.resolve(request, registrationId));
    }

    private OAuth2AuthorizationRequest inThePagesLanguage(
            HttpServletRequest request, OAuth2AuthorizationRequest authorization) {
        if (authorization == null) {
            return null;
        }
        String languageTag = language.resolveLocale(request).getLanguage();
        // "Đăng nhập bằng VNeID": Keycloak skips its own page and sends the browser to the national provider. Only
        // this one alias is ever passed on, never a value from the request.
        boolean nationally = request.getParameterMap().containsKey(SignInConfiguration.NATIONAL);
        return OAuth2AuthorizationRequest.from(authorization)
                .additionalParameters(parameters -> {
                    parameters.put("ui_locales", languageTag);
                    if (nationally) {
                        parameters.put("kc_idp_hint", SignInConfiguration.NATIONAL);
                    }
                })
                .build();
    }
}

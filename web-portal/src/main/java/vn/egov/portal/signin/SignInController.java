package vn.egov.portal.signin;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Đăng nhập": the header's link and where a signed-in page sends a visitor without a session. Keycloak's own
 * page asks for the credentials; this address only starts the flow (or says it failed).
 */
@Controller
class SignInController {

    @GetMapping(
            value = SignInConfiguration.SIGN_IN,
            params = {"!loi", "!" + SignInConfiguration.NATIONAL})
    String signIn(Authentication user) {
        if (user instanceof OAuth2AuthenticationToken) {
            return "redirect:" + SignInConfiguration.AFTER_SIGN_IN;
        }
        return "redirect:/oauth2/authorization/" + SignInConfiguration.REGISTRATION;
    }

    /**
     * "Đăng nhập bằng VNeID" ({@code /dang-nhap?vneid}): the same flow, with Keycloak told to go straight to the
     * national identity provider ({@link KeycloakInThePagesLanguage} adds {@code kc_idp_hint}). A plain link, so it
     * works without JavaScript; the parameter stays on the portal's own address because the gateway routes
     * {@code /dang-nhap} alone, not paths below it.
     */
    @GetMapping(
            value = SignInConfiguration.SIGN_IN,
            params = {SignInConfiguration.NATIONAL, "!loi"})
    String nationally(Authentication user) {
        if (user instanceof OAuth2AuthenticationToken) {
            return "redirect:" + SignInConfiguration.AFTER_SIGN_IN;
        }
        return "redirect:/oauth2/authorization/" + SignInConfiguration.REGISTRATION + "?"
                + SignInConfiguration.NATIONAL;
    }

    /** Keycloak answered with an error (the user cancelled, the code was refused): say so, offer to try again. */
    @GetMapping(value = SignInConfiguration.SIGN_IN, params = "loi")
    String failed() {
        return "signin-failed";
    }
}

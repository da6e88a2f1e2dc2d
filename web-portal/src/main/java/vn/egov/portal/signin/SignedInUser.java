package vn.egov.portal.signin;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The signed-in citizen as the pages show them: their name and their CCCD number (the username). */
public record SignedInUser(String name, String nationalId) {

    /** The current request's user, or null for a visitor who has not signed in. */
    public static SignedInUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return of(user);
        }
        return null;
    }

    /**
     * Vietnamese names are written family name first ("Nguyễn Văn An"); Keycloak's {@code name} claim puts the
     * given name first, so the name is put together from its parts.
     */
    static SignedInUser of(OidcUser user) {
        String family = user.getFamilyName();
        String given = user.getGivenName();
        String name = ((family == null ? "" : family) + " " + (given == null ? "" : given)).trim();
        if (name.isEmpty()) {
            name = user.getPreferredUsername();
        }
        return new SignedInUser(name, user.getPreferredUsername());
    }
}

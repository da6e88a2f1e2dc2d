package vn.egov.portal.signin;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in user as the pages show them: their name, their CCCD number (the username), whether they are staff
 * (a role of {@link StaffRoles#STAFF}: the header links to the officers' desk) and the agency an officer is bound to
 * (the ID token's {@code agency} claim), and the realm roles (the desk offers the actions they allow).
 */
public record SignedInUser(String name, String nationalId, boolean staff, String agency, Set<String> roles) {

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
        Set<String> roles = user.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        boolean staff = StaffRoles.STAFF.stream().anyMatch(roles::contains);
        return new SignedInUser(name, user.getPreferredUsername(), staff, user.getClaimAsString("agency"), roles);
    }
}

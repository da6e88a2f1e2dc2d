package vn.egov.portal.signin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The user's realm roles as authorities ({@code ROLE_OFFICER}, …), so that the officers' desk ({@code /motcua/**})
 * is for staff only and the header links to it. Keycloak puts the realm roles ({@code realm_access.roles}) in the
 * access token only, not in the ID token; the access token is read here, once, at sign-in.
 *
 * <p>Its claims are read without checking its signature on purpose: the token came in the same back-channel answer
 * of Keycloak's token endpoint as the ID token (whose signature Spring Security checks), and the roles only decide
 * which pages the portal shows. The API checks every call against the verified token; a citizen who reached a desk
 * page would get nothing from it.
 */
final class StaffRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** Who may open the desk (the roles dossier-service and identity-service know for staff). */
    static final List<String> STAFF = List.of("OFFICER", "APPROVER", "AGENCY_ADMIN", "SYSTEM_ADMIN");

    private final OidcUserService oidc = new OidcUserService();

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = oidc.loadUser(request);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
        for (String role : realmRoles(request.getAccessToken().getTokenValue())) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
    }

    /** {@code realm_access.roles} of a JWT's payload; none when the token is not a JWT or has no such claim. */
    static List<String> realmRoles(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return List.of();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Map<String, Object> claims = JsonParserFactory.getJsonParser().parseMap(payload);
            if (claims.get("realm_access") instanceof Map<?, ?> access
                    && access.get("roles") instanceof Collection<?> roles) {
                return roles.stream().map(String::valueOf).toList();
            }
        } catch (IllegalArgumentException unreadable) {
            // not a JWT (or not JSON: JsonParseException is one too): no roles, so a citizen's pages only
        }
        return List.of();
    }
}

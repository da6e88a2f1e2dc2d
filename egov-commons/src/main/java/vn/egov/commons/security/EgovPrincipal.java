package vn.egov.commons.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the egov realm's token says: subject, username (a citizen's is the national id),
 * realm roles, the agency an officer is bound to, the level of assurance, and OAuth2 scopes of
 * client-credentials callers.
 */
public record EgovPrincipal(
        String subject,
        String username,
        Set<String> roles,
        String agency,
        int levelOfAssurance,
        Set<String> scopes,
        String clientId) {

    public static EgovPrincipal from(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        Set<String> roles = Set.of();
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> list) {
            roles = list.stream().map(Object::toString).collect(Collectors.toUnmodifiableSet());
        }
        String scope = jwt.getClaimAsString("scope");
        Set<String> scopes = scope == null || scope.isBlank()
                ? Set.of()
                : Set.copyOf(List.of(scope.trim().split("\\s+")));
        Object loa = jwt.getClaims().get("loa");
        int level = loa == null ? 0 : Integer.parseInt(loa.toString());
        return new EgovPrincipal(
                jwt.getSubject(),
                jwt.getClaimAsString("preferred_username"),
                roles,
                jwt.getClaimAsString("agency"),
                level,
                scopes,
                jwt.getClaimAsString("azp"));
    }

    public static Optional<EgovPrincipal> from(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(from(token.getToken()));
        }
        return Optional.empty();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}

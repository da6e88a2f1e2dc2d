package vn.egov.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.identity.keycloak.KeycloakAdminClient;
import vn.egov.identity.keycloak.KeycloakException;

/**
 * For platform services only (today notification-service): how to reach a person — email, phone and
 * language, nothing else. Read from Keycloak, the source of truth for accounts, so it also answers for
 * people who exist only there (the realm's demo users, officers). The caller must be a service client
 * whose client-credentials token carries the scope {@value #SCOPE}; anyone else gets the same 404 as an
 * unknown person, so the endpoint tells them nothing (not even that the person exists).
 */
@RestController
class PersonContactsController {

    static final String SCOPE = "identity.contacts";

    /** Personal data: {@link #toString()} prints nothing of it. */
    record PersonContacts(String email, String phone, String language) {

        @Override
        public String toString() {
            return "PersonContacts[…]";
        }
    }

    private final KeycloakAdminClient keycloak;

    PersonContactsController(KeycloakAdminClient keycloak) {
        this.keycloak = keycloak;
    }

    @GetMapping("/api/v1/identity/internal/people/{personId}/contacts")
    @Operation(
            summary = "A person's email, phone and language (service clients with scope identity.contacts)",
            description = "Internal: client-credentials token with scope identity.contacts. 404 not-found for an "
                    + "unknown or disabled person and for any caller without the scope.")
    PersonContacts contacts(@AuthenticationPrincipal Jwt jwt, @PathVariable String personId) {
        EgovPrincipal caller = EgovPrincipal.from(jwt);
        if (!caller.scopes().contains(SCOPE) || caller.clientId() == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found");
        }
        Map<String, Object> user;
        try {
            user = keycloak.findUser(personId)
                    .filter(u -> !Boolean.FALSE.equals(u.get("enabled")))
                    .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        } catch (KeycloakException e) {
            if (e.status() / 100 == 4) {
                // e.g. an id Keycloak cannot even parse: as unknown
                throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found");
            }
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable");
        }
        String language = attribute(user, "locale")
                .filter(l -> l.equals("vi") || l.equals("en"))
                .orElse(null);
        return new PersonContacts(
                blankToNull((String) user.get("email")),
                attribute(user, "phone").orElse(null),
                language);
    }

    private static Optional<String> attribute(Map<String, Object> user, String name) {
        if (user.get("attributes") instanceof Map<?, ?> attributes
                && attributes.get(name) instanceof List<?> values
                && !values.isEmpty()
                && values.get(0) != null) {
            return Optional.ofNullable(blankToNull(values.get(0).toString()));
        }
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

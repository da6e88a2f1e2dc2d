package vn.egov.identity.profile;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;

import java.util.Set;
import java.util.TreeSet;

/** The signed-in person's own profile, as far as the token tells it (the stored profile comes with registration). */
@RestController
class MeController {

    record MeResponse(String subject, String username, String fullName, String nationalIdMasked,
                      int levelOfAssurance, Set<String> roles, String agency) {
    }

    @GetMapping("/api/v1/identity/me")
    @Operation(summary = "Own profile: level of assurance, roles, agency; the identity number masked")
    MeResponse me(@AuthenticationPrincipal Jwt jwt) {
        EgovPrincipal principal = EgovPrincipal.from(jwt);
        String nationalId = jwt.getClaimAsString("national_id");
        if (nationalId == null && principal.username() != null && principal.username().matches("\\d{12}")) {
            nationalId = principal.username();
        }
        // a citizen's username is their identity number: shown masked like it, never in full
        String username = nationalId != null && nationalId.equals(principal.username())
                ? NationalIdMask.mask(nationalId) : principal.username();
        return new MeResponse(principal.subject(), username, jwt.getClaimAsString("name"),
                NationalIdMask.mask(nationalId), principal.levelOfAssurance(), new TreeSet<>(principal.roles()),
                principal.agency());
    }
}

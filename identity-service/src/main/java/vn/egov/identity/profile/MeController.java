package vn.egov.identity.profile;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.identity.business.BusinessLinks;
import vn.egov.identity.business.LinkedBusiness;
import vn.egov.identity.citizen.CitizenProfile;
import vn.egov.identity.citizen.CitizenProfileRepository;
import vn.egov.identity.personaldata.PersonalDataProtector;

/**
 * The signed-in person's own profile: from the stored citizen profile when there is one (registered
 * here), otherwise as far as the token tells it (staff, demo accounts imported with the realm).
 * Roles and agency always come from the token: Keycloak is their source of truth.
 */
@RestController
class MeController {

    record MeResponse(
            String subject,
            String username,
            String fullName,
            String nationalIdMasked,
            LocalDate dateOfBirth,
            String email,
            String phone,
            int levelOfAssurance,
            Set<String> roles,
            String agency,
            List<LinkedBusiness> businesses) {}

    private final CitizenProfileRepository profiles;
    private final PersonalDataProtector protector;
    private final BusinessLinks businessLinks;

    MeController(CitizenProfileRepository profiles, PersonalDataProtector protector, BusinessLinks businessLinks) {
        this.profiles = profiles;
        this.protector = protector;
        this.businessLinks = businessLinks;
    }

    @GetMapping("/api/v1/identity/me")
    @Operation(
            summary = "Own profile: name, masked identity number, contacts, level of assurance, roles, agency, "
                    + "linked businesses",
            description =
                    "businesses: [{taxCode, name, linkedAt}] — the businesses this person represents (empty when none).")
    MeResponse me(@AuthenticationPrincipal Jwt jwt) {
        EgovPrincipal principal = EgovPrincipal.from(jwt);
        Optional<UUID> personId = personId(principal.subject());
        List<LinkedBusiness> businesses = personId.map(businessLinks::activeFor).orElse(List.of());
        Optional<CitizenProfile> stored = personId.flatMap(profiles::findById);
        if (stored.isPresent()) {
            CitizenProfile p = stored.get();
            String masked = NationalIdMask.mask(protector.open(p.nationalId(), CitizenProfile.NATIONAL_ID));
            // the stored level is raised the moment verification succeeds; a token issued before still says 1
            int level = Math.max(p.levelOfAssurance(), principal.levelOfAssurance());
            return new MeResponse(
                    principal.subject(),
                    masked,
                    p.fullName(),
                    masked,
                    p.dateOfBirth(),
                    p.email(),
                    p.phone(),
                    level,
                    new TreeSet<>(principal.roles()),
                    principal.agency(),
                    businesses);
        }
        String nationalId = jwt.getClaimAsString("national_id");
        if (nationalId == null
                && principal.username() != null
                && principal.username().matches("\\d{12}")) {
            nationalId = principal.username();
        }
        // a citizen's username is their identity number: shown masked like it, never in full
        String username = nationalId != null && nationalId.equals(principal.username())
                ? NationalIdMask.mask(nationalId)
                : principal.username();
        return new MeResponse(
                principal.subject(),
                username,
                displayName(jwt),
                NationalIdMask.mask(nationalId),
                null,
                jwt.getClaimAsString("email"),
                jwt.getClaimAsString("phone_number"),
                principal.levelOfAssurance(),
                new TreeSet<>(principal.roles()),
                principal.agency(),
                businesses);
    }

    private static Optional<UUID> personId(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException | NullPointerException notAUserId) {
            return Optional.empty();
        }
    }

    /** Vietnamese order: family and middle names, then the given name (Keycloak's {@code name} claim puts it first). */
    private static String displayName(Jwt jwt) {
        String family = jwt.getClaimAsString("family_name");
        String given = jwt.getClaimAsString("given_name");
        if (family != null && given != null) {
            return family + " " + given;
        }
        return jwt.getClaimAsString("name");
    }
}

package vn.egov.identity.assurance;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;

/** Raises a signed-in citizen to level of assurance 2 by checking their stored identity with the registry. */
@RestController
class IdentityAssuranceController {

    record AssuranceResponse(int levelOfAssurance, Instant verifiedAt) {}

    private final IdentityAssuranceService assurance;

    IdentityAssuranceController(IdentityAssuranceService assurance) {
        this.assurance = assurance;
    }

    @PostMapping("/api/v1/identity/me/verification")
    @Operation(
            summary = "Verify my identity with the national population registry (level of assurance 2)",
            description = "No body: the CCCD, name, date of birth and sex given at registration are checked. 200 with "
                    + "level 2 (idempotent once verified); 422 registry-mismatch; 409 no-citizen-profile; "
                    + "503 registry-unavailable. Tokens issued afterwards carry loa 2.")
    AssuranceResponse verifyMe(@AuthenticationPrincipal Jwt jwt) {
        return assurance.verify(EgovPrincipal.from(jwt));
    }
}

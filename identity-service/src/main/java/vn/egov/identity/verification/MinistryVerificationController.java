package vn.egov.identity.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.identity.validation.InputLimits;

/**
 * For ministry systems: does this CCCD + full name + date of birth belong to a registered person whose
 * identity was verified (level 2)? Answers yes or no and nothing more; every call is audited.
 */
@RestController
class MinistryVerificationController {

    static final String SCOPE = "identity.verify";

    record VerificationRequest(
            @Schema(maxLength = 12) String nationalId,
            @Schema(maxLength = InputLimits.FULL_NAME) String fullName,
            @Schema(maxLength = InputLimits.DATE) String dateOfBirth) {

        @Override
        public String toString() {
            return "VerificationRequest[…]";
        }
    }

    record VerificationResponse(boolean match) {}

    private final MinistryVerificationService verifications;

    MinistryVerificationController(MinistryVerificationService verifications) {
        this.verifications = verifications;
    }

    @PostMapping("/api/v1/identity/verifications")
    @Operation(
            summary = "Ministry check of an identity (scope identity.verify)",
            description =
                    "Client-credentials token with scope identity.verify; {\"match\": true} only for a registered, "
                            + "verified (level 2) person with exactly this CCCD, full name and date of birth.")
    VerificationResponse verify(
            @AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) VerificationRequest request) {
        EgovPrincipal caller = EgovPrincipal.from(jwt);
        String client = caller.clientId() != null ? caller.clientId() : caller.subject();
        if (!caller.scopes().contains(SCOPE)) {
            verifications.auditDenied(client);
            throw new ApiProblem(HttpStatus.FORBIDDEN, "scope-required", SCOPE);
        }
        return new VerificationResponse(verifications.matches(client, request));
    }
}

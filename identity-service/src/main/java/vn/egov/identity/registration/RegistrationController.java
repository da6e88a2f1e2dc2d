package vn.egov.identity.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.idempotency.IdempotentRequests;
import vn.egov.commons.web.ApiProblem;
import vn.egov.identity.validation.InputLimits;

/** Public sign-up of a citizen account (level of assurance 1). */
@RestController
class RegistrationController {

    /**
     * The body clients rely on (docs/design/architecture.md). Fields are strings so that a malformed date or sex is
     * reported as a field error next to the others, not as an unreadable body.
     */
    record RegistrationRequest(
            @Schema(maxLength = 150) String fullName,
            @Schema(maxLength = 12) String nationalId,
            @Schema(maxLength = 10, example = "1995-03-08") String dateOfBirth,
            @Schema(allowableValues = {"MALE", "FEMALE"}) String sex,
            @Schema(maxLength = 254) String email,
            @Schema(maxLength = 12) String phone,
            @Schema(maxLength = InputLimits.PASSWORD) String password) {

        @Override
        public String toString() {
            // never let the identity number or the password reach a log line
            return "RegistrationRequest[fullName=…, nationalId=…, email=…]";
        }
    }

    record RegistrationResponse(String id, String username, int levelOfAssurance) {}

    private final RegistrationService registrations;
    private final IdempotentRequests idempotent;
    private final boolean open;

    RegistrationController(
            RegistrationService registrations,
            IdempotentRequests idempotent,
            @Value("${egov.identity.password-registration:false}") boolean open) {
        this.registrations = registrations;
        this.idempotent = idempotent;
        this.open = open;
    }

    @PostMapping("/api/v1/identity/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Register a citizen account",
            description = "Public. Validates the CCCD against date of birth and sex, email, phone and the realm's "
                    + "password policy; 400 names every bad field. When the CCCD, email or phone already belongs to an account, "
                    + "nothing is made and the answer is the same 201 as a success (another id), so that the API does not "
                    + "tell which identifiers exist; the email and phone given and the account's holder are told instead. "
                    + "A retry with the same Idempotency-Key and body answers the first response again. "
                    + "403 password-registration-closed where password registration is off (production by default: "
                    + "citizens sign in with the national identity).")
    RegistrationResponse register(
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody RegistrationRequest request) {
        if (!open) {
            // production: accounts come from the national sign-on (decision 38); nothing is read or stored
            throw new ApiProblem(HttpStatus.FORBIDDEN, "password-registration-closed");
        }
        return idempotent.run(
                "registration",
                idempotencyKey,
                request,
                RegistrationResponse.class,
                () -> registrations.register(request));
    }
}

package vn.egov.identity.officer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.PageResponse;
import vn.egov.identity.validation.InputLimits;

/** An agency administrator manages the officers and approvers of their own agency, and no other. */
@RestController
@RequestMapping("/api/v1/identity/officers")
class OfficerController {

    /**
     * @param agencyCode optional; when given it must be the administrator's own agency
     * @param role {@code OFFICER} or {@code APPROVER}
     * @param temporaryPassword the first password, to be changed at the first sign-in
     */
    record CreateOfficerRequest(
            @Schema(maxLength = 50) String username,
            @Schema(maxLength = 150) String fullName,
            @Schema(maxLength = 254) String email,

            @Schema(allowableValues = {"OFFICER", "APPROVER"})
            String role,

            @Schema(maxLength = InputLimits.CODE) String agencyCode,
            @Schema(maxLength = InputLimits.PASSWORD) String temporaryPassword) {

        @Override
        public String toString() {
            return "CreateOfficerRequest[username=" + username + ", role=" + role + ", agencyCode=" + agencyCode + "]";
        }
    }

    record OfficerResponse(
            String id, String username, String fullName, String email, String agencyCode, boolean enabled) {}

    private final OfficerService officers;

    OfficerController(OfficerService officers) {
        this.officers = officers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an officer or approver of the administrator's own agency (AGENCY_ADMIN)")
    OfficerResponse create(@AuthenticationPrincipal Jwt jwt, @RequestBody CreateOfficerRequest request) {
        return officers.create(EgovPrincipal.from(jwt), request);
    }

    @GetMapping
    @Operation(summary = "Officers of the administrator's own agency (AGENCY_ADMIN), paged")
    PageResponse<OfficerResponse> list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageResponse.validate(page, size);
        return officers.list(EgovPrincipal.from(jwt), page, size);
    }

    @PostMapping("/{id}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Disable an officer of the administrator's own agency (AGENCY_ADMIN); 404 for anyone else's")
    void disable(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        officers.disable(EgovPrincipal.from(jwt), id);
    }
}

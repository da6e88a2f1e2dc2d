package vn.egov.identity.business;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.idempotency.IdempotentRequests;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.PageResponse;

/** A citizen's links to the businesses they represent. */
@RestController
@RequestMapping("/api/v1/identity/businesses")
class BusinessController {

    /**
     * @param taxCode 10 digits, or a branch's 13 ({@code NNNNNNNNNN-NNN}, the dash may be left out)
     * @param name optional, the name as the citizen knows it; only its shape is checked, the registered name is kept
     */
    record LinkRequest(
            @Schema(maxLength = 14) String taxCode,

            @Schema(maxLength = BusinessService.MAX_NAME_LENGTH)
            String name) {}

    private final BusinessService businesses;
    private final IdempotentRequests idempotent;

    BusinessController(BusinessService businesses, IdempotentRequests idempotent) {
        this.businesses = businesses;
        this.idempotent = idempotent;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Link a business I legally represent (CITIZEN, level of assurance 2)",
            description =
                    "Links the business with this tax code (check digit validated) to the signed-in citizen once the "
                            + "national business registration system confirms the citizen's verified identity number "
                            + "is a legal representative of it; the registered name is kept; recorded with who and when. "
                            + "400 validation-failed (taxCode business-not-registered when the registry does not know it); "
                            + "403 level-of-assurance-required below level 2, not-legal-representative when the registry "
                            + "does not confirm; 409 business-already-linked; 503 business-registry-unavailable. "
                            + "Accepts Idempotency-Key.")
    LinkedBusiness link(
            @AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) LinkRequest request) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        // the key is the client's, so it is scoped to the person: two people may pick the same one
        return idempotent.run(
                "business-link:" + who.subject(),
                idempotencyKey,
                request,
                LinkedBusiness.class,
                () -> businesses.link(who, request));
    }

    @GetMapping
    @Operation(summary = "The businesses I represent (CITIZEN), paged")
    PageResponse<LinkedBusiness> list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageResponse.validate(page, size);
        return businesses.list(EgovPrincipal.from(jwt), page, size);
    }

    @DeleteMapping("/{taxCode}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop representing a business (CITIZEN); 404 business-not-linked when I do not")
    void unlink(@AuthenticationPrincipal Jwt jwt, @PathVariable String taxCode) {
        businesses.unlink(EgovPrincipal.from(jwt), taxCode);
    }
}

package vn.egov.payment.refund;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;

/** Refunds of a paid fee, by an officer of the dossier's agency. */
@RestController
class RefundController {

    private final RefundService refunds;

    RefundController(RefundService refunds) {
        this.refunds = refunds;
    }

    @PostMapping("/api/v1/payments/{id}/refunds")
    @Operation(summary = "Refund part or all of a paid fee (officer of the agency; Idempotency-Key required)")
    ResponseEntity<RefundService.RefundResponse> refund(
            @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody RefundRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        if (!who.hasRole("OFFICER") || who.agency() == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "idempotency-key-required");
        }
        RefundService.RefundResponse refund = refunds.refund(id, who, key, request);
        if ("REQUESTED".equals(refund.refundStatus())) {
            // recorded, but the gateway has not confirmed it yet
            return ResponseEntity.accepted().body(refund);
        }
        return ResponseEntity.created(URI.create("/api/v1/payments/" + id + "/refunds/" + refund.refundId()))
                .body(refund);
    }
}

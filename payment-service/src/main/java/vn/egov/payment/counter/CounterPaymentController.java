package vn.egov.payment.counter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.payment.order.PaymentOrder;

/**
 * The desk records a fee paid at the counter, in cash or by card (decision 36). Only an OFFICER — the role that
 * receives dossiers at the counter — of the dossier's agency.
 */
@RestController
class CounterPaymentController {

    record CounterPaymentResponse(
            UUID id,
            String dossierCode,
            long amount,
            String method,
            String status,
            String receiptNumber,
            Instant paidAt) {

        static CounterPaymentResponse of(PaymentOrder o) {
            return new CounterPaymentResponse(
                    o.id(),
                    o.dossierCode(),
                    o.amountVnd(),
                    o.method().name(),
                    o.status().name(),
                    o.receiptNumber(),
                    o.paidAt());
        }
    }

    private final CounterPayments payments;
    private final Validator validator;

    CounterPaymentController(CounterPayments payments, Validator validator) {
        this.payments = payments;
        this.validator = validator;
    }

    @PostMapping("/api/v1/payments/counter")
    @Operation(
            summary = "Record a dossier's fee paid at the counter, in cash or by card (OFFICER of the dossier's agency;"
                    + " Idempotency-Key required)",
            description = "The amount is the dossier's fee as the platform knows it. An unpaid online order of the"
                    + " dossier is cancelled. The receipt is numbered in the agency's series"
                    + " (<agency code>/<year>/<000001>), and vn.egov.payment.succeeded.v1 is published as for an"
                    + " online payment.",
            responses = {
                @ApiResponse(responseCode = "201", description = "recorded (or replayed: Idempotent-Replayed: true)"),
                @ApiResponse(responseCode = "400", description = "validation-failed, idempotency-key-required"),
                @ApiResponse(responseCode = "403", description = "forbidden, payment-of-another-agency"),
                @ApiResponse(responseCode = "404", description = "dossier-fee-not-found: unknown dossier or no fee"),
                @ApiResponse(
                        responseCode = "409",
                        description = "fee-already-paid, dossier-closed, idempotency-key-reused")
            })
    ResponseEntity<CounterPaymentResponse> collect(
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody CounterPaymentRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        EgovPrincipal officer = EgovPrincipal.from(jwt);
        // who may ask is settled before what they ask is even looked at
        if (!officer.hasRole("OFFICER")
                || officer.agency() == null
                || officer.agency().isBlank()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        Set<ConstraintViolation<CounterPaymentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "idempotency-key-required");
        }
        CounterPayments.Collected collected = payments.collect(officer, key, request);
        PaymentOrder p = collected.payment();
        return ResponseEntity.created(URI.create("/api/v1/payments/" + p.id()))
                .header("Idempotent-Replayed", Boolean.toString(collected.replayed()))
                .body(CounterPaymentResponse.of(p));
    }
}

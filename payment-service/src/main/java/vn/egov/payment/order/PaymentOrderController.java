package vn.egov.payment.order;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;

/**
 * Payment orders: created by dossier-service (client credentials), shown to their payer or an officer
 * of the dossier's agency. Anyone else gets the same 404 as for an order that does not exist.
 */
@RestController
class PaymentOrderController {

    record PaymentOrderResponse(
            UUID id,
            String dossierCode,
            String agencyCode,
            long amountVnd,
            String status,
            Instant createdAt,
            Instant expiresAt,
            String paymentUrl,
            String receiptNumber,
            Instant paidAt,
            long refundedVnd,
            // decision 36: ONLINE, or CASH / CARD at the counter
            String method) {

        static PaymentOrderResponse of(PaymentOrder o) {
            return new PaymentOrderResponse(
                    o.id(),
                    o.dossierCode(),
                    o.agencyCode(),
                    o.amountVnd(),
                    o.status().name(),
                    o.createdAt(),
                    o.expiresAt(),
                    o.status() == PaymentStatus.PENDING ? o.paymentUrl() : null,
                    o.receiptNumber(),
                    o.paidAt(),
                    o.refundedVnd(),
                    o.method().name());
        }
    }

    /** The shape dossier-service passes on to the citizen ({@code payment: {id, amount, paymentUrl}}). */
    record CreatedPaymentResponse(UUID id, long amount, String paymentUrl, String status, Instant expiresAt) {}

    private final PaymentOrders orders;
    private final PaymentOrderService service;
    private final OrderProperties properties;
    private final Validator validator;

    PaymentOrderController(
            PaymentOrders orders, PaymentOrderService service, OrderProperties properties, Validator validator) {
        this.orders = orders;
        this.service = service;
        this.properties = properties;
        this.validator = validator;
    }

    @PostMapping("/api/v1/payments")
    @Operation(summary = "Create a payment order for a dossier's fee (dossier-service only, client credentials)")
    ResponseEntity<CreatedPaymentResponse> create(
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody CreatePaymentRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        EgovPrincipal caller = EgovPrincipal.from(jwt);
        // who may ask is settled before what they ask is even looked at
        if (caller.clientId() == null || !properties.creators().contains(caller.clientId())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        Set<ConstraintViolation<CreatePaymentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "idempotency-key-required");
        }
        PaymentOrderService.Created created = service.create(caller.clientId(), key, request);
        PaymentOrder o = created.order();
        return ResponseEntity.created(URI.create("/api/v1/payments/" + o.id()))
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .body(new CreatedPaymentResponse(
                        o.id(),
                        o.amountVnd(),
                        o.status() == PaymentStatus.PENDING ? o.paymentUrl() : null,
                        o.status().name(),
                        o.expiresAt()));
    }

    @GetMapping("/api/v1/payments/{id}")
    @Operation(summary = "A payment order and its receipt")
    PaymentOrderResponse get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        return orders.find(id)
                .filter(o -> PaymentAccess.canSee(o, who))
                .map(PaymentOrderResponse::of)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "payment-not-found"));
    }
}

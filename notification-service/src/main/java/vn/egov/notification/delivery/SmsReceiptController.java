package vn.egov.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.web.ApiProblem;

/**
 * Delivery receipts from the SMS gateway: {@code DELIVERED} moves an SMS delivery SENT → DELIVERED,
 * {@code UNDELIVERABLE} (or {@code FAILED}) SENT → FAILED. A receipt that overtakes our own record of
 * the send (the gateway answered, but the loop has not written SENT yet) first records SENT, so the
 * status still moves only forward. Not a user call: no token, the gateway proves itself with the
 * receipt key ({@code X-Api-Key}). Idempotent: a repeated receipt changes nothing.
 */
@RestController
class SmsReceiptController {

    /** As the gateway sends it: its id (stored with the delivery), our reference (the delivery id), the handset status. */
    record Receipt(
            @Size(max = 100) String id,
            @Size(max = 36) String reference,
            @Size(max = 16) String status,
            Instant deliveredAt) {}

    private final SmsReceipts receipts;
    private final Validator validator;
    private final byte[] receiptKey;

    SmsReceiptController(SmsReceipts receipts, SmsProperties sms, Validator validator) {
        this.validator = validator;
        this.receipts = receipts;
        this.receiptKey = sms.receiptKey().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/api/v1/notifications/sms/receipts")
    @Operation(summary = "SMS gateway delivery receipt (gateway only, X-Api-Key)")
    ResponseEntity<Void> receipt(
            @RequestHeader(value = "X-Api-Key", required = false) String key, @RequestBody Receipt receipt) {
        if (key == null || !MessageDigest.isEqual(receiptKey, key.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-receipt-key");
        }
        // who may send is settled before what they send is looked at: the limits are checked here, not by @Valid
        Set<ConstraintViolation<Receipt>> violations = validator.validate(receipt);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        UUID deliveryId = parse(receipt.reference());
        String outcome = receipt.status() == null ? "" : receipt.status().toUpperCase(java.util.Locale.ROOT);
        if (deliveryId == null
                || !(outcome.equals("DELIVERED") || outcome.equals("UNDELIVERABLE") || outcome.equals("FAILED"))) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-receipt");
        }
        receipts.apply(deliveryId, receipt.id(), outcome, receipt.deliveredAt());
        return ResponseEntity.noContent().build();
    }

    private static UUID parse(String reference) {
        try {
            return reference == null ? null : UUID.fromString(reference);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

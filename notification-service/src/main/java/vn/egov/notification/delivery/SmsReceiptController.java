package vn.egov.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.web.ApiProblem;
import vn.egov.notification.NotificationProperties;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

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
    record Receipt(@Size(max = 100) String id, @Size(max = 36) String reference, @Size(max = 16) String status,
                   Instant deliveredAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(SmsReceiptController.class);

    private final JdbcClient jdbc;
    private final Validator validator;
    private final byte[] receiptKey;

    SmsReceiptController(JdbcClient jdbc, NotificationProperties properties, Validator validator) {
        this.validator = validator;
        this.jdbc = jdbc;
        this.receiptKey = properties.sms().receiptKey().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/api/v1/notifications/sms/receipts")
    @Transactional
    @Operation(summary = "SMS gateway delivery receipt (gateway only, X-Api-Key)")
    ResponseEntity<Void> receipt(@RequestHeader(value = "X-Api-Key", required = false) String key,
                                 @RequestBody Receipt receipt) {
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
        if (deliveryId == null || !(outcome.equals("DELIVERED") || outcome.equals("UNDELIVERABLE") || outcome.equals("FAILED"))) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-receipt");
        }
        // the gateway's id must match the one it answered the send with, when we know it already
        String where = " where id = :id and channel = 'SMS' and (provider_id is null or cast(:providerId as text) is null or provider_id = cast(:providerId as text))";
        Long found = jdbc.sql("select count(*) from delivery" + where).param("id", deliveryId)
                .param("providerId", receipt.id()).query(Long.class).single();
        if (found == 0) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "delivery-not-found");
        }
        jdbc.sql("""
                        update delivery set status = 'SENT', sent_at = now(), provider_id = coalesce(provider_id, :providerId),
                            last_error = null,
                            text_body = case when sealed then null else text_body end,
                            html_body = case when sealed then null else html_body end""" + where + " and status = 'PENDING'")
                .param("id", deliveryId).param("providerId", receipt.id()).update();
        Timestamp at = Timestamp.from(receipt.deliveredAt() != null ? receipt.deliveredAt() : Instant.now());
        int changed = outcome.equals("DELIVERED")
                ? jdbc.sql("update delivery set status = 'DELIVERED', delivered_at = :at" + where + " and status = 'SENT'")
                        .param("id", deliveryId).param("providerId", receipt.id()).param("at", at).update()
                : jdbc.sql("update delivery set status = 'FAILED', failed_at = :at, last_error = 'undeliverable (gateway receipt)'"
                                + where + " and status = 'SENT'")
                        .param("id", deliveryId).param("providerId", receipt.id()).param("at", at).update();
        if (changed == 1) {
            log.info("SMS delivery {} {} (gateway receipt)", deliveryId, outcome);
        }
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

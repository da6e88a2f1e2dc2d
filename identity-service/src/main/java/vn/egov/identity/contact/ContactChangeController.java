package vn.egov.identity.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.idempotency.IdempotentRequests;
import vn.egov.commons.security.EgovPrincipal;

/** Change of the own email address or phone number, effective once a one-time code sent there comes back. */
@RestController
@RequestMapping("/api/v1/identity/me/contact-changes")
class ContactChangeController {

    /** @param channel {@code EMAIL} or {@code SMS} (the phone number) */
    record ChangeRequest(
            @Schema(allowableValues = {"EMAIL", "SMS"}) String channel,
            @Schema(maxLength = 254) String value) {

        @Override
        public String toString() {
            return "ChangeRequest[channel=" + channel + ", value=…]";
        }
    }

    record ChangeAccepted(String id, String channel, Instant expiresAt, int attemptsAllowed) {}

    record ConfirmRequest(@Schema(maxLength = 6) String code) {

        @Override
        public String toString() {
            return "ConfirmRequest[…]";
        }
    }

    record ChangeApplied(String channel, String email, String phone, Instant changedAt) {

        @Override
        public String toString() {
            return "ChangeApplied[channel=" + channel + ", changedAt=" + changedAt + "]";
        }
    }

    private final ContactChangeService contactChanges;
    private final IdempotentRequests idempotent;

    ContactChangeController(ContactChangeService contactChanges, IdempotentRequests idempotent) {
        this.contactChanges = contactChanges;
        this.idempotent = idempotent;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Ask to change my email address or phone number (citizen with a profile)",
            description =
                    "A 6-digit one-time code goes to the new destination (valid 10 minutes, 5 attempts, single use); "
                            + "confirm it to apply the change. 409 contact-in-use when another person has the value; 429 after too "
                            + "many requests in an hour. Accepts Idempotency-Key (a retry does not send another code).")
    ChangeAccepted request(
            @AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) ChangeRequest request) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        return idempotent.run(
                "contact-change:" + who.subject(),
                idempotencyKey,
                request,
                ChangeAccepted.class,
                () -> contactChanges.request(who, request));
    }

    @PostMapping("/{id}/confirm")
    @Operation(
            summary = "Confirm a contact change with the code that was sent to the new destination",
            description = "200 with the contacts now in force (profile and Keycloak; an email becomes verified). 422 "
                    + "verification-code-wrong (attemptsLeft), 410 verification-code-expired or -exhausted, 409 "
                    + "contact-change-closed (already used or replaced by a newer request) or contact-in-use.")
    ChangeApplied confirm(
            @AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @PathVariable String id,
            @RequestBody(required = false) ConfirmRequest request) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        return idempotent.run(
                "contact-change-confirm:" + who.subject(),
                idempotencyKey,
                new Object[] {id, request},
                ChangeApplied.class,
                () -> contactChanges.confirm(who, id, request == null ? null : request.code()));
    }
}

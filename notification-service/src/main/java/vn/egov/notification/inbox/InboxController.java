package vn.egov.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;
import vn.egov.notification.recipient.Recipients;

/** The signed-in person's own inbox. */
@RestController
class InboxController {

    record InboxItem(UUID id, String kind, String title, String body, String link, Instant createdAt, Instant readAt) {}

    private final Inbox inbox;
    private final Recipients recipients;

    InboxController(Inbox inbox, Recipients recipients) {
        this.inbox = inbox;
        this.recipients = recipients;
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "Own inbox, newest first")
    PageResponse<InboxItem> inbox(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageResponse.validate(page, size);
        recipients.rememberOfficer(EgovPrincipal.from(jwt));
        return inbox.page(jwt.getSubject(), unreadOnly, page, size);
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @Operation(summary = "Mark an own inbox item read (idempotent)")
    ResponseEntity<Void> markRead(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        boolean updated = inbox.markRead(id, jwt.getSubject());
        if (!updated) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "notification-not-found");
        }
        return ResponseEntity.noContent().build();
    }
}

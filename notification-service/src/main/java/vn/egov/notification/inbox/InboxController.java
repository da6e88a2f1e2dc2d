package vn.egov.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.notification.notice.Recipients;
import vn.egov.commons.web.PageResponse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The signed-in person's own inbox. */
@RestController
class InboxController {

    record InboxItem(UUID id, String kind, String title, String body, String link, Instant createdAt, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final Recipients recipients;

    InboxController(JdbcClient jdbc, Recipients recipients) {
        this.jdbc = jdbc;
        this.recipients = recipients;
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "Own inbox, newest first")
    PageResponse<InboxItem> inbox(@AuthenticationPrincipal Jwt jwt,
                                  @RequestParam(defaultValue = "false") boolean unreadOnly,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        PageResponse.validate(page, size);
        recipients.rememberOfficer(EgovPrincipal.from(jwt));
        String where = " where recipient_subject = :me and (not :unread or read_at is null)";
        long total = jdbc.sql("select count(*) from inbox_item" + where).param("me", jwt.getSubject())
                .param("unread", unreadOnly).query(Long.class).single();
        List<InboxItem> items = jdbc.sql("select id, kind, title, body, link, created_at, read_at from inbox_item"
                        + where + " order by created_at desc limit :size offset :offset")
                .param("me", jwt.getSubject()).param("unread", unreadOnly)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> new InboxItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
        return PageResponse.of(items, page, size, total);
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @Operation(summary = "Mark an own inbox item read (idempotent)")
    ResponseEntity<Void> markRead(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        int updated = jdbc.sql("""
                        update inbox_item set read_at = coalesce(read_at, now())
                        where id = ? and recipient_subject = ?""")
                .param(id).param(jwt.getSubject()).update();
        if (updated == 0) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "notification-not-found");
        }
        return ResponseEntity.noContent().build();
    }
}

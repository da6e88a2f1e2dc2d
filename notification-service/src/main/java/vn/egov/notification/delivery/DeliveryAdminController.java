package vn.egov.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;
import vn.egov.notification.notice.Channel;
import vn.egov.notification.notice.DeliveriesQueued;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Operators (SYSTEM_ADMIN) see deliveries by status, failed ones first of all, and retry one. What they
 * see is what they need to act: kind, channel, status, attempts, the error (addresses and numbers in it
 * masked), the destination masked; never the message's title or body. A retry moves a FAILED delivery back
 * to PENDING with its attempts reset, the only backward move the database allows, and only with the
 * operator and time recorded (delivery.retried_by/at and a delivery_retry row).
 */
@RestController
class DeliveryAdminController {

    static final String ROLE = "SYSTEM_ADMIN";
    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "DELIVERED", "FAILED", "SKIPPED");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+");
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d .-]{5,}\\d");

    record DeliveryView(UUID id, String eventId, String kind, String channel, String purpose, String status,
                        String recipientSubject, String destination, int attempts, String lastError,
                        Instant createdAt, Instant nextAttemptAt, Instant sentAt, Instant deliveredAt, Instant failedAt,
                        String retriedBy, Instant retriedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeliveryAdminController.class);
    private static final String COLUMNS = """
            id, event_id, kind, channel, purpose, status, recipient_subject, destination, attempts, last_error,
            created_at, next_attempt_at, sent_at, delivered_at, failed_at, retried_by, retried_at""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryAdminController(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/api/v1/notifications/admin/deliveries")
    @Operation(summary = "Deliveries by status, newest first (SYSTEM_ADMIN); no message bodies, destinations masked")
    PageResponse<DeliveryView> list(@AuthenticationPrincipal Jwt jwt,
                                    @RequestParam(defaultValue = "FAILED") @Size(max = 32) String status,
                                    @RequestParam(required = false) @Size(max = 32) String channel,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        requireOperator(jwt);
        PageResponse.validate(page, size);
        String wanted = status.toUpperCase(Locale.ROOT);
        String channelName = channel == null || channel.isBlank() ? null : channel.toUpperCase(Locale.ROOT);
        List<ApiProblem.FieldError> errors = new java.util.ArrayList<>();
        if (!STATUSES.contains(wanted)) {
            errors.add(new ApiProblem.FieldError("status", "unknown-status", status));
        }
        if (channelName != null && EnumSet.allOf(Channel.class).stream().noneMatch(c -> c.name().equals(channelName))) {
            errors.add(new ApiProblem.FieldError("channel", "unknown-channel", channel));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation-failed", errors, java.util.Map.of());
        }
        String where = " where status = :status and (cast(:channel as text) is null or channel = cast(:channel as text))";
        long total = jdbc.sql("select count(*) from delivery" + where).param("status", wanted)
                .param("channel", channelName).query(Long.class).single();
        List<DeliveryView> items = jdbc.sql("select " + COLUMNS + " from delivery" + where
                        + " order by created_at desc, id limit :size offset :offset")
                .param("status", wanted).param("channel", channelName)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> view(rs)).list();
        return PageResponse.of(items, page, size, total);
    }

    @PostMapping("/api/v1/notifications/admin/deliveries/{id}/retry")
    @Transactional
    @Operation(summary = "Send a FAILED delivery again (SYSTEM_ADMIN): back to PENDING, attempts reset, retry recorded")
    DeliveryView retry(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        EgovPrincipal operator = requireOperator(jwt);
        record Row(String status, String channel, boolean sealed, String lastError) {
        }
        Row row = jdbc.sql("select status, channel, sealed, last_error from delivery where id = ? for update").param(id)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
                .optional().orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "delivery-not-found"));
        // a one-time code's body was wiped when it failed: the person asks for a new code instead
        if (!"FAILED".equals(row.status()) || row.sealed()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "delivery-not-retryable");
        }
        Instant now = clock.instant();
        String who = operator.subject();
        jdbc.sql("insert into delivery_retry (id, delivery_id, retried_by, retried_at, previous_error) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), id, who, Timestamp.from(now), row.lastError()).update();
        jdbc.sql("""
                        update delivery set status = 'PENDING', attempts = 0, next_attempt_at = now(), failed_at = null,
                            retried_by = ?, retried_at = ?
                        where id = ? and status = 'FAILED'""")
                .params(who, Timestamp.from(now), id).update();
        events.publishEvent(new DeliveriesQueued(Set.of(Channel.valueOf(row.channel()))));
        log.info("Delivery {} retried by operator {}", id, who);
        return jdbc.sql("select " + COLUMNS + " from delivery where id = ?").param(id).query((rs, i) -> view(rs)).single();
    }

    private static EgovPrincipal requireOperator(Jwt jwt) {
        EgovPrincipal principal = EgovPrincipal.from(jwt);
        if (!principal.hasRole(ROLE)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        return principal;
    }

    private static DeliveryView view(ResultSet rs) throws SQLException {
        return new DeliveryView(rs.getObject("id", UUID.class), rs.getString("event_id"), rs.getString("kind"),
                rs.getString("channel"), rs.getString("purpose"), rs.getString("status"),
                rs.getString("recipient_subject"), mask(rs.getString("destination")), rs.getInt("attempts"),
                redact(rs.getString("last_error")), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
                instant(rs, "sent_at"), instant(rs, "delivered_at"), instant(rs, "failed_at"),
                rs.getString("retried_by"), instant(rs, "retried_at"));
    }

    /** {@code n***@example.vn}, {@code *******678}: enough to tell two destinations apart, not to use one. */
    static String mask(String destination) {
        if (destination == null) {
            return null;
        }
        int at = destination.indexOf('@');
        if (at > 0) {
            return destination.charAt(0) + "***" + destination.substring(at);
        }
        int keep = Math.min(3, destination.length());
        return "*".repeat(destination.length() - keep) + destination.substring(destination.length() - keep);
    }

    /** SMTP and gateway errors may quote the address or number: masked. */
    static String redact(String error) {
        if (error == null) {
            return null;
        }
        String out = EMAIL.matcher(error).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(mask(m.group())));
        return NUMBER.matcher(out).replaceAll("[number]");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

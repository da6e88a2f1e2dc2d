package vn.egov.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;
import vn.egov.notification.notice.DeliveriesQueued;
import vn.egov.notification.recipient.Channel;

/**
 * What operators see of deliveries and their one backward move, a retry (see {@link DeliveryAdminController}):
 * the view masks destinations and errors; a retry is recorded with the operator and time.
 */
@Service
class DeliveryAdministration {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+");
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d .-]{5,}\\d");

    record DeliveryView(
            UUID id,
            String eventId,
            String kind,
            String channel,
            String purpose,
            String status,
            String recipientSubject,
            String destination,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant sentAt,
            Instant deliveredAt,
            Instant failedAt,
            String retriedBy,
            Instant retriedAt) {}

    private static final Logger log = LoggerFactory.getLogger(DeliveryAdministration.class);
    private static final String COLUMNS = """
            id, event_id, kind, channel, purpose, status, recipient_subject, destination, attempts, last_error,
            created_at, next_attempt_at, sent_at, delivered_at, failed_at, retried_by, retried_at""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryAdministration(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Deliveries of a status (and channel, when given), newest first. */
    PageResponse<DeliveryView> list(String wanted, String channelName, int page, int size) {
        String where =
                " where status = :status and (cast(:channel as text) is null or channel = cast(:channel as text))";
        long total = jdbc.sql("select count(*) from delivery" + where)
                .param("status", wanted)
                .param("channel", channelName)
                .query(Long.class)
                .single();
        List<DeliveryView> items = jdbc.sql("select " + COLUMNS + " from delivery" + where
                        + " order by created_at desc, id limit :size offset :offset")
                .param("status", wanted)
                .param("channel", channelName)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> view(rs))
                .list();
        return PageResponse.of(items, page, size, total);
    }

    /** A FAILED delivery back to PENDING, attempts reset, the retry recorded with who and when. */
    @Transactional
    DeliveryView retry(UUID id, String who) {
        record Row(String status, String channel, boolean sealed, String lastError) {}
        Row row = jdbc.sql("select status, channel, sealed, last_error from delivery where id = ? for update")
                .param(id)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "delivery-not-found"));
        // a one-time code's body was wiped when it failed: the person asks for a new code instead
        if (!"FAILED".equals(row.status()) || row.sealed()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "delivery-not-retryable");
        }
        Instant now = clock.instant();
        jdbc.sql(
                        "insert into delivery_retry (id, delivery_id, retried_by, retried_at, previous_error) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), id, who, Timestamp.from(now), row.lastError())
                .update();
        jdbc.sql("""
                        update delivery set status = 'PENDING', attempts = 0, next_attempt_at = now(), failed_at = null,
                            retried_by = ?, retried_at = ?
                        where id = ? and status = 'FAILED'""").params(who, Timestamp.from(now), id).update();
        events.publishEvent(new DeliveriesQueued(Set.of(Channel.valueOf(row.channel()))));
        log.info("Delivery {} retried by operator {}", id, who);
        return jdbc.sql("select " + COLUMNS + " from delivery where id = ?")
                .param(id)
                .query((rs, i) -> view(rs))
                .single();
    }

    private static DeliveryView view(ResultSet rs) throws SQLException {
        return new DeliveryView(
                rs.getObject("id", UUID.class),
                rs.getString("event_id"),
                rs.getString("kind"),
                rs.getString("channel"),
                rs.getString("purpose"),
                rs.getString("status"),
                rs.getString("recipient_subject"),
                mask(rs.getString("destination")),
                rs.getInt("attempts"),
                redact(rs.getString("last_error")),
                instant(rs, "created_at"),
                instant(rs, "next_attempt_at"),
                instant(rs, "sent_at"),
                instant(rs, "delivered_at"),
                instant(rs, "failed_at"),
                rs.getString("retried_by"),
                instant(rs, "retried_at"));
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

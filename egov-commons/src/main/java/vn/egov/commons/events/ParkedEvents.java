package vn.egov.commons.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox rows the relay parked ({@link OutboxRelay}), for operators: list them, send one again, or give up
 * on one. Each change is one short transaction that records who did it and when ({@code outbox_event_action},
 * and {@code discarded_by}/{@code discarded_at} on the row) and is logged.
 *
 * <p>What is shown is what an operator needs to decide, never the payload (it may hold personal data): id,
 * type, topic, key (the aggregate id), size, error, attempts, when it was written and parked, and how many
 * later events of its aggregate wait behind it.
 */
public class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    /** The state of an outbox row as an operator sees it. */
    public enum State {
        PENDING,
        PARKED,
        DISCARDED,
        PUBLISHED
    }

    /**
     * One outbox row, without its payload.
     *
     * @param sizeBytes the payload's size in UTF-8 bytes (what the producer sends, plus a few bytes of headers)
     * @param sendFailures failures other than the broker being away (see {@code egov.events.max-send-attempts})
     * @param heldBehind later events of the same topic and key that wait until this one is retried or discarded
     */
    public record ParkedEvent(
            UUID eventId,
            String type,
            String topic,
            String key,
            long sizeBytes,
            State state,
            String error,
            int attempts,
            int sendFailures,
            Instant createdAt,
            Instant parkedAt,
            long heldBehind,
            String discardedBy,
            Instant discardedAt) {}

    /** What an operator's retry or discard found. */
    public sealed interface Outcome {
        record Done(ParkedEvent event) implements Outcome {}

        record NotFound() implements Outcome {}

        record NotParked(State state) implements Outcome {}
    }

    private static final String COLUMNS = """
            o.event_id, o.event_type, o.topic, o.event_key, octet_length(o.payload) as size_bytes, o.last_error,
            o.attempts, o.send_failures, o.created_at, o.parked_at, o.published_at, o.discarded_at, o.discarded_by,
            (select count(*) from outbox_event h
             where h.topic = o.topic and h.event_key = o.event_key and h.seq > o.seq
               and h.published_at is null and h.parked_at is null) as held_behind""";
    private static final String PARKED =
            "o.parked_at is not null and o.discarded_at is null and o.published_at is null";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Set<String> sensitiveTypes;
    private final JsonMapper json;

    /** @param sensitiveTypes as the relay's: a discarded row of such a type loses its {@code data} at once */
    public ParkedEvents(
            JdbcClient jdbc, TransactionTemplate transactions, Set<String> sensitiveTypes, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sensitiveTypes = Set.copyOf(sensitiveTypes);
        this.json = json;
    }

    /** Parked rows, oldest first. */
    public List<ParkedEvent> list(int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from outbox_event o where " + PARKED
                        + " order by o.seq limit :size offset :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> view(rs))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from outbox_event o where " + PARKED)
                .query(Long.class)
                .single();
    }

    public Optional<ParkedEvent> find(UUID eventId) {
        return jdbc.sql("select " + COLUMNS + " from outbox_event o where o.event_id = ?")
                .param(eventId)
                .query((rs, i) -> view(rs))
                .optional();
    }

    /**
     * Sends a parked row again: it becomes pending with its failures forgotten, and the relay sends it (before
     * the events held behind it, which follow it in order). If Kafka refuses it again it is parked again.
     */
    public Outcome retry(UUID eventId, String actor) {
        return change(eventId, actor, "RETRIED", """
                update outbox_event set parked_at = null, send_failures = 0
                where event_id = ? and parked_at is not null and discarded_at is null and published_at is null""");
    }

    /**
     * Gives up on a parked row: it is never sent, the events held behind it go on, and it is purged after the
     * outbox retention like a published row. Consumers never see it: use it when the event is wrong or
     * unsendable and whatever it should have caused is handled some other way. A row of a sensitive type loses
     * its {@code data} here, as it would have when published: nothing will ever send it.
     */
    public Outcome discard(UUID eventId, String actor) {
        return change(eventId, actor, "DISCARDED", """
                update outbox_event set discarded_at = now(), discarded_by = ?
                where event_id = ? and parked_at is not null and discarded_at is null and published_at is null""");
    }

    private Outcome change(UUID eventId, String actor, String action, String update) {
        Outcome outcome = transactions.execute(status -> {
            Optional<State> state = jdbc.sql(
                            "select " + stateSql() + " from outbox_event where event_id = ? for update")
                    .param(eventId)
                    .query((rs, i) -> State.valueOf(rs.getString(1)))
                    .optional();
            if (state.isEmpty()) {
                return new Outcome.NotFound();
            }
            if (state.get() != State.PARKED) {
                return new Outcome.NotParked(state.get());
            }
            var statement = jdbc.sql(update);
            if (action.equals("DISCARDED")) {
                statement = statement.param(actor);
            }
            statement.param(eventId).update();
            if (action.equals("DISCARDED")) {
                eraseIfSensitive(eventId);
            }
            jdbc.sql("""
                    insert into outbox_event_action (event_id, action, actor, error)
                    select event_id, ?, ?, last_error from outbox_event where event_id = ?""").param(action).param(actor).param(eventId).update();
            return new Outcome.Done(find(eventId).orElseThrow());
        });
        if (outcome instanceof Outcome.Done done) {
            log.warn(
                    "outbox: parked event {} ({} on {}, key {}) {} by {}",
                    eventId,
                    done.event().type(),
                    done.event().topic(),
                    done.event().key(),
                    action.toLowerCase(java.util.Locale.ROOT),
                    actor);
        }
        return outcome;
    }

    private void eraseIfSensitive(UUID eventId) {
        record Row(String type, String payload) {}
        Row row = jdbc.sql("select event_type, payload from outbox_event where event_id = ?")
                .param(eventId)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2)))
                .single();
        if (sensitiveTypes.contains(row.type())) {
            jdbc.sql("update outbox_event set payload = ? where event_id = ?")
                    .param(OutboxRelay.withoutData(json, row.payload()))
                    .param(eventId)
                    .update();
        }
    }

    private static String stateSql() {
        return """
                case when published_at is not null then 'PUBLISHED' when discarded_at is not null then 'DISCARDED'
                     when parked_at is not null then 'PARKED' else 'PENDING' end""";
    }

    private static ParkedEvent view(ResultSet rs) throws SQLException {
        Instant published = instant(rs, "published_at");
        Instant discarded = instant(rs, "discarded_at");
        Instant parked = instant(rs, "parked_at");
        State state = published != null
                ? State.PUBLISHED
                : discarded != null ? State.DISCARDED : parked != null ? State.PARKED : State.PENDING;
        return new ParkedEvent(
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getString("topic"),
                rs.getString("event_key"),
                rs.getLong("size_bytes"),
                state,
                rs.getString("last_error"),
                rs.getInt("attempts"),
                rs.getInt("send_failures"),
                instant(rs, "created_at"),
                parked,
                rs.getLong("held_behind"),
                rs.getString("discarded_by"),
                discarded);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

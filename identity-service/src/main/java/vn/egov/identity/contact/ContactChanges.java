package vn.egov.identity.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.egov.identity.personaldata.PersonalDataProtector;

/** The {@code contact_change} table. */
@Repository
class ContactChanges {

    enum Status {
        PENDING,
        CONFIRMED,
        EXHAUSTED,
        SUPERSEDED,
        REJECTED
    }

    record ContactChange(
            UUID id,
            UUID personId,
            String channel,
            PersonalDataProtector.Sealed destination,
            String codeHash,
            Instant expiresAt,
            int attempts,
            Status status) {

        @Override
        public String toString() {
            return "ContactChange[id=" + id + ", channel=" + channel + ", status=" + status + "]";
        }
    }

    private final JdbcClient jdbc;

    ContactChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ContactChange c, Instant requestedAt) {
        jdbc.sql("""
                insert into contact_change (id, person_id, channel, destination_key_id, destination_sealed, code_hash,
                    expires_at, attempts, status, requested_at)
                values (:id, :p, :ch, :kid, :dest, :hash, :exp, 0, 'PENDING', :at)""")
                .param("id", c.id())
                .param("p", c.personId())
                .param("ch", c.channel())
                .param("kid", c.destination().keyId())
                .param("dest", c.destination().bytes())
                .param("hash", c.codeHash())
                .param("exp", Timestamp.from(c.expiresAt()))
                .param("at", Timestamp.from(requestedAt))
                .update();
    }

    Optional<ContactChange> find(UUID id, UUID personId) {
        return jdbc.sql("""
                select id, person_id, channel, destination_key_id, destination_sealed, code_hash, expires_at, attempts, status
                from contact_change where id = :id and person_id = :p""")
                .param("id", id)
                .param("p", personId)
                .query((rs, i) -> new ContactChange(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        new PersonalDataProtector.Sealed(rs.getString(4), rs.getBytes(5)),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getInt(8),
                        Status.valueOf(rs.getString(9))))
                .optional();
    }

    long requestedSince(UUID personId, Instant since) {
        return jdbc.sql("select count(*) from contact_change where person_id = :p and requested_at > :since")
                .param("p", personId)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /** A newer request replaces the pending ones of the same channel: their codes stop working. */
    int supersedePending(UUID personId, String channel, Instant at) {
        return jdbc.sql("""
                update contact_change set status = 'SUPERSEDED', closed_at = :at
                where person_id = :p and channel = :ch and status = 'PENDING'""")
                .param("at", Timestamp.from(at))
                .param("p", personId)
                .param("ch", channel)
                .update();
    }

    /**
     * Counts one confirmation attempt, atomically: answers the attempts made including this one, or empty
     * when the change is no longer pending or has no attempt left.
     */
    OptionalInt countAttempt(UUID id, int maxAttempts) {
        return jdbc.sql("""
                update contact_change set attempts = attempts + 1
                where id = :id and status = 'PENDING' and attempts < :max returning attempts""")
                .param("id", id)
                .param("max", maxAttempts)
                .query(Integer.class)
                .optional()
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    /** Closes a pending change; answers whether it was still pending. */
    boolean close(UUID id, Status status, Instant at) {
        return jdbc.sql("update contact_change set status = :s, closed_at = :at where id = :id and status = 'PENDING'")
                        .param("s", status.name())
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                > 0;
    }
}

package vn.egov.commons.events;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the outbox from becoming an archive of personal data: published rows older than the retention
 * are deleted, and so are rows an operator discarded once they are as old. Rows still to send (parked ones
 * too) are never touched, however old (they wait for Kafka or an operator). Consumers' records of handled
 * events ({@code processed_event}) go after their own, longer retention.
 *
 * <p>Safe with several instances of a service on one database: every statement is a bounded DELETE or
 * UPDATE in its own transaction, skipping rows another instance holds, so two purges at once share the
 * work or find nothing left; no lock is held between batches.
 */
public class OutboxRetention {

    /** Rows per statement: short transactions, no long lock on a table the relay writes to. */
    static final int BATCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Duration processedRetention;

    public OutboxRetention(JdbcClient jdbc, Duration retention, Duration processedRetention) {
        if (retention.isNegative() || processedRetention.isNegative()) {
            throw new IllegalArgumentException(
                    "egov.events.outbox-retention and processed-retention must not be negative: " + retention + ", "
                            + processedRetention);
        }
        this.jdbc = jdbc;
        this.retention = retention;
        this.processedRetention = processedRetention;
    }

    /** One purge of consumers' records older than their retention; returns how many went. */
    public int purgeProcessed() {
        return deleteInBatches("""
                delete from processed_event where (consumer, event_id) in (
                    select consumer, event_id from processed_event
                    where processed_at < now() - make_interval(secs => :seconds)
                    limit :batch for update skip locked)""", processedRetention);
    }

    /**
     * One purge: deletes every published row, and every row an operator discarded, older than the retention;
     * returns how many went.
     */
    public int purge() {
        // published_at is the database's now() at publication, so the cutoff is the database's too
        return deleteInBatches("""
                delete from outbox_event where seq in (
                    select seq from outbox_event
                    where published_at < now() - make_interval(secs => :seconds)
                       or discarded_at < now() - make_interval(secs => :seconds)
                    order by seq limit :batch for update skip locked)""", retention);
    }

    /** Runs a bounded delete (parameters {@code :seconds}, {@code :batch}) until a batch comes back short. */
    private int deleteInBatches(String sql, Duration olderThan) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql(sql)
                    .param("seconds", olderThan.toMillis() / 1000.0)
                    .param("batch", BATCH_SIZE)
                    .update();
            total += deleted;
        } while (deleted == BATCH_SIZE && !Thread.currentThread().isInterrupted());
        return total;
    }
}

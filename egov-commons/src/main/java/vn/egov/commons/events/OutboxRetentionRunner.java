package vn.egov.commons.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link OutboxRetention} on its own thread from application start to shutdown: first soon after start
 * (at most a minute, so that short-lived instances purge too), then every {@code egov.events.outbox-purge-interval}.
 * Every instance runs it; the statements are safe side by side.
 */
public class OutboxRetentionRunner extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetentionRunner.class);

    private final OutboxRetention retention;

    public OutboxRetentionRunner(OutboxRetention retention, Duration interval) {
        super("outbox-retention", firstDelay(interval), interval);
        this.retention = retention;
    }

    private static Duration firstDelay(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("egov.events.outbox-purge-interval must be positive: " + interval);
        }
        return interval.compareTo(Duration.ofMinutes(1)) < 0 ? interval : Duration.ofMinutes(1);
    }

    @Override
    protected void tick() {
        try {
            int purged = retention.purge();
            int forgotten = retention.purgeProcessed();
            if (purged > 0 || forgotten > 0) {
                log.info(
                        "outbox retention: {} published rows and {} processed-event records purged", purged, forgotten);
            }
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable: the next tick tries again
            log.warn("outbox retention pass failed: {}", e.toString());
        }
    }
}

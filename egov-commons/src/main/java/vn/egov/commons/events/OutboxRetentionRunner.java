package vn.egov.commons.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link OutboxRetention} on its own thread from application start to shutdown: first soon after start
 * (at most a minute, so that short-lived instances purge too), then every {@code egov.events.outbox-purge-interval}.
 * Every instance runs it; the statements are safe side by side.
 */
public class OutboxRetentionRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetentionRunner.class);

    private final OutboxRetention retention;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public OutboxRetentionRunner(OutboxRetention retention, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("egov.events.outbox-purge-interval must be positive: " + interval);
        }
        this.retention = retention;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-retention");
            t.setDaemon(true);
            return t;
        });
        long first = Math.min(interval.toMillis(), Duration.ofMinutes(1).toMillis());
        executor.scheduleWithFixedDelay(this::tick, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            int purged = retention.purge();
            if (purged > 0) {
                log.info("outbox retention: {} published rows purged", purged);
            }
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable: the next tick tries again
            log.warn("outbox retention pass failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // stop before the datasource goes away
        return Integer.MAX_VALUE - 100;
    }
}

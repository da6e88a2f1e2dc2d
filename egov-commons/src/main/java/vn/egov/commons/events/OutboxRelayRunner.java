package vn.egov.commons.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the relay on its own thread from application start to shutdown: a pass every {@code interval}, and one as soon
 * as a transaction of this instance that wrote an event commits ({@link #wakeUp}, from {@link EventPublisher}), so
 * an event waits for the next pass only when another instance wrote it.
 */
public class OutboxRelayRunner extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayRunner.class);

    private final OutboxRelay relay;

    public OutboxRelayRunner(OutboxRelay relay, Duration interval) {
        super("outbox-relay", interval, interval);
        this.relay = relay;
    }

    /** A pass now (coalesced with one already waiting): an event was just committed. */
    public void wakeUp() {
        runSoon();
    }

    @Override
    protected void tick() {
        try {
            int sent;
            do {
                sent = relay.relayBatch();
            } while (sent > 0 && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable: the next tick tries again
            log.warn("outbox relay pass failed: {}", e.toString());
        }
    }
}

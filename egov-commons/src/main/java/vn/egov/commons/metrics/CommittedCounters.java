package vn.egov.commons.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business counters that count what happened, not what was attempted: inside a transaction the increment waits
 * for the commit (a rolled-back submission is no submission), outside one it counts at once. Tags are low
 * cardinality by contract (an agency code, a status, a channel; never a person or a dossier).
 */
public class CommittedCounters {

    private final MeterRegistry meters;

    public CommittedCounters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counts one {@code name} with {@code tags} (key, value, key, value…) once the current transaction commits. */
    public void increment(String name, String description, String... tags) {
        Counter counter =
                Counter.builder(name).description(description).tags(tags).register(meters);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}

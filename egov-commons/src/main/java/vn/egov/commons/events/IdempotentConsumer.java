package vn.egov.commons.events;

import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an event's effect at most once per consumer: the {@code (consumer, event_id)} row is
 * inserted in the same transaction as the effect, so a redelivered event finds it and does nothing,
 * and an effect that fails rolls the row back so the retry can run it again.
 */
public class IdempotentConsumer {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public IdempotentConsumer(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Runs {@code effect} in a transaction unless {@code consumer} already processed this event.
     *
     * @return true when the effect ran, false for a duplicate
     */
    public boolean process(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
        Boolean ran = transactions.execute(status -> {
            int inserted = jdbc.sql("""
                    insert into processed_event (consumer, event_id, event_type)
                    values (?, ?, ?) on conflict do nothing""")
                    .param(consumer)
                    .param(event.id())
                    .param(event.type())
                    .update();
            if (inserted == 0) {
                return false;
            }
            effect.accept(event);
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }
}

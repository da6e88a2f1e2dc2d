package vn.egov.commons.events;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an event's effect at most once per consumer: the {@code (consumer, event_id)} row is
 * inserted in the same transaction as the effect, so a redelivered event finds it and does nothing,
 * and an effect that fails rolls the row back so the retry can run it again.
 *
 * <p>Each event leaves one line in the consumer's log (type, id, consumer: never its data), written in the listener's
 * span, so its trace id and the correlation id of the request that caused the event join it to that request's lines
 * (issue 18): without it a consumer that sends nothing of its own, such as notification-service, logged nothing.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

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
        if (Boolean.TRUE.equals(ran)) {
            log.info("Event {} {} handled by {}", event.type(), event.id(), consumer);
            return true;
        }
        log.info("Event {} {} already handled by {}; skipped", event.type(), event.id(), consumer);
        return false;
    }
}

package vn.egov.payment.refund;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the gateway again for every refund still REQUESTED whose next attempt is due (the gateway was
 * down, timed out, or its answer was lost; or a late payment's refund, due at once). A refund is claimed
 * first (its attempt counted and its next attempt pushed back by the backoff, under a row lock that other
 * instances skip), then the gateway is asked outside any transaction with the refund's own request id:
 * the gateway answers a repeated request as the first time and never refunds it twice, and the answer
 * is applied only if the refund is still REQUESTED, so the paid amount is never passed.
 */
@Component
public class RefundRetrySweeper {

    /** What one pass did. */
    public record Pass(int succeeded, int failed, int unanswered) {}

    private static final Logger log = LoggerFactory.getLogger(RefundRetrySweeper.class);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final RefundService refunds;
    private final TransactionTemplate transactions;
    private final RefundRetryProperties properties;
    private final Clock clock;

    RefundRetrySweeper(
            JdbcClient jdbc,
            RefundService refunds,
            TransactionTemplate transactions,
            RefundRetryProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.refunds = refunds;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${egov.payment.refunds.retry.interval:1m}",
            initialDelayString = "${egov.payment.refunds.retry.interval:1m}")
    void scheduledRetry() {
        try {
            retry();
        } catch (RuntimeException e) {
            log.warn("refund retry pass failed, the next pass tries again: {}", e.toString());
        }
    }

    /** One pass over the due REQUESTED refunds (at most a batch). */
    public Pass retry() {
        Instant now = clock.instant();
        List<UUID> due = transactions.execute(tx -> claim(now));
        int succeeded = 0;
        int failed = 0;
        int unanswered = 0;
        for (UUID refundId : due) {
            String outcome = refunds.retry(refundId);
            switch (outcome) {
                case "SUCCEEDED" -> succeeded++;
                case "FAILED" -> failed++;
                default -> unanswered++;
            }
        }
        Pass pass = new Pass(succeeded, failed, unanswered);
        if (!due.isEmpty()) {
            log.info("refund retry pass: {}", pass);
        }
        return pass;
    }

    private List<UUID> claim(Instant now) {
        record Due(UUID id, int attempts) {}
        List<Due> due = jdbc.sql("""
                        select id, attempts from payment_refund
                        where status = 'REQUESTED' and next_attempt_at <= ?
                        order by next_attempt_at limit ? for update skip locked""")
                .params(Timestamp.from(now), BATCH)
                .query((rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list();
        for (Due d : due) {
            int attempts = d.attempts() + 1;
            jdbc.sql("update payment_refund set attempts = ?, next_attempt_at = ? where id = ?")
                    .params(attempts, Timestamp.from(now.plus(properties.backoffAfter(attempts))), d.id())
                    .update();
        }
        return due.stream().map(Due::id).toList();
    }
}

package vn.egov.payment.refund;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.payment.refunds.retry.*}: refunds the gateway has not answered (REQUESTED: it was down,
 * timed out, or its answer was lost) are asked again, with the same request id, until it answers.
 *
 * @param interval pause between two passes of the retry sweeper
 * @param initialBackoff wait before the first retry of a refund (longer than one gateway call, so a
 *     first attempt still in flight is never retried alongside itself); doubled after each attempt
 * @param maxBackoff the longest wait between two attempts
 */
@ConfigurationProperties("egov.payment.refunds.retry")
public record RefundRetryProperties(
        @DefaultValue("1m") Duration interval,
        @DefaultValue("1m") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff) {

    /** The wait after the {@code attempts}-th retry: initial × 2^(attempts−1), at most {@code maxBackoff}. */
    public Duration backoffAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}

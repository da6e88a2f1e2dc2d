package vn.egov.gateway.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * In-memory token buckets, one per key, refilled continuously. Memory is bounded: a bucket that has
 * refilled completely behaves exactly like a missing one, so such buckets are swept out (at most once
 * a sweep interval, or whenever the map outgrows {@code maxKeys}). If a flood of distinct keys still
 * exceeds {@code maxKeys}, arbitrary buckets are dropped: limits turn lenient for some callers rather
 * than the gateway running out of memory.
 *
 * <p>Each decision is one {@link ConcurrentHashMap#compute} on its key: no lock is shared between
 * keys and nothing blocks the event loop. The local run's store, and the fallback of {@link RedisTokenBuckets}
 * while Redis cannot be reached.
 */
final class TokenBuckets implements RateLimitStore {

    record Decision(boolean allowed, long retryAfterSeconds) {}

    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final AtomicLong lastSweep;

    TokenBuckets(int maxKeys, LongSupplier nanoTime) {
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong());
    }

    @Override
    public Mono<Decision> tryConsume(String policy, String callerKey, RateLimitProperties.Limit limit) {
        return Mono.just(tryConsume(policy + "|" + callerKey, limit));
    }

    Decision tryConsume(String key, RateLimitProperties.Limit limit) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        Decision[] decision = new Decision[1];
        buckets.compute(key, (k, bucket) -> {
            Bucket current = bucket != null ? bucket : new Bucket(limit, now);
            decision[0] = current.tryConsume(now);
            return current;
        });
        return decision[0];
    }

    int size() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        boolean due = now - last >= SWEEP_INTERVAL_NANOS || buckets.size() >= maxKeys;
        if (!due || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        buckets.forEach((key, bucket) -> buckets.computeIfPresent(key, (k, b) -> b.isFull(now) ? null : b));
        Iterator<String> keys = buckets.keySet().iterator();
        while (buckets.size() >= maxKeys && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    /** Mutated only inside {@code compute} for its key. */
    private static final class Bucket {
        private final int capacity;
        private final double tokensPerNano;
        private double tokens;
        private long updated;

        Bucket(RateLimitProperties.Limit limit, long now) {
            this.capacity = limit.capacity();
            this.tokensPerNano = (double) limit.capacity() / limit.period().toNanos();
            this.tokens = limit.capacity();
            this.updated = now;
        }

        Decision tryConsume(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, 0);
            }
            double nanosUntilOne = (1 - tokens) / tokensPerNano;
            long seconds =
                    (long) Math.ceil(nanosUntilOne / Duration.ofSeconds(1).toNanos());
            return new Decision(false, Math.max(1, seconds));
        }

        boolean isFull(long now) {
            return tokens + (now - updated) * tokensPerNano >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
        }
    }
}

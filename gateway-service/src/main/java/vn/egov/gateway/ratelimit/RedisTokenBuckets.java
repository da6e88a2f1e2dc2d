package vn.egov.gateway.ratelimit;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.egov.gateway.redis.RedisScript;
import vn.egov.gateway.redis.SharedRedis;

/**
 * Token buckets in Redis, shared by every gateway instance: one hash per bucket, updated atomically
 * by a Lua script ({@code ratelimit/token-bucket.lua}) on the Redis server's clock, and expiring once
 * it has refilled. Keys are {@code <prefix><policy>:<SHA-256 of the caller key>}, so neither client
 * addresses nor user subjects are stored in clear. The connection is the gateway's {@link SharedRedis}.
 *
 * <p><b>Redis unreachable, slow or failing: fail open to this instance's own buckets.</b> The decision
 * then comes from {@code fallback} (the in-memory {@link TokenBuckets}), so every caller is still
 * limited, at up to N times the quota with N instances, and the public API keeps working; a warning
 * is logged once when that starts and an info line when Redis answers again. Failing closed (503 for
 * every request) would make Redis, a mere counter store, a single point of failure for every service
 * behind the gateway, the payment gateway's IPN callbacks included; not limiting at all would drop
 * the protection of registration and the public lookup exactly when something is already wrong.
 */
final class RedisTokenBuckets implements RateLimitStore {

    private static final Logger log = LoggerFactory.getLogger(RedisTokenBuckets.class);
    private static final RedisScript SCRIPT = RedisScript.fromClasspath("ratelimit/token-bucket.lua");

    private final SharedRedis redis;
    private final String keyPrefix;
    private final RateLimitStore fallback;
    private final AtomicBoolean degraded = new AtomicBoolean();

    RedisTokenBuckets(SharedRedis redis, String keyPrefix, RateLimitStore fallback) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.fallback = fallback;
        redis.preload(SCRIPT);
    }

    @Override
    public Mono<TokenBuckets.Decision> tryConsume(String policy, String callerKey, RateLimitProperties.Limit limit) {
        String[] keys = {keyPrefix + policy + ":" + digest(callerKey)};
        return redis.<Long>eval(
                        SCRIPT,
                        ScriptOutputType.INTEGER,
                        keys,
                        Integer.toString(limit.capacity()),
                        Long.toString(limit.period().toNanos() / 1000))
                .map(RedisTokenBuckets::decision)
                .doOnNext(decision -> recovered())
                .onErrorResume(e -> {
                    degrade(e);
                    return fallback.tryConsume(policy, callerKey, limit);
                });
    }

    private static TokenBuckets.Decision decision(long microsUntilNextToken) {
        if (microsUntilNextToken <= 0) {
            return new TokenBuckets.Decision(true, 0);
        }
        return new TokenBuckets.Decision(false, Math.max(1, (microsUntilNextToken + 999_999) / 1_000_000));
    }

    private void degrade(Throwable e) {
        if (degraded.compareAndSet(false, true)) {
            log.warn(
                    "Rate limits: Redis does not answer ({}); each gateway instance counts on its own "
                            + "until it does",
                    e.toString());
        } else {
            log.debug("Rate limits: Redis still unavailable: {}", e.toString());
        }
    }

    private void recovered() {
        if (degraded.compareAndSet(true, false)) {
            log.info("Rate limits: Redis answers again; quotas are shared by all gateway instances");
        }
    }

    private static String digest(String callerKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(callerKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

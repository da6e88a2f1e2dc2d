package vn.egov.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.egov.gateway.TestRedis;
import vn.egov.gateway.redis.SharedRedis;

/** The Lua token bucket against a real Redis, and the fallback when there is none. */
class RedisTokenBucketsIT {

    static final TestRedis REDIS = TestRedis.started();
    final RateLimitProperties.Limit threePerMinute = new RateLimitProperties.Limit(3, Duration.ofMinutes(1));

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    /** A generous timeout: on a busy machine a cold first call may take longer than production's 250 ms. */
    static SharedRedis redis(String url) {
        return new SharedRedis(url, Duration.ofSeconds(2));
    }

    static TokenBuckets.Decision decide(
            RateLimitStore store, String policy, String caller, RateLimitProperties.Limit limit) {
        return store.tryConsume(policy, caller, limit).block(Duration.ofSeconds(5));
    }

    @Test
    void allowsTheCapacityThenTellsWhenTheNextTokenArrivesAndKeepsPoliciesAndCallersApart() {
        TokenBuckets unused = new TokenBuckets(10, System::nanoTime);
        try (SharedRedis shared = redis(REDIS.url())) {
            RedisTokenBuckets store = new RedisTokenBuckets(shared, "test:lua:", unused);
            for (int i = 0; i < 3; i++) {
                assertThat(decide(store, "p", "ip:10.0.0.1", threePerMinute).allowed())
                        .isTrue();
            }
            TokenBuckets.Decision refused = decide(store, "p", "ip:10.0.0.1", threePerMinute);

            assertThat(refused.allowed()).isFalse();
            // one token every 20 s (less the time the calls took on a busy machine)
            assertThat(refused.retryAfterSeconds()).isBetween(10L, 20L);
            assertThat(decide(store, "p", "ip:10.0.0.2", threePerMinute).allowed())
                    .isTrue();
            assertThat(decide(store, "q", "ip:10.0.0.1", threePerMinute).allowed())
                    .isTrue();
            // nothing was decided in memory
            assertThat(unused.size()).isZero();
        }
    }

    @Test
    void refillsOnTheServersClockAfterRetryAfter() throws InterruptedException {
        RateLimitProperties.Limit twoPerTenSeconds = new RateLimitProperties.Limit(2, Duration.ofSeconds(10));
        try (SharedRedis shared = redis(REDIS.url())) {
            RedisTokenBuckets store =
                    new RedisTokenBuckets(shared, "test:refill:", new TokenBuckets(10, System::nanoTime));
            assertThat(decide(store, "p", "c", twoPerTenSeconds).allowed()).isTrue();
            assertThat(decide(store, "p", "c", twoPerTenSeconds).allowed()).isTrue();
            TokenBuckets.Decision refused = decide(store, "p", "c", twoPerTenSeconds);
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfterSeconds()).isBetween(1L, 5L);

            // a sleep on purpose: waiting what the refusal said is the behaviour under test
            Thread.sleep(Duration.ofSeconds(refused.retryAfterSeconds()).toMillis());

            assertThat(decide(store, "p", "c", twoPerTenSeconds).allowed()).isTrue();
        }
    }

    @Test
    void withoutRedisTheFallbackDecidesQuickly() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        TokenBuckets fallback = new TokenBuckets(10, System::nanoTime);
        try (SharedRedis dead = new SharedRedis("redis://127.0.0.1:" + deadPort, Duration.ofMillis(250))) {
            RedisTokenBuckets store = new RedisTokenBuckets(dead, "test:dead:", fallback);
            Instant start = Instant.now();
            for (int i = 0; i < 3; i++) {
                assertThat(decide(store, "p", "c", threePerMinute).allowed()).isTrue();
            }
            TokenBuckets.Decision refused = decide(store, "p", "c", threePerMinute);

            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfterSeconds()).isBetween(10L, 20L);
            assertThat(fallback.size()).isEqualTo(1);
            // four decisions, none waiting for Redis beyond the 250 ms timeout (slack for a busy machine)
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
        }
    }
}

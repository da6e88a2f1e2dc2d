package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every scenario of {@link RateLimitIT} again, with the buckets in a real Redis
 * ({@code EGOV_REDIS_URL} set), plus what is only true there.
 */
class RedisRateLimitIT extends RateLimitIT {

    static final TestRedis REDIS = TestRedis.started();
    static final String KEY_PREFIX = "test:" + RedisRateLimitIT.class.getSimpleName() + ":";

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("EGOV_REDIS_URL", REDIS::url);
        registry.add("egov.gateway.rate-limits.redis.key-prefix", () -> KEY_PREFIX);
        // generous on a busy machine: a decision that falls back to memory would hide a broken Redis path
        registry.add("egov.gateway.rate-limits.redis.timeout", () -> "2s");
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    void bucketsAreKeptInRedisWithoutTheCallerInClearAndExpireOnceRefilled() {
        String subject = "001090000177";
        assertThat(gateway.get("/api/v1/dossiers")
                        .bearer(ISSUER.citizen(subject))
                        .send()
                        .statusCode())
                .isEqualTo(200);

        RedisClient client = RedisClient.create(REDIS.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            List<String> userBuckets = redis.keys(KEY_PREFIX + "user:*");
            assertThat(userBuckets).isNotEmpty().allSatisfy(key -> {
                assertThat(key).matches(Pattern.quote(KEY_PREFIX) + "user:[A-Za-z0-9_-]{22}");
                // gone once refilled: at most the user quota's period (10 min) plus a second
                assertThat(redis.pttl(key)).isPositive().isLessThanOrEqualTo(10 * 60 * 1000 + 1000);
            });
            assertThat(redis.keys(KEY_PREFIX + "*"))
                    .noneMatch(key -> key.contains("127.0.0.1") || key.contains(subject));
        } finally {
            client.shutdown();
        }
    }
}

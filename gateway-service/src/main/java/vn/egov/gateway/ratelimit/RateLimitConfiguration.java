package vn.egov.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.gateway.redis.SharedRedis;

/** In memory unless {@code egov.gateway.rate-limits.redis.url} ({@code EGOV_REDIS_URL}) is set. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    /**
     * The gateway's Redis, when {@code EGOV_REDIS_URL} is set: the rate limits' buckets and the sign-in guard's
     * counts, shared by every instance. Closed with the context.
     */
    @Bean
    @ConditionalOnExpression("!'${egov.gateway.rate-limits.redis.url:}'.trim().isEmpty()")
    SharedRedis sharedRedis(RateLimitProperties properties) {
        return new SharedRedis(properties.redis().url(), properties.redis().timeout());
    }

    @Bean
    RateLimitStore rateLimitStore(RateLimitProperties properties, ObjectProvider<SharedRedis> redis) {
        TokenBuckets inMemory = new TokenBuckets(properties.maxKeys(), System::nanoTime);
        SharedRedis shared = redis.getIfAvailable();
        if (shared == null) {
            log.info("Rate limits: buckets in memory, per gateway instance");
            return inMemory;
        }
        log.info(
                "Rate limits: buckets shared in Redis (key prefix {})",
                properties.redis().keyPrefix());
        return new RedisTokenBuckets(shared, properties.redis().keyPrefix(), inMemory);
    }
}

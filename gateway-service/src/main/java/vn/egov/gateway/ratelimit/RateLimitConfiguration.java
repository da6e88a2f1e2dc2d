package vn.egov.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In memory unless {@code egov.gateway.rate-limits.redis.url} ({@code EGOV_REDIS_URL}) is set. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    /** Closed with the context (its {@code close()} method is inferred as the destroy method). */
    @Bean
    RateLimitStore rateLimitStore(RateLimitProperties properties) {
        TokenBuckets inMemory = new TokenBuckets(properties.maxKeys(), System::nanoTime);
        if (!properties.redis().enabled()) {
            log.info("Rate limits: buckets in memory, per gateway instance");
            return inMemory;
        }
        log.info(
                "Rate limits: buckets shared in Redis (key prefix {})",
                properties.redis().keyPrefix());
        return new RedisTokenBuckets(properties.redis(), inMemory);
    }
}

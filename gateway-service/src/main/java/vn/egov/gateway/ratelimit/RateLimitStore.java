package vn.egov.gateway.ratelimit;

import reactor.core.publisher.Mono;

/**
 * Where the token buckets live: in this instance's memory ({@link TokenBuckets}, the local run) or in
 * Redis, shared by every gateway instance ({@link RedisTokenBuckets}, when {@code EGOV_REDIS_URL} is set).
 */
interface RateLimitStore {

    /**
     * Takes one token from the bucket of {@code callerKey} under {@code policy}, or says when the next
     * one arrives. Never errors and never blocks the calling thread.
     */
    Mono<TokenBuckets.Decision> tryConsume(String policy, String callerKey, RateLimitProperties.Limit limit);
}

package vn.egov.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every gateway instance: one hash per bucket, updated atomically
 * by a Lua script ({@code ratelimit/token-bucket.lua}) on the Redis server's clock, and expiring once
 * it has refilled. Keys are {@code <prefix><policy>:<SHA-256 of the caller key>}, so neither client
 * addresses nor user subjects are stored in clear.
 *
 * <p><b>Redis unreachable, slow or failing: fail open to this instance's own buckets.</b> The decision
 * then comes from {@code fallback} (the in-memory {@link TokenBuckets}), so every caller is still
 * limited, at up to N times the quota with N instances, and the public API keeps working; a warning
 * is logged once when that starts and an info line when Redis answers again. Failing closed (503 for
 * every request) would make Redis, a mere counter store, a single point of failure for every service
 * behind the gateway, the payment gateway's IPN callbacks included; not limiting at all would drop
 * the protection of registration and the public lookup exactly when something is already wrong.
 *
 * <p>Lettuce directly, not Spring Data Redis: its shared connection is opened by a blocking call on
 * first use, which here would be an event-loop thread (and, with Redis down, every request would
 * retry it). This class connects asynchronously, at most once a second while Redis is down, and
 * otherwise keeps one multiplexed connection (no pool: Redis runs one command at a time anyway, and
 * Lettuce pipelines the commands of all requests on it). Commands are rejected at once while that
 * connection is broken ({@code REJECT_COMMANDS}), rather than queued and run late against the quota;
 * Lettuce reconnects in the background. Results are published on Lettuce's computation threads, not
 * on its single I/O thread, since the rest of the request's filter chain continues there.
 */
final class RedisTokenBuckets implements RateLimitStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisTokenBuckets.class);
    private static final String SCRIPT = script();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final long RECONNECT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RedisClient client;
    private final RedisURI uri;
    private final String keyPrefix;
    private final Duration timeout;
    private final RateLimitStore fallback;
    private final String scriptSha;
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection =
            new AtomicReference<>();
    private volatile long nextConnectAttempt;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private volatile boolean closed;

    RedisTokenBuckets(RateLimitProperties.Redis properties, RateLimitStore fallback) {
        this.uri = RedisURI.create(properties.url());
        this.uri.setTimeout(properties.timeout());
        this.keyPrefix = properties.keyPrefix();
        this.timeout = properties.timeout();
        this.fallback = fallback;
        this.client = RedisClient.create();
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .publishOnScheduler(true)
                .socketOptions(
                        SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(properties.timeout()))
                .build());
        this.scriptSha = sha1Hex(SCRIPT);
        // connect (and load the script) now, so that the first requests need not wait for it
        commands().subscribe(redis -> redis.scriptLoad(SCRIPT).subscribe(sha -> {}, e -> {}), e -> {});
    }

    @Override
    public Mono<TokenBuckets.Decision> tryConsume(String policy, String callerKey, RateLimitProperties.Limit limit) {
        String[] keys = {keyPrefix + policy + ":" + digest(callerKey)};
        String[] args = {
            Integer.toString(limit.capacity()), Long.toString(limit.period().toNanos() / 1000)
        };
        return commands()
                .flatMap(redis -> redis.<Long>evalsha(scriptSha, ScriptOutputType.INTEGER, keys, args)
                        .onErrorResume(
                                RedisNoScriptException.class,
                                e -> redis.eval(SCRIPT, ScriptOutputType.INTEGER, keys, args))
                        // exactly one answer; anything else is an error, decided by the fallback too
                        .single())
                .timeout(timeout)
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

    /**
     * The connection, opened asynchronously on first use. A failed attempt is answered from the
     * fallback until the next attempt is due; once open, Lettuce keeps the connection and reconnects it.
     */
    private Mono<RedisReactiveCommands<String, String>> commands() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
        if (!closed
                && (current == null
                        || current.isCompletedExceptionally() && System.nanoTime() - nextConnectAttempt >= 0)) {
            CompletableFuture<StatefulRedisConnection<String, String>> next = new CompletableFuture<>();
            if (connection.compareAndSet(current, next)) {
                nextConnectAttempt = System.nanoTime() + RECONNECT_INTERVAL_NANOS;
                client.connectAsync(StringCodec.UTF8, uri).whenComplete((opened, failure) -> {
                    if (failure != null) {
                        next.completeExceptionally(failure);
                    } else if (closed) {
                        opened.closeAsync();
                        next.completeExceptionally(new IllegalStateException("closed"));
                    } else {
                        next.complete(opened);
                    }
                });
            }
            current = connection.get();
        }
        // the future is shared by all requests: one giving up (timeout, cancel) must not cancel it
        return Mono.fromFuture(current, true).map(StatefulRedisConnection::reactive);
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

    @Override
    public void close() {
        closed = true;
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
        if (current != null) {
            current.thenAccept(StatefulRedisConnection::close);
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private static String digest(String callerKey) {
        byte[] hash = sha("SHA-256", callerKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
    }

    private static String sha1Hex(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : sha("SHA-1", text)) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    private static byte[] sha(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static String script() {
        try (var in = new ClassPathResource("ratelimit/token-bucket.lua").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

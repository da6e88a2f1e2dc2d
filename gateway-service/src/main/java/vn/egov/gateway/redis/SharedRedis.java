package vn.egov.gateway.redis;

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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * The gateway's one connection to Redis ({@code EGOV_REDIS_URL}), shared by the rate limits and the sign-in guard:
 * Lua scripts run atomically on the server's clock, so every gateway instance agrees.
 *
 * <p>Lettuce directly, not Spring Data Redis: its shared connection is opened by a blocking call on first use, which
 * here would be an event-loop thread (and, with Redis down, every request would retry it). This class connects
 * asynchronously, at most once a second while Redis is down, and otherwise keeps one multiplexed connection (no pool:
 * Redis runs one command at a time anyway, and Lettuce pipelines the commands of all requests on it). Commands are
 * rejected at once while that connection is broken ({@code REJECT_COMMANDS}), rather than queued and run late;
 * Lettuce reconnects in the background. Results are published on Lettuce's computation threads, not on its single
 * I/O thread, since the rest of the request's filter chain continues there. Callers decide what a failure means
 * (both fail open to their own in-memory counts).
 */
public final class SharedRedis implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final long RECONNECT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection =
            new AtomicReference<>();
    private volatile long nextConnectAttempt;
    private volatile boolean closed;

    /** Redis at {@code url}; each command answers within {@code timeout} or fails. */
    public SharedRedis(String url, Duration timeout) {
        this.uri = RedisURI.create(url);
        this.uri.setTimeout(timeout);
        this.timeout = timeout;
        this.client = RedisClient.create();
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .publishOnScheduler(true)
                .socketOptions(
                        SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    /** Loads the script now (and connects), so that the first requests need not wait for it. */
    public void preload(RedisScript script) {
        commands().subscribe(redis -> redis.scriptLoad(script.source()).subscribe(sha -> {}, e -> {}), e -> {});
    }

    /**
     * Runs {@code script} (by its digest; sent whole when the server does not have it yet) and gives its one answer,
     * or an error: Redis down, slow past the timeout, or failing.
     */
    public <T> Mono<T> eval(RedisScript script, ScriptOutputType type, String[] keys, String... args) {
        return commands()
                .flatMap(redis -> redis.<T>evalsha(script.sha1(), type, keys, args)
                        .onErrorResume(RedisNoScriptException.class, e -> redis.eval(script.source(), type, keys, args))
                        .single())
                .timeout(timeout);
    }

    /**
     * The connection, opened asynchronously on first use. A failed attempt fails the commands until the next attempt
     * is due; once open, Lettuce keeps the connection and reconnects it.
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

    @Override
    public void close() {
        closed = true;
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
        if (current != null) {
            current.thenAccept(StatefulRedisConnection::close);
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}

package vn.egov.gateway.signin;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.egov.gateway.redis.RedisScript;
import vn.egov.gateway.redis.SharedRedis;

/**
 * The sign-in guard's counts in Redis, shared by every gateway instance: one hash per account and address, updated
 * atomically by {@code signin/sign-in-failures.lua} (the rules of {@link SignInFailures}) on the server's clock, and
 * expiring when forgotten. Without it, behind N instances an address would get N times the allowance.
 *
 * <p>Redis unreachable, slow or failing: each instance counts on its own ({@code fallback}, in memory), as the rate
 * limits do, with one warning; an attempt is finished in the store that admitted it. An attempt admitted in Redis
 * whose instance stopped before it finished stops counting after {@link #UNANSWERED}.
 */
final class RedisSignInCounts implements SignInCounts {

    private static final Logger log = LoggerFactory.getLogger(RedisSignInCounts.class);
    private static final RedisScript SCRIPT = RedisScript.fromClasspath("signin/sign-in-failures.lua");

    /** Longer than the gateway's response timeout (30 s) and the time to relay a page. */
    static final Duration UNANSWERED = Duration.ofMinutes(2);

    private final SharedRedis redis;
    private final String keyPrefix;
    private final SignInFailures fallback;
    private final String[] rules;
    private final AtomicBoolean degraded = new AtomicBoolean();

    RedisSignInCounts(SharedRedis redis, String keyPrefix, SignInFailures fallback) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.fallback = fallback;
        String[] memoryRules = fallback.rulesInMicros();
        this.rules = Arrays.copyOf(memoryRules, memoryRules.length + 1);
        this.rules[memoryRules.length] = Long.toString(UNANSWERED.toNanos() / 1000);
        redis.preload(SCRIPT);
    }

    @Override
    public Mono<Attempt> admit(String key) {
        return run(key, "admit")
                .map(wait -> wait <= 0
                        ? new Attempt(true, 0, outcome -> finish(key, outcome))
                        : Attempt.refused(Math.max(1, (wait + 999_999) / 1_000_000)))
                .doOnNext(attempt -> recovered())
                .onErrorResume(e -> {
                    degrade(e);
                    return fallback.admit(key);
                });
    }

    private void finish(String key, SignInFailures.Outcome outcome) {
        run(key, outcome.name())
                .subscribe(
                        done -> {},
                        e -> log.debug(
                                "Sign-in guard: an outcome not recorded in Redis (it stops counting after {}): {}",
                                UNANSWERED,
                                e.toString()));
    }

    private Mono<Long> run(String key, String operation) {
        String[] args = new String[rules.length + 1];
        args[0] = operation;
        System.arraycopy(rules, 0, args, 1, rules.length);
        return redis.eval(SCRIPT, ScriptOutputType.INTEGER, new String[] {keyPrefix + key}, args);
    }

    private void degrade(Throwable e) {
        if (degraded.compareAndSet(false, true)) {
            log.warn(
                    "Sign-in guard: Redis does not answer ({}); each gateway instance counts on its own until it does",
                    e.toString());
        }
    }

    private void recovered() {
        if (degraded.compareAndSet(true, false)) {
            log.info("Sign-in guard: Redis answers again; counts are shared by all gateway instances");
        }
    }
}

package vn.egov.gateway.signin;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Wrong passwords per account <em>and</em> client address, in this instance's memory. An address may get an account's
 * password wrong {@code failuresBeforePause} times; then that address may not try that account for
 * {@code firstPause}, and each further wrong password from it doubles the pause, up to {@code longestPause}. The right
 * password (a sign-in that Keycloak completes) clears the account's count at that address; {@code forgetAfter}
 * without a wrong password forgets it. While an attempt is being answered it counts as a possible failure, so
 * concurrent posts cannot overshoot the allowance.
 *
 * <p>The point is that Keycloak's own lock-out, which counts per account whoever guesses, is reached only by many
 * addresses together: one address (a stranger) gets at most a handful of wrong passwords a day to Keycloak, fewer than
 * the realm's {@code failureFactor}, and a pause longer than the realm's failure reset time lets Keycloak's count
 * lapse.
 *
 * <p>Memory is bounded like {@code TokenBuckets}: entries past {@code forgetAfter} are swept, and past
 * {@code maxKeys} arbitrary idle entries are dropped (the guard turns lenient for some, never out of memory). Each
 * decision is one {@link ConcurrentHashMap#compute} on its key.
 */
final class SignInFailures implements SignInCounts {

    /** Whether an attempt may go to Keycloak; if not, when to try again. */
    record Admission(boolean allowed, long retryAfterSeconds) {}

    enum Outcome {
        FAILED,
        SUCCEEDED,
        UNKNOWN
    }

    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int failuresBeforePause;
    private final long firstPause;
    private final long longestPause;
    private final long forgetAfter;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final AtomicLong lastSweep;

    SignInFailures(
            int failuresBeforePause,
            Duration firstPause,
            Duration longestPause,
            Duration forgetAfter,
            int maxKeys,
            LongSupplier nanoTime) {
        if (failuresBeforePause < 1) {
            throw new IllegalArgumentException("failures-before-pause must be at least 1");
        }
        this.failuresBeforePause = failuresBeforePause;
        this.firstPause = firstPause.toNanos();
        this.longestPause = Math.max(firstPause.toNanos(), longestPause.toNanos());
        this.forgetAfter = Math.max(this.longestPause, forgetAfter.toNanos());
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong());
    }

    @Override
    public Mono<Attempt> admit(String key) {
        return Mono.fromSupplier(() -> {
            Admission admission = admitNow(key);
            return admission.allowed()
                    ? new Attempt(true, 0, outcome -> finish(key, outcome))
                    : Attempt.refused(admission.retryAfterSeconds());
        });
    }

    /**
     * The rules as this count applies them (the pauses bounded as the constructor bounds them), in microseconds: what
     * {@link RedisSignInCounts}'s script takes, so that both counts follow one set of rules.
     */
    String[] rulesInMicros() {
        return new String[] {
            Integer.toString(failuresBeforePause),
            Long.toString(firstPause / 1000),
            Long.toString(longestPause / 1000),
            Long.toString(forgetAfter / 1000)
        };
    }

    /** Before an attempt: let it through (it is then pending until {@link #finish}) or refuse it. */
    Admission admitNow(String key) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        Admission[] admission = new Admission[1];
        entries.compute(key, (k, existing) -> {
            Entry entry = existing == null || existing.forgotten(now) ? new Entry() : existing;
            if (now < entry.pausedUntil) {
                admission[0] = new Admission(false, seconds(entry.pausedUntil - now));
                return entry;
            }
            boolean allowed = entry.failures >= failuresBeforePause
                    ? entry.pending == 0 // after a pause: one attempt at a time, each failure pauses longer
                    : entry.failures + entry.pending < failuresBeforePause;
            if (!allowed) {
                admission[0] = new Admission(false, 1); // attempts in flight use up the allowance
                return entry;
            }
            entry.pending++;
            admission[0] = new Admission(true, 0);
            return entry;
        });
        return admission[0];
    }

    /** After an admitted attempt: what Keycloak answered. Called once per admitted attempt. */
    void finish(String key, Outcome outcome) {
        long now = nanoTime.getAsLong();
        entries.computeIfPresent(key, (k, entry) -> {
            entry.pending = Math.max(0, entry.pending - 1);
            switch (outcome) {
                case SUCCEEDED -> {
                    entry.failures = 0;
                    entry.pausedUntil = 0;
                }
                case FAILED -> {
                    entry.failures++;
                    entry.lastFailure = now;
                    if (entry.failures >= failuresBeforePause) {
                        entry.pausedUntil = now + pause(entry.failures - failuresBeforePause);
                    }
                }
                case UNKNOWN -> {}
            }
            return entry.pending == 0 && entry.failures == 0 ? null : entry;
        });
    }

    int size() {
        return entries.size();
    }

    /** The pause after the n-th failure past the allowance (0: the first pause), doubled each time, bounded. */
    private long pause(int beyond) {
        long pause = firstPause;
        for (int i = 0; i < beyond && pause < longestPause; i++) {
            pause *= 2;
        }
        return Math.min(pause, longestPause);
    }

    private static long seconds(long nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }

    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        boolean due = now - last >= SWEEP_INTERVAL_NANOS || entries.size() >= maxKeys;
        if (!due || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        entries.forEach((key, entry) -> entries.computeIfPresent(key, (k, e) -> e.forgotten(now) ? null : e));
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() >= maxKeys && keys.hasNext()) {
            String key = keys.next();
            entries.computeIfPresent(key, (k, e) -> e.pending == 0 ? null : e);
        }
    }

    /** Mutated only inside {@code compute} for its key. */
    private final class Entry {
        int failures;
        int pending;
        long lastFailure;
        long pausedUntil;

        boolean forgotten(long now) {
            return pending == 0 && now >= pausedUntil && (failures == 0 || now - lastFailure >= forgetAfter);
        }
    }
}

package vn.egov.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.egov.gateway.TestRedis;
import vn.egov.gateway.redis.SharedRedis;
import vn.egov.gateway.signin.SignInCounts.Attempt;
import vn.egov.gateway.signin.SignInFailures.Outcome;

/** The Lua count against a real Redis: the rules of the memory count, shared by two instances; the fallback. */
class RedisSignInCountsIT {

    static final TestRedis REDIS = TestRedis.started();

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    static SignInFailures memory() {
        return new SignInFailures(
                5, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofHours(24), 100, System::nanoTime);
    }

    static Attempt admit(SignInCounts counts, String key) {
        return counts.admit(key).block(Duration.ofSeconds(5));
    }

    @Test
    void twoInstancesShareOneCountThatPausesDoublesAndIsClearedByTheRightPassword() throws Exception {
        SignInFailures unusedA = memory();
        SignInFailures unusedB = memory();
        try (SharedRedis a = new SharedRedis(REDIS.url(), Duration.ofSeconds(2));
                SharedRedis b = new SharedRedis(REDIS.url(), Duration.ofSeconds(2))) {
            SignInCounts first = new RedisSignInCounts(a, "test:shared:", unusedA);
            SignInCounts second = new RedisSignInCounts(b, "test:shared:", unusedB);
            for (SignInCounts instance : new SignInCounts[] {first, second, first, second, first}) {
                Attempt attempt = admit(instance, "k");
                assertThat(attempt.allowed()).isTrue();
                attempt.finish().accept(Outcome.FAILED);
            }
            awaitRefused(second, "k", 1);
            assertThat(admit(first, "k").allowed()).as("paused in both").isFalse();

            Thread.sleep(1100);
            Attempt sixth = admit(first, "k");
            assertThat(sixth.allowed()).as("one attempt after the pause").isTrue();
            assertThat(admit(second, "k").allowed()).as("only one at a time").isFalse();
            sixth.finish().accept(Outcome.FAILED);
            awaitRefused(second, "k", 2);

            // another account at the same address, and the right password clears
            Attempt other = admit(second, "other");
            assertThat(other.allowed()).isTrue();
            other.finish().accept(Outcome.FAILED);
            Thread.sleep(2100);
            Attempt right = admit(second, "k");
            assertThat(right.allowed()).isTrue();
            right.finish().accept(Outcome.SUCCEEDED);
            // the right password's outcome reaches Redis on the other connection a moment later; then five again
            for (int i = 0; i < 4; i++) {
                awaitAllowed(first, "k").finish().accept(Outcome.FAILED);
            }
            assertThat(awaitAllowed(second, "k").allowed()).isTrue();
            assertThat(unusedA.size() + unusedB.size())
                    .as("nothing counted in memory")
                    .isZero();
        }
    }

    @Test
    void withoutRedisEachInstanceCountsOnItsOwn() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        SignInFailures fallback = memory();
        try (SharedRedis dead = new SharedRedis("redis://127.0.0.1:" + deadPort, Duration.ofMillis(250))) {
            SignInCounts counts = new RedisSignInCounts(dead, "test:dead:", fallback);
            for (int i = 0; i < 5; i++) {
                Attempt attempt = admit(counts, "k");
                assertThat(attempt.allowed()).isTrue();
                attempt.finish().accept(Outcome.FAILED);
            }
            assertThat(admit(counts, "k").allowed())
                    .as("still paused, in memory")
                    .isFalse();
            assertThat(fallback.size()).isEqualTo(1);
        }
    }

    /** An attempt admitted once the outcomes before it are recorded (they are sent after each answer). */
    private static Attempt awaitAllowed(SignInCounts counts, String key) throws Exception {
        for (int i = 0; i < 50; i++) {
            Attempt attempt = admit(counts, key);
            if (attempt.allowed()) {
                return attempt;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never admitted");
    }

    /**
     * The outcome is recorded in Redis after the attempt's answer: the next admissions see it shortly after (until
     * then they may be admitted, or refused for a second while the attempt is still in flight).
     */
    private static void awaitRefused(SignInCounts counts, String key, long retryAfterSeconds) throws Exception {
        Attempt attempt = null;
        for (int i = 0; i < 50; i++) {
            attempt = admit(counts, key);
            if (!attempt.allowed() && attempt.retryAfterSeconds() == retryAfterSeconds) {
                break;
            }
            attempt.finish().accept(Outcome.UNKNOWN);
            Thread.sleep(20);
        }
        assertThat(attempt.allowed()).as("paused").isFalse();
        assertThat(attempt.retryAfterSeconds()).isEqualTo(retryAfterSeconds);
    }
}

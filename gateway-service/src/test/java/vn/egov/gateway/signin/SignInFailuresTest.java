package vn.egov.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import vn.egov.gateway.signin.SignInFailures.Outcome;

class SignInFailuresTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SignInFailures failures =
            new SignInFailures(5, Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofHours(24), 100, now::get);

    @Test
    void fiveWrongPasswordsThenAPauseThatDoublesWithEachFurtherOneUpToTheLongest() {
        for (int i = 0; i < 5; i++) {
            fail("a");
        }
        assertThat(failures.admitNow("a")).isEqualTo(new SignInFailures.Admission(false, 60));

        long[] expectedPauses = {120, 240, 480, 960, 1920, 3840, 7680, 15360, 30720, 61440, 86400};
        long pause = 60;
        for (long expected : expectedPauses) {
            advance(Duration.ofSeconds(pause - 1));
            assertThat(failures.admitNow("a"))
                    .as("a second before the pause ends")
                    .isEqualTo(new SignInFailures.Admission(false, 1));
            advance(Duration.ofSeconds(1));
            fail("a");
            pause = failures.admitNow("a").retryAfterSeconds();
            assertThat(pause).isEqualTo(expected);
        }
        // a day-long pause waited out is a day without a wrong password: forgotten, five again
        advance(Duration.ofHours(24));
        for (int i = 0; i < 5; i++) {
            fail("a");
        }
        assertThat(failures.admitNow("a").retryAfterSeconds()).isEqualTo(60);
    }

    @Test
    void theRightPasswordClearsAndAWrongOneIsForgottenAfterADay() {
        for (int i = 0; i < 4; i++) {
            fail("a");
        }
        assertThat(failures.admitNow("a").allowed()).isTrue();
        failures.finish("a", Outcome.SUCCEEDED);
        assertThat(failures.size()).as("nothing kept for a clean account").isZero();

        for (int i = 0; i < 4; i++) {
            fail("b");
        }
        advance(Duration.ofHours(24));
        for (int i = 0; i < 4; i++) {
            fail("b");
        }
        assertThat(failures.admitNow("b").allowed())
                .as("the first four were forgotten")
                .isTrue();
    }

    @Test
    void attemptsInFlightCountUntilAnsweredAndAnUnknownAnswerCountsNeitherWay() {
        for (int i = 0; i < 5; i++) {
            assertThat(failures.admitNow("a").allowed()).isTrue();
        }
        assertThat(failures.admitNow("a")).isEqualTo(new SignInFailures.Admission(false, 1));

        failures.finish("a", Outcome.UNKNOWN);
        assertThat(failures.admitNow("a").allowed())
                .as("a one-time-code page freed its place")
                .isTrue();
    }

    @Test
    void pastMaxKeysIdleEntriesAreDroppedNotThoseInFlight() {
        SignInFailures small =
                new SignInFailures(5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1), 3, now::get);
        small.admitNow("in-flight");
        for (int i = 0; i < 10; i++) {
            small.admitNow("k" + i);
            small.finish("k" + i, Outcome.FAILED);
        }
        assertThat(small.size()).isLessThanOrEqualTo(4);
        assertThat(small.admitNow("in-flight").allowed()).isTrue(); // still there: 2 of 5 in flight
    }

    @Test
    void theMarkerIsFoundAcrossBuffersAndAfterAFalseStart() {
        MarkerScanner scanner = new MarkerScanner("id=\"kc-form-login\"");
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        scanner.feed(buffers.wrap("<form id=\"kc-form-l".getBytes(StandardCharsets.UTF_8)));
        scanner.feed(buffers.wrap("ogout\"></form><form id=\"kc-fo".getBytes(StandardCharsets.UTF_8)));
        assertThat(scanner.found()).isFalse();
        scanner.feed(buffers.wrap("rm-login\" action=".getBytes(StandardCharsets.UTF_8)));
        assertThat(scanner.found()).isTrue();

        MarkerScanner other = new MarkerScanner("id=\"kc-form-login\"");
        other.feed(buffers.wrap("<form id=\"kc-otp-login-form\">".getBytes(StandardCharsets.UTF_8)));
        assertThat(other.found()).isFalse();
    }

    @Test
    void theUsernameIsReadAsKeycloakReadsTheForm() {
        assertThat(SignInGuardFilter.firstValue(
                        "credentialId=&username=%20Nguy%E1%BB%85n+A&username=second&password=x",
                        "username", StandardCharsets.UTF_8))
                .isEqualTo(" Nguyễn A");
        assertThat(SignInGuardFilter.firstValue("otp=123456&login=x", "username", StandardCharsets.UTF_8))
                .isNull();
        assertThat(SignInGuardFilter.firstValue("username=%zz", "username", StandardCharsets.UTF_8))
                .isNull();
    }

    private void fail(String key) {
        assertThat(failures.admitNow(key).allowed()).isTrue();
        failures.finish(key, Outcome.FAILED);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}

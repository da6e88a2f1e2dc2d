package vn.egov.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final RateLimitProperties.Limit threePerMinute = new RateLimitProperties.Limit(3, Duration.ofMinutes(1));

    void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void allowsTheCapacityAtOnceThenTellsWhenTheNextTokenArrives() {
        TokenBuckets buckets = new TokenBuckets(100, now::get);

        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryConsume("a", threePerMinute).allowed()).isTrue();
        }
        TokenBuckets.Decision refused = buckets.tryConsume("a", threePerMinute);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        advance(Duration.ofSeconds(19));
        assertThat(buckets.tryConsume("a", threePerMinute).retryAfterSeconds()).isEqualTo(1);
        advance(Duration.ofSeconds(1));
        assertThat(buckets.tryConsume("a", threePerMinute).allowed()).isTrue();
    }

    @Test
    void keysAreIndependent() {
        TokenBuckets buckets = new TokenBuckets(100, now::get);
        for (int i = 0; i < 3; i++) {
            buckets.tryConsume("a", threePerMinute);
        }

        assertThat(buckets.tryConsume("a", threePerMinute).allowed()).isFalse();
        assertThat(buckets.tryConsume("b", threePerMinute).allowed()).isTrue();
    }

    @Test
    void idleBucketsAreEvictedAndTheKeyCountStaysBounded() {
        TokenBuckets buckets = new TokenBuckets(50, now::get);
        for (int i = 0; i < 40; i++) {
            buckets.tryConsume("idle-" + i, threePerMinute);
        }
        buckets.tryConsume("busy", threePerMinute);
        buckets.tryConsume("busy", threePerMinute);
        buckets.tryConsume("busy", threePerMinute);

        advance(Duration.ofSeconds(40)); // the idle ones (one token short) are full again, "busy" is not
        buckets.tryConsume("new", threePerMinute);

        assertThat(buckets.size()).isEqualTo(2);
        // kept, not reset: two tokens refilled in 40 s, not three
        assertThat(buckets.tryConsume("busy", threePerMinute).allowed()).isTrue();
        assertThat(buckets.tryConsume("busy", threePerMinute).allowed()).isTrue();
        assertThat(buckets.tryConsume("busy", threePerMinute).allowed()).isFalse();

        for (int i = 0; i < 500; i++) {
            buckets.tryConsume("flood-" + i, threePerMinute);
        }
        assertThat(buckets.size()).isLessThanOrEqualTo(50);
    }
}

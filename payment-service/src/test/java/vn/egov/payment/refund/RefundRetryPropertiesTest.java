package vn.egov.payment.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefundRetryPropertiesTest {

    @Test
    void theWaitDoublesAfterEachAttemptUpToTheCeiling() {
        RefundRetryProperties p =
                new RefundRetryProperties(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofHours(1));
        assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.backoffAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(p.backoffAfter(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(p.backoffAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(p.backoffAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }
}

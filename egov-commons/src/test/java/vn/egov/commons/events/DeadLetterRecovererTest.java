package vn.egov.commons.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLetterRecovererTest {

    @Test
    void aCutValueNeverEndsInsideAUtf8Sequence() {
        byte[] text = "Nguyễn Văn Ánh".repeat(10).getBytes(StandardCharsets.UTF_8);
        for (int max = 1; max < text.length; max++) {
            byte[] cut = DeadLetterRecoverer.cutUtf8(text, max);
            assertThat(cut.length).isLessThanOrEqualTo(max);
            String decoded = new String(cut, StandardCharsets.UTF_8);
            assertThat(decoded).doesNotContain("\uFFFD");
            assertThat("Nguyễn Văn Ánh".repeat(10)).startsWith(decoded);
            assertThat(decoded.getBytes(StandardCharsets.UTF_8).length)
                    .as("no whole character dropped needlessly")
                    .isGreaterThan(max - 4);
        }
        assertThat(DeadLetterRecoverer.cutUtf8(text, text.length)).isSameAs(text);
    }
}

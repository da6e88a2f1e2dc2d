package vn.egov.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealedSessionsTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("another-32-byte-session-key-0001".getBytes());

    final SealedSessions sessions = new SealedSessions(KEY, getClass().getClassLoader());

    @Test
    void aValueComesBackAsItWasAndIsNotStoredInClear() {
        List<String> value = List.of("079123456789", "Nguyễn Văn An");
        byte[] stored = sessions.convert(value, byte[].class);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("079123456789")
                .doesNotContain("java.util");
        assertThat(sessions.convert(stored, Object.class)).isEqualTo(value);
    }

    @Test
    void theSameValueIsSealedDifferentlyEachTime() {
        assertThat(sessions.convert("same", byte[].class)).isNotEqualTo(sessions.convert("same", byte[].class));
    }

    @Test
    void aValueSealedWithAnotherKeyOrTamperedReadsAsAbsent() {
        byte[] stored = new SealedSessions(OTHER_KEY, getClass().getClassLoader()).convert("x", byte[].class);
        assertThat(sessions.convert(stored, Object.class)).isNull();
        byte[] tampered = sessions.convert("x", byte[].class);
        tampered[tampered.length - 1] ^= 1;
        assertThat(sessions.convert(tampered, Object.class)).isNull();
        assertThat(sessions.convert(new byte[3], Object.class)).isNull();
    }

    @Test
    void aKeyThatIsNot32BytesOfBase64IsRefused() {
        assertThatThrownBy(() ->
                        new SealedSessions("egov-dev-passphrase", getClass().getClassLoader()))
                .hasMessageContaining("session-key");
        assertThatThrownBy(() -> new SealedSessions(
                        Base64.getEncoder().encodeToString(new byte[16]),
                        getClass().getClassLoader()))
                .hasMessageContaining("32 bytes");
    }
}

package vn.egov.notification.notice;

import org.junit.jupiter.api.Test;
import vn.egov.notification.NotificationProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodySealerTest {

    static BodySealer sealer(String key) {
        return new BodySealer(new NotificationProperties("http://portal", "from", null, null, null, key, null));
    }

    @Test
    void aSealedBodyHoldsNoTraceOfTheCodeAndOpensOnlyWithTheSameKey() {
        BodySealer sealer = sealer("it-key");
        String sealed = sealer.seal("Mã xác thực của bạn là 483920.");
        assertThat(sealed).startsWith("gcm1:").doesNotContain("483920");
        assertThat(sealer.seal("Mã xác thực của bạn là 483920.")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(sealer.open(sealed)).isEqualTo("Mã xác thực của bạn là 483920.");
        assertThatThrownBy(() -> sealer("another-key").open(sealed)).isInstanceOf(IllegalStateException.class);
        assertThat(sealer.seal(null)).isNull();
    }

    @Test
    void aBase64KeyOf32BytesIsUsedAsIs() {
        String base64 = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(BodySealer.keyBytes(base64)).hasSize(32).containsOnly(0);
        assertThat(BodySealer.keyBytes("a passphrase")).hasSize(32);
    }
}

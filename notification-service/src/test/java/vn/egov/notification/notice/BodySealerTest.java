package vn.egov.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BodySealerTest {

    static BodySealer sealer(String key) {
        return new BodySealer(new NoticeProperties(key));
    }

    @Test
    void aSealedBodyHoldsNoTraceOfTheCodeAndOpensOnlyWithTheSameKey() {
        BodySealer sealer = sealer("it-key");
        String sealed = sealer.seal("Mã xác thực của bạn là 483920.");
        assertThat(sealed).startsWith("gcm1:").doesNotContain("483920");
        assertThat(sealer.seal("Mã xác thực của bạn là 483920."))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
        assertThat(sealer.open(sealed)).isEqualTo("Mã xác thực của bạn là 483920.");
        assertThatThrownBy(() -> sealer("another-key").open(sealed)).isInstanceOf(IllegalStateException.class);
        assertThat(sealer.seal(null)).isNull();
    }

    /** Bodies sealed before the shared sealer (raw JCE, no associated data) still open. */
    @Test
    void aBodySealedTheEarlierWayStillOpens() throws Exception {
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                javax.crypto.Cipher.ENCRYPT_MODE,
                new javax.crypto.spec.SecretKeySpec(BodySealer.keyBytes("it-key"), "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal("Mã 483920".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String stored = "gcm1:"
                + java.util.Base64.getEncoder()
                        .encodeToString(java.nio.ByteBuffer.allocate(12 + sealed.length)
                                .put(nonce)
                                .put(sealed)
                                .array());
        assertThat(sealer("it-key").open(stored)).isEqualTo("Mã 483920");
    }

    @Test
    void aBase64KeyOf32BytesIsUsedAsIs() {
        String base64 = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(BodySealer.keyBytes(base64)).hasSize(32).containsOnly(0);
        assertThat(BodySealer.keyBytes("a passphrase")).hasSize(32);
    }
}

package vn.egov.notification.notice;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.egov.commons.crypto.AesGcmSealer;

/**
 * Encrypts the bodies of messages that carry a one-time code with the shared {@link AesGcmSealer}
 * (AES-256-GCM, a random 96-bit nonce per body), so the code is never in clear in the database: the
 * delivery loop needs it until the message is sent, then the bodies are wiped. The key is
 * {@code egov.notification.sealing-key} (base64 of 32 bytes, or any passphrase, which is hashed to 32
 * bytes); the {@code prod} profile refuses the dev value. Stored as {@code gcm1:} + base64 of
 * {@code nonce || ciphertext || tag}, with no associated data (an empty purpose).
 */
@Component
public class BodySealer {

    private static final String PREFIX = "gcm1:";
    /** The one key of this sealer; bodies live minutes, so they are never re-keyed and carry no key id. */
    private static final String KEY_ID = "body";

    private static final String NO_PURPOSE = "";

    private final AesGcmSealer sealer;

    BodySealer(NoticeProperties properties) {
        this.sealer = new AesGcmSealer(KEY_ID, properties.sealingKey(), Map.of());
    }

    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        return PREFIX
                + Base64.getEncoder()
                        .encodeToString(sealer.seal(plain.getBytes(StandardCharsets.UTF_8), NO_PURPOSE)
                                .bytes());
    }

    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed body");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        return new String(sealer.open(new AesGcmSealer.Sealed(KEY_ID, bytes), NO_PURPOSE), StandardCharsets.UTF_8);
    }

    static byte[] keyBytes(String configured) {
        return AesGcmSealer.keyBytes(configured);
    }
}

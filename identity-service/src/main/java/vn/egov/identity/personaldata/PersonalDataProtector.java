package vn.egov.identity.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import vn.egov.commons.crypto.AesGcmSealer;

/**
 * Encrypts identity numbers at rest (AES-256-GCM, a fresh 96-bit nonce per value, the key id stored
 * beside the ciphertext: the shared {@link AesGcmSealer}, whose {@code nonce || ciphertext || tag} format
 * and key derivation are the ones stored here from the start) and computes their keyed blind index
 * (HMAC-SHA256) for exact lookups and uniqueness without decrypting anything.
 */
@Component
public class PersonalDataProtector {

    /** A value as stored: the key id and {@code nonce || ciphertext || tag}. */
    public record Sealed(String keyId, byte[] bytes) {}

    private final AesGcmSealer sealer;
    private final SecretKey indexKey;

    public PersonalDataProtector(PersonalDataProperties properties) {
        this.sealer = new AesGcmSealer(
                Objects.requireNonNull(properties.dataKeyId(), "egov.identity.data-key-id"),
                Objects.requireNonNull(properties.dataKey(), "egov.identity.data-key is not set"),
                properties.previousDataKeys());
        this.indexKey = new SecretKeySpec(
                keyBytes(
                        Objects.requireNonNull(properties.blindIndexKey(), "egov.identity.blind-index-key is not set")),
                "HmacSHA256");
    }

    /** @param purpose bound into the ciphertext (AAD): a value sealed for one column never opens for another */
    public Sealed seal(String plaintext, String purpose) {
        AesGcmSealer.Sealed sealed = sealer.sealString(plaintext, purpose);
        return new Sealed(sealed.keyId(), sealed.bytes());
    }

    public String open(Sealed sealed, String purpose) {
        return sealer.openString(new AesGcmSealer.Sealed(sealed.keyId(), sealed.bytes()), purpose);
    }

    /** The keyed blind index of a value (hex HMAC-SHA256); equal values give equal indexes. */
    public String blindIndex(String value, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }

    public String currentKeyId() {
        return sealer.currentKeyId();
    }

    /** Base64 of 32 bytes is used as is; anything else (a development passphrase) is stretched with SHA-256. */
    static byte[] keyBytes(String configured) {
        return AesGcmSealer.keyBytes(configured);
    }
}

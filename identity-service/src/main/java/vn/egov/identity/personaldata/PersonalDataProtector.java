package vn.egov.identity.personaldata;

import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Encrypts identity numbers at rest (AES-256-GCM, a fresh 96-bit nonce per value, the key id stored
 * beside the ciphertext) and computes their keyed blind index (HMAC-SHA256) for exact lookups and
 * uniqueness without decrypting anything.
 */
@Component
public class PersonalDataProtector {

    /** A value as stored: the key id and {@code nonce || ciphertext || tag}. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final SecretKey indexKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataProtector(PersonalDataProperties properties) {
        this.currentKeyId = Objects.requireNonNull(properties.dataKeyId(), "egov.identity.data-key-id");
        keys.put(currentKeyId, aesKey(Objects.requireNonNull(properties.dataKey(), "egov.identity.data-key is not set")));
        properties.previousDataKeys().forEach((id, key) -> keys.putIfAbsent(id, aesKey(key)));
        this.indexKey = new SecretKeySpec(keyBytes(Objects.requireNonNull(properties.blindIndexKey(),
                "egov.identity.blind-index-key is not set")), "HmacSHA256");
    }

    /** @param purpose bound into the ciphertext (AAD): a value sealed for one column never opens for another */
    public Sealed seal(String plaintext, String purpose) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return new Sealed(currentKeyId, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String open(Sealed sealed, String purpose) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no key with id " + sealed.keyId() + " (was it dropped before re-encryption?)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] pt = cipher.doFinal(sealed.bytes(), NONCE_BYTES, sealed.bytes().length - NONCE_BYTES);
            return new String(pt, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
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
        return currentKeyId;
    }

    private static SecretKey aesKey(String configured) {
        return new SecretKeySpec(keyBytes(configured), "AES");
    }

    /** Base64 of 32 bytes is used as is; anything else (a development passphrase) is stretched with SHA-256. */
    static byte[] keyBytes(String configured) {
        try {
            byte[] decoded = Base64.getDecoder().decode(configured.strip());
            if (decoded.length == 32) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // fall through
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(configured.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

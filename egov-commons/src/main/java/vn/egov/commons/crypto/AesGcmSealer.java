package vn.egov.commons.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal data at rest: AES-256-GCM, a fresh 96-bit random nonce per value, a 128-bit tag, the
 * caller's {@code purpose} as additional authenticated data (a value sealed for one column or one
 * document never opens as another), and the id of the key stored beside the ciphertext so that older
 * keys keep opening what they sealed after a rotation.
 *
 * <p>Two stored shapes:
 * <ul>
 *   <li>{@link Sealed}: the key id kept by the caller (a column of its own) and
 *       {@code nonce || ciphertext || tag} — identity-service's format;</li>
 *   <li>an <em>envelope</em>: one self-describing byte array, {@code MAGIC || len(keyId) || keyId ||
 *       nonce || ciphertext || tag}, for stores that only hold bytes (document files).</li>
 * </ul>
 *
 * <p>Keys are configured as base64 of 32 random bytes; any other text (a development passphrase) is
 * stretched with SHA-256. Never log what goes in or comes out. Thread-safe.
 */
public final class AesGcmSealer {

    /** A value as stored: the id of the key that sealed it and {@code nonce || ciphertext || tag}. */
    public record Sealed(String keyId, byte[] bytes) {
        public Sealed {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** Sealing or opening failed: wrong purpose, wrong key, tampered or truncated bytes. */
    public static class SealingException extends IllegalStateException {
        public SealingException(String message, Throwable cause) {
            super(message, cause);
        }

        public SealingException(String message) {
            super(message);
        }
    }

    /** The value was sealed with a key this sealer does not hold (dropped before its values were re-sealed?). */
    public static final class UnknownKeyException extends SealingException {
        public UnknownKeyException(String keyId) {
            super("no key with id " + keyId + " (was it dropped before re-encryption?)");
        }
    }

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    /** Starts every envelope; no file type the platform accepts (PDF, PNG, JPEG…) starts with a NUL byte. */
    private static final byte[] MAGIC = {0, 'E', 'G', 'S', 1};

    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId the id stored with everything sealed from now on (1 to 255 bytes of UTF-8)
     * @param currentKey   the key that seals (and opens values of its id)
     * @param previousKeys older keys by id: they only open
     */
    public AesGcmSealer(String currentKeyId, String currentKey, Map<String, String> previousKeys) {
        this.currentKeyId = Objects.requireNonNull(currentKeyId, "the data key id is not set");
        int idLength = currentKeyId.getBytes(StandardCharsets.UTF_8).length;
        if (idLength == 0 || idLength > 255) {
            throw new IllegalArgumentException("a data key id is 1 to 255 bytes");
        }
        keys.put(currentKeyId, aesKey(Objects.requireNonNull(currentKey, "the data key is not set")));
        if (previousKeys != null) {
            previousKeys.forEach((id, key) -> keys.putIfAbsent(id, aesKey(key)));
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** Whether a value sealed under {@code keyId} can be opened here. */
    public boolean holdsKey(String keyId) {
        return keys.containsKey(keyId);
    }

    public Sealed seal(byte[] plaintext, String purpose) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(plaintext.length));
            int written = cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return new Sealed(
                    currentKeyId,
                    written == out.length - NONCE_BYTES ? out : Arrays.copyOf(out, NONCE_BYTES + written));
        } catch (GeneralSecurityException e) {
            throw new SealingException("encryption failed", e);
        }
    }

    public byte[] open(Sealed sealed, String purpose) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new UnknownKeyException(sealed.keyId());
        }
        byte[] bytes = sealed.bytes();
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealingException("decryption failed: too short to be sealed");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // the cause says only "tag mismatch": no plaintext, no key material
            throw new SealingException("decryption failed (wrong purpose, wrong key or tampered value)", e);
        }
    }

    public Sealed sealString(String plaintext, String purpose) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8), purpose);
    }

    public String openString(Sealed sealed, String purpose) {
        return new String(open(sealed, purpose), StandardCharsets.UTF_8);
    }

    /** Seals into one self-describing byte array (see the class comment). */
    public byte[] sealEnvelope(byte[] plaintext, String purpose) {
        Sealed sealed = seal(plaintext, purpose);
        byte[] id = sealed.keyId().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[MAGIC.length + 1 + id.length + sealed.bytes().length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[MAGIC.length] = (byte) id.length;
        System.arraycopy(id, 0, out, MAGIC.length + 1, id.length);
        System.arraycopy(sealed.bytes(), 0, out, MAGIC.length + 1 + id.length, sealed.bytes().length);
        return out;
    }

    public byte[] openEnvelope(byte[] envelope, String purpose) {
        return open(unwrap(envelope), purpose);
    }

    /** The key id and sealed bytes of an envelope, without opening it. */
    public static Sealed unwrap(byte[] envelope) {
        if (!isEnvelope(envelope)) {
            throw new SealingException("not a sealed envelope");
        }
        int idLength = envelope[MAGIC.length] & 0xff;
        int start = MAGIC.length + 1 + idLength;
        if (idLength == 0 || envelope.length < start) {
            throw new SealingException("not a sealed envelope");
        }
        return new Sealed(
                new String(envelope, MAGIC.length + 1, idLength, StandardCharsets.UTF_8),
                Arrays.copyOfRange(envelope, start, envelope.length));
    }

    /** Whether {@code bytes} start like an envelope (bytes stored in clear before sealing existed do not). */
    public static boolean isEnvelope(byte[] bytes) {
        return bytes != null
                && bytes.length > MAGIC.length
                && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The first bytes of every envelope (for a store that looks for values still in clear). */
    public static byte[] envelopeMagic() {
        return MAGIC.clone();
    }

    private static SecretKey aesKey(String configured) {
        return new SecretKeySpec(keyBytes(configured), "AES");
    }

    /** Base64 of 32 bytes is used as is; anything else (a development passphrase) is stretched with SHA-256. */
    public static byte[] keyBytes(String configured) {
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

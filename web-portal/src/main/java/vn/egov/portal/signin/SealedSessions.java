package vn.egov.portal.signin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * Session attributes sealed at rest. A signed-in session holds the user's tokens and ID token, whose claims are
 * personal data (the CCCD is the username, the full name, the email), so the {@code portal} database stores them
 * AES-256-GCM encrypted (a fresh 96-bit nonce per value), never in clear. The key is
 * {@code egov.portal.sign-in.session-key}: 32 random bytes in base64 ({@code openssl rand -base64 32}).
 *
 * <p>A value that does not open (another key, tampered bytes) reads as absent: its owner is simply signed out,
 * rather than shown an error page until the cookie expires. Changing the key signs everybody out.
 */
final class SealedSessions extends GenericConversionService {

    private static final Logger log = LoggerFactory.getLogger(SealedSessions.class);

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] PURPOSE = "egov-portal-session".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SealedSessions(String base64Key, ClassLoader classLoader) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("egov.portal.sign-in.session-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("egov.portal.sign-in.session-key must be 32 bytes in base64, not "
                    + bytes.length + " (openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        SerializingConverter serialize = new SerializingConverter();
        DeserializingConverter deserialize = new DeserializingConverter(classLoader);
        addConverter(Object.class, byte[].class, value -> seal(serialize.convert(value)));
        addConverter(byte[].class, Object.class, stored -> {
            byte[] clear = open(stored);
            return clear == null ? null : deserialize.convert(clear);
        });
    }

    byte[] seal(byte[] clear) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(PURPOSE);
            byte[] encrypted = cipher.doFinal(clear);
            return ByteBuffer.allocate(NONCE_BYTES + encrypted.length)
                    .put(nonce)
                    .put(encrypted)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a session attribute", e);
        }
    }

    /** The clear bytes, or null when they do not open with this key. */
    byte[] open(byte[] stored) {
        if (stored.length <= NONCE_BYTES) {
            log.warn("A session attribute too short to be sealed was read as absent");
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(PURPOSE);
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException doesNotOpen) {
            log.warn("A session attribute that does not open with the session key was read as absent");
            return null;
        }
    }
}

package vn.egov.commons.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import vn.egov.commons.crypto.AesGcmSealer;

/**
 * Seals the fields of an event that must not travel in clear (a one-time code, a name, an email address or phone
 * number): Kafka's topics and dead-letter topics, and whoever may read them, hold only
 * {@code egs1:<base64 envelope>}; the producer and the one consumer that needs the value share the key
 * ({@code egov.events.sealing.*}, issue 16). AES-256-GCM ({@link AesGcmSealer}) with a purpose bound to the event
 * type, the field and its subject, so a sealed value copied into another event, field or person's event does not
 * open. Older keys only open, for a rotation.
 */
public final class EventFieldSealer {

    static final String PREFIX = "egs1:";

    private final AesGcmSealer sealer;

    public EventFieldSealer(String keyId, String key, Map<String, String> previousKeys) {
        this.sealer = new AesGcmSealer(keyId, key, previousKeys == null ? Map.of() : previousKeys);
    }

    /** {@code value} sealed for {@code type}'s {@code field} of {@code subject}; null stays null. */
    public String seal(String value, String type, String field, String subject) {
        if (value == null) {
            return null;
        }
        return PREFIX
                + Base64.getEncoder()
                        .encodeToString(sealer.sealEnvelope(
                                value.getBytes(StandardCharsets.UTF_8), purpose(type, field, subject)));
    }

    /**
     * The value sealed by {@link #seal}; an {@link EventFormatException} (dead letter, never retried) when it is not
     * a sealed value, was sealed for another event, field or subject, or under a key this service does not hold.
     */
    public String open(String sealed, String type, String field, String subject) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new EventFormatException(type + " " + field + " is not sealed");
        }
        try {
            byte[] envelope = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            return new String(sealer.openEnvelope(envelope, purpose(type, field, subject)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | AesGcmSealer.SealingException e) {
            // the kind of failure only: never the value
            throw new EventFormatException(
                    type + " " + field + " does not open: " + e.getClass().getSimpleName());
        }
    }

    private static String purpose(String type, String field, String subject) {
        return "event:" + type + ":" + field + ":" + subject;
    }
}

package vn.egov.commons.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How {@link IdempotentRequests} fingerprints a request and keeps a response. The default
 * ({@link #plain()}) is a SHA-256 of the request's JSON and the response's JSON as UTF-8. A service whose
 * requests or responses hold personal data declares a bean of its own (identity-service: a keyed HMAC and
 * the response encrypted like its other personal data), so the store never holds them readable.
 */
public interface IdempotencyProtection {

    /** What is stored of a response: the bytes, and the id of the key that sealed them (null when plain). */
    record Sealed(String keyId, byte[] bytes) {}

    /** A fingerprint of the request (same request → same fingerprint) for a scope. */
    String fingerprint(String requestJson, String scope);

    Sealed seal(String responseJson, String scope);

    String open(Sealed sealed, String scope);

    /** SHA-256 (hex) of the request, the response stored as it is. */
    static IdempotencyProtection plain() {
        return new IdempotencyProtection() {
            @Override
            public String fingerprint(String requestJson, String scope) {
                try {
                    return HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(requestJson.getBytes(StandardCharsets.UTF_8)));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public Sealed seal(String responseJson, String scope) {
                return new Sealed(null, responseJson.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public String open(Sealed sealed, String scope) {
                return new String(sealed.bytes(), StandardCharsets.UTF_8);
            }
        };
    }
}

package vn.egov.identity.keycloak;

/**
 * Keycloak refused or failed a request. {@link Kind#CONFLICT}: a user with the same username or email
 * exists; {@link Kind#PASSWORD_POLICY}: the password does not satisfy the realm's policy;
 * {@link Kind#REJECTED}: another 4xx; {@link Kind#UNAVAILABLE}: no answer or 5xx.
 */
public class KeycloakException extends RuntimeException {

    public enum Kind {
        CONFLICT,
        PASSWORD_POLICY,
        REJECTED,
        UNAVAILABLE
    }

    private final Kind kind;
    private final int status;

    public KeycloakException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }
}

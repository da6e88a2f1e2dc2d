package vn.egov.identity.validation;

/**
 * The most identity-service accepts in a free-text field (characters). Most fields already have a policy
 * that bounds them ({@link PersonNamePolicy} 150, {@link EmailPolicy} 254, {@link PhoneNumberPolicy},
 * {@link NationalIdPolicy} 12 digits, tax codes, a business name 200, the Idempotency-Key 200); these are
 * the others. Checked by hand with {@link ValidationErrors#maxLength} (400 {@code validation-failed} naming
 * the field) and documented on the request records with {@code @Schema(maxLength)}.
 */
public final class InputLimits {

    /** A password or an officer's temporary password (sent to Keycloak, never stored here). */
    public static final int PASSWORD = 128;
    /** A full name given to the ministry verification (the same bound as a registered name). */
    public static final int FULL_NAME = 150;
    /** A date, yyyy-MM-dd (with room for surrounding spaces). */
    public static final int DATE = 32;
    /** Query filters: agency level and parent code. */
    public static final int CODE = 64;

    private InputLimits() {}
}

package vn.egov.contracts.identity;

import java.time.Instant;
import java.util.List;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code attemptId}: a registration named a CCCD, email
 * or phone that already belongs to an account, so no account was made. The API answered as it answers a
 * registration that succeeds (it must not tell a stranger which identifier exists); the people concerned hear of it
 * through their own channels instead: the email address and phone number the registration gave (a generic
 * "no account was made with these details"), and each existing account holder (someone tried to register with one
 * of their identifiers). Which identifier was taken is in no message and in no event.
 *
 * @param attemptId a new id per refused registration (never an account's)
 * @param email the email address the registration gave (normalised)
 * @param phone the phone number the registration gave (normalised)
 * @param language {@code vi} or {@code en}, the language the registration was made in
 * @param accountHolders ids of the existing accounts the identifiers belong to (no duplicates; may be empty when
 *     only the identity provider knew the identifier)
 */
public record RegistrationRefusedV1(
        String attemptId,
        String email,
        String phone,
        String language,
        List<String> accountHolders,
        Instant occurredAt) {

    public static final String TYPE = "vn.egov.identity.registration-refused.v1";

    public RegistrationRefusedV1 {
        accountHolders = accountHolders == null ? List.of() : List.copyOf(accountHolders);
    }

    /** Contact details: never in a log line. */
    @Override
    public String toString() {
        return "RegistrationRefusedV1[attemptId=" + attemptId + ", accountHolders=" + accountHolders.size() + "]";
    }
}

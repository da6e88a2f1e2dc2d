package vn.egov.contracts.identity;

import java.time.Instant;
import java.util.List;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code attemptId}: as {@link RegistrationRefusedV1} (a
 * registration named an identifier that already belongs to an account, so no account was made; the contacts it gave
 * and the account holders hear of it; which identifier was taken is in no event), with the contacts the registration
 * gave sealed (issue 16): the topic and its dead-letter topic hold neither in clear. identity-service seals them and
 * notification-service opens them with the key both hold ({@code egov.events.sealing.*}, egov-commons'
 * {@code EventFieldSealer}), for this type, the field's name and the attempt. Replaces v1, which carried them in clear
 * (still read by notification-service while events of it may remain).
 *
 * @param attemptId a new id per refused registration (never an account's)
 * @param sealedEmail the email address the registration gave (normalised), sealed ({@code egs1:…}); null when none
 * @param sealedPhone the phone number the registration gave (normalised), sealed ({@code egs1:…}); null when none
 * @param language {@code vi} or {@code en}, the language the registration was made in
 * @param accountHolders ids of the existing accounts the identifiers belong to (no duplicates; may be empty when
 *     only the identity provider knew the identifier)
 */
public record RegistrationRefusedV2(
        String attemptId,
        String sealedEmail,
        String sealedPhone,
        String language,
        List<String> accountHolders,
        Instant occurredAt) {

    public static final String TYPE = "vn.egov.identity.registration-refused.v2";

    public RegistrationRefusedV2 {
        accountHolders = accountHolders == null ? List.of() : List.copyOf(accountHolders);
    }

    /** As v1's: the attempt and how many holders, no contact (even sealed) and no holder's id in a log line. */
    @Override
    public String toString() {
        return "RegistrationRefusedV2[attemptId=" + attemptId + ", accountHolders=" + accountHolders.size() + "]";
    }
}

package vn.egov.contracts.identity;

import java.time.Instant;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code personId}: as {@link CitizenRegisteredV1} (a
 * citizen account exists at level of assurance 1; no identity number), with the name and the contacts sealed (issue
 * 16): the topic and its dead-letter topic hold none of them in clear. identity-service seals them and
 * notification-service opens them with the key both hold ({@code egov.events.sealing.*}, egov-commons'
 * {@code EventFieldSealer}), for this type, the field's name and the person, to greet the citizen and keep their
 * contacts. Replaces v1, which carried them in clear (still read by notification-service while events of it may
 * remain).
 *
 * @param sealedFullName the person's name, sealed ({@code egs1:…})
 * @param sealedEmail the email address, sealed ({@code egs1:…}); null when there is none
 * @param sealedPhone the phone number, sealed ({@code egs1:…}); null when there is none
 */
public record CitizenRegisteredV2(
        String personId,
        String sealedFullName,
        String sealedEmail,
        String sealedPhone,
        int levelOfAssurance,
        Instant registeredAt) {

    public static final String TYPE = "vn.egov.identity.citizen-registered.v2";
}

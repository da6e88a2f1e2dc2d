package vn.egov.contracts.identity;

import java.time.Instant;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code personId}: as {@link ContactChangedV1} (a verified
 * change of email address or phone number took effect; a security notice goes to the previous destination too), with
 * the contacts sealed (issue 16): the topic and its dead-letter topic hold neither the new nor the previous contact in
 * clear. identity-service seals them and notification-service opens them with the key both hold
 * ({@code egov.events.sealing.*}, egov-commons' {@code EventFieldSealer}), for this type, the field's name and the
 * person. Replaces v1, which carried them in clear (still read by notification-service while events of it may
 * remain).
 *
 * @param channel {@code EMAIL} or {@code SMS}: which contact changed
 * @param sealedEmail the person's email address after the change, sealed ({@code egs1:…}); null when there is none
 * @param sealedPhone the person's phone number after the change, sealed ({@code egs1:…}); null when there is none
 * @param sealedPreviousDestination the email or phone that was replaced, sealed ({@code egs1:…}); null when there was
 *     none
 */
public record ContactChangedV2(
        String personId,
        String channel,
        String sealedEmail,
        String sealedPhone,
        String sealedPreviousDestination,
        Instant changedAt) {

    public static final String TYPE = "vn.egov.identity.contact-changed.v2";
}

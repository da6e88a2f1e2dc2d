package vn.egov.contracts.identity;

import java.time.Instant;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code personId}: as {@link ContactVerificationRequestedV1}
 * (a one-time code must reach the person's <em>new</em> email address or phone number before the change takes
 * effect), with the destination and the code sealed (issue 16): the topic and its dead-letter topic hold neither in
 * clear. identity-service seals them and notification-service opens them with the key both hold
 * ({@code egov.events.sealing.*}, egov-commons' {@code EventFieldSealer}), for this type, the field's name and the
 * person; notification-service sends the code on that one channel and never stores or logs it. Replaces v1, which
 * carried both in clear (still read by notification-service while events of it may remain).
 *
 * @param channel {@code EMAIL} or {@code SMS}
 * @param sealedDestination the new email address or phone number, sealed ({@code egs1:…})
 * @param sealedCode the one-time code, sealed ({@code egs1:…}); valid until {@code expiresAt}, single use
 * @param language {@code vi} or {@code en}
 */
public record ContactVerificationRequestedV2(
        String personId,
        String channel,
        String sealedDestination,
        String sealedCode,
        Instant expiresAt,
        String language,
        Instant requestedAt) {

    public static final String TYPE = "vn.egov.identity.contact-verification-requested.v2";
}

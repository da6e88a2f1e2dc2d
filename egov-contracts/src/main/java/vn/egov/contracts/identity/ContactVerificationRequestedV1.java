package vn.egov.contracts.identity;

import java.time.Instant;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code personId}: the person asked to change
 * an email address or phone number, and a one-time code must reach the <em>new</em> destination before
 * the change takes effect. notification-service sends it on that one channel, whatever the person's
 * preferences (a security message), and never stores or logs the code.
 *
 * @param channel {@code EMAIL} or {@code SMS}
 * @param destination the new email address or phone number, where the code goes
 * @param code the one-time code (digits); valid until {@code expiresAt}, single use
 * @param language {@code vi} or {@code en}
 */
public record ContactVerificationRequestedV1(
        String personId,
        String channel,
        String destination,
        String code,
        Instant expiresAt,
        String language,
        Instant requestedAt) {

    public static final String TYPE = "vn.egov.identity.contact-verification-requested.v1";
}

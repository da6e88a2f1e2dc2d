package vn.egov.contracts.identity;

import java.time.Instant;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code personId}: a verified change of email
 * address or phone number took effect. Consumers that keep contacts (notification-service) replace them;
 * a security notice goes to the <em>previous</em> destination as well, so a hijacked account is noticed.
 *
 * @param channel {@code EMAIL} or {@code SMS}: which contact changed
 * @param email the person's email address after the change
 * @param phone the person's phone number after the change
 * @param previousDestination the email or phone that was replaced (null when there was none)
 */
public record ContactChangedV1(
        String personId, String channel, String email, String phone, String previousDestination, Instant changedAt) {

    public static final String TYPE = "vn.egov.identity.contact-changed.v1";
}

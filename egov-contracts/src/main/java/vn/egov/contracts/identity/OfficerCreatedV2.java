package vn.egov.contracts.identity;

import java.time.Instant;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code personId} (the officer's Keycloak user id): as
 * {@link OfficerCreatedV1} (an agency administrator created an officer or approver account bound to
 * {@code agencyCode}), with the officer's name and email address sealed (issue 16): the topic and its dead-letter
 * topic hold neither in clear. identity-service seals them and notification-service opens them with the key both hold
 * ({@code egov.events.sealing.*}, egov-commons' {@code EventFieldSealer}), for this type, the field's name and the
 * officer. {@code username} is the staff login name and stays as it is. Replaces v1, which carried the name and email
 * in clear (still read by notification-service while events of it may remain).
 *
 * @param sealedFullName the officer's name, sealed ({@code egs1:…})
 * @param sealedEmail the officer's email address, sealed ({@code egs1:…})
 */
public record OfficerCreatedV2(
        String personId,
        String username,
        String sealedFullName,
        String sealedEmail,
        String role,
        String agencyCode,
        String createdBy,
        Instant createdAt) {

    public static final String TYPE = "vn.egov.identity.officer-created.v2";
}

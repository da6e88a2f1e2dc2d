package vn.egov.contracts.identity;

import java.time.Instant;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code personId} (the officer's Keycloak user
 * id): an agency administrator created an officer or approver account bound to {@code agencyCode}.
 */
public record OfficerCreatedV1(
        String personId,
        String username,
        String fullName,
        String email,
        String role,
        String agencyCode,
        String createdBy,
        Instant createdAt) {

    public static final String TYPE = "vn.egov.identity.officer-created.v1";
}

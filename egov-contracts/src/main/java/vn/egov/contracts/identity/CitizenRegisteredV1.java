package vn.egov.contracts.identity;

import java.time.Instant;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code personId}. A citizen account exists
 * (in Keycloak and identity-service) at level of assurance 1. Carries no identity number (CCCD): the
 * opaque {@code personId} (the Keycloak user id, the token's {@code sub}) stands for the person.
 * Contacts are included so that notification-service can greet the citizen without a query.
 */
public record CitizenRegisteredV1(
        String personId, String fullName, String email, String phone, int levelOfAssurance, Instant registeredAt) {

    public static final String TYPE = "vn.egov.identity.citizen-registered.v1";
}

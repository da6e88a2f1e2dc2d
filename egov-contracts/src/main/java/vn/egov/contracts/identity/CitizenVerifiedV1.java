package vn.egov.contracts.identity;

import java.time.Instant;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code personId}: the person's identity was
 * confirmed against the national population registry and their level of assurance raised. No CCCD.
 */
public record CitizenVerifiedV1(String personId, int levelOfAssurance, String verifiedBy, Instant verifiedAt) {

    public static final String TYPE = "vn.egov.identity.citizen-verified.v1";
}

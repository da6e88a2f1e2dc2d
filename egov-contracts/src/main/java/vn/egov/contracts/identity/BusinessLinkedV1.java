package vn.egov.contracts.identity;

import java.time.Instant;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code personId}: the citizen was linked to a
 * business (by its tax code) as its legal representative, and may now submit dossiers on its behalf.
 */
public record BusinessLinkedV1(String personId, String taxCode, String businessName, Instant linkedAt) {

    public static final String TYPE = "vn.egov.identity.business-linked.v1";
}

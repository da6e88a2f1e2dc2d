package vn.egov.contracts.identity;

import java.time.Instant;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code personId} (the account taken out of use): the owner
 * of the identity number this account had registered proved it at the national identity (decision 63), so the
 * account was disabled. notification-service tells the account's holder through the contacts it knows (a mandatory
 * security notice: if it was a mistake, the holder has a way to object). No identity number, no contact detail.
 *
 * @param personId the disabled account's id (its dossiers stay under it)
 * @param recoveredAt when the owner recovered the identity number
 */
public record NationalIdRecoveredV1(String personId, Instant recoveredAt) {

    public static final String TYPE = "vn.egov.identity.national-id-recovered.v1";
}

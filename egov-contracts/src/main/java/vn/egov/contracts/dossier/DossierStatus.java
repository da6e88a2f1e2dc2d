package vn.egov.contracts.dossier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A dossier's status as the contract names it ({@code fromStatus}, {@code toStatus} of
 * {@link DossierLifecycleEventV1}). The wire value is the constant's name, exactly the strings the events
 * carried before this type existed, so the JSON is unchanged. dossier-service maps its own status to this
 * one where it builds the event; consumers compare with these constants, never with dossier-service's
 * internal names.
 *
 * <p>A status dossier-service adds later is an additive change within v1: a consumer built before it reads
 * it as {@link #UNKNOWN} instead of failing on the whole event (consumers ignore what they do not know).
 * {@code UNKNOWN} is never published.
 */
public enum DossierStatus {
    AWAITING_PAYMENT,
    SUBMITTED,
    RECEIVED,
    IN_PROCESSING,
    AWAITING_SUPPLEMENT,
    RESOLVED,
    REJECTED,
    RESULT_RETURNED,
    WITHDRAWN,
    TRANSFERRED,
    /** Processing stopped by the agency (Mẫu 05, Thông tư 03/2025): final (issue 15). */
    STOPPED,
    /** A walk-in found incomplete at the counter: guided (Mẫu 02), never received; final (issue 15). */
    GUIDED,
    /** The result was sent by post and is on its way to the applicant (issue 15). */
    POSTED,
    /** A value this consumer does not know (published by a newer dossier-service); never published. */
    UNKNOWN;

    /** The value on the wire (pinned here, so no mapper setting can change it). */
    @JsonValue
    public String wireValue() {
        return name();
    }

    /** Reads a wire value; one this build does not know is {@link #UNKNOWN}. */
    @JsonCreator
    public static DossierStatus fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (DossierStatus status : values()) {
            if (status != UNKNOWN && status.name().equals(value)) {
                return status;
            }
        }
        return UNKNOWN;
    }
}

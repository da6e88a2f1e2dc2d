package vn.egov.contracts.identity;

import java.time.Instant;

/**
 * {@value #TYPE} on {@code egov.identity.events}, subject = {@code code} (the agency's electronic identifier): the
 * agency registry (identity-service, decision 60) changed an agency. The event carries the agency's whole current
 * state, so a consumer keeps a replica by taking the event with the highest {@code version} it has seen for the
 * agency and ignoring older ones (events of one agency share the record key and stay in order, a replayed or late one
 * is older). The registry announces every changed agency again after each start and daily, so a consumer reading the topic from its start
 * finds each agency's current state within the topic's retention.
 *
 * @param workingHours the periods in which the agency works on a working day, in Vietnam time, written
 *     {@code "07:30-11:30,13:30-17:00"} (in order, not overlapping): limits in hours and half-days count inside them
 * @param workingHoursSource the document that publishes those hours
 * @param receiptSeries the symbol the agency's e-receipts are numbered under ({@code <series>/<year>/<000001>}); its
 *     electronic identifier until it registers another, never shared with another agency
 * @param version the agency's version in the registry, 1 for the first change after the migrations' rows (0)
 * @param changedBy the subject of the administrator who made the change
 */
public record AgencyChangedV1(
        String code,
        String name,
        String nameEn,
        String level,
        String parentCode,
        boolean serviceCentre,
        boolean active,
        String workingHours,
        String workingHoursSource,
        String receiptSeries,
        long version,
        String changedBy,
        Instant changedAt) {

    public static final String TYPE = "vn.egov.identity.agency-changed.v1";
}

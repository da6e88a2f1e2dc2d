package vn.egov.portal.desk;

import java.time.LocalDate;
import java.util.List;

/**
 * The queue's filters as the page's query has them (a GET form, so a filtered queue is an address to bookmark and
 * works without script); {@code status} "ALL" or blank is every status.
 */
record QueueFilter(String status, String procedure, boolean overdue, LocalDate dueBefore) {

    /** The statuses the queue's tabs offer, in the desk's order of work. */
    static final List<String> STATUSES = List.of(
            "SUBMITTED",
            "TRANSFERRED",
            "RECEIVED",
            "IN_PROCESSING",
            "AWAITING_SUPPLEMENT",
            "RESOLVED",
            "AWAITING_PAYMENT",
            "RESULT_RETURNED",
            "REJECTED",
            "WITHDRAWN");

    QueueFilter {
        status = status == null || status.isBlank() || !STATUSES.contains(status) ? null : status;
        procedure = procedure == null || procedure.isBlank() ? null : procedure.strip();
    }
}

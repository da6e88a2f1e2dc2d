package vn.egov.portal.desk;

import java.time.LocalDate;
import java.util.List;

/**
 * The queue's filters as the page's query has them (a GET form, so a filtered queue is an address to bookmark and
 * works without script); {@code status} blank or unknown is the open queue ({@link #OPEN}), "ALL" every status.
 * {@code receiptOverdue}: only online dossiers still waiting to be received past their receipt limit ("chưa tiếp nhận
 * quá hạn", dossier-service's decision 51). {@code received}: a service centre's dossiers received (or to receive
 * online) for the agencies that handle them (decisions 57 and 61) instead of its own.
 */
record QueueFilter(
        String status,
        String procedure,
        boolean overdue,
        boolean receiptOverdue,
        LocalDate dueBefore,
        boolean received) {

    /** The statuses the queue's tabs offer, in the desk's order of work. */
    static final List<String> STATUSES = List.of(
            "SUBMITTED",
            "TRANSFERRED",
            "RECEIVED",
            "IN_PROCESSING",
            "AWAITING_SUPPLEMENT",
            "RESOLVED",
            "POSTED",
            "AWAITING_PAYMENT",
            "RESULT_RETURNED",
            "REJECTED",
            "STOPPED",
            "WITHDRAWN");

    /**
     * The desk's default: what the agency still has to act on (dossier-service's {@code status=OPEN}: to receive, in
     * processing, waiting for a supplement, a result to hand over or in the post).
     */
    static final String OPEN = "OPEN";

    /** Every status (no status sent to the API). */
    static final String ALL = "ALL";

    QueueFilter {
        status = status == null || !(ALL.equals(status) || STATUSES.contains(status)) ? OPEN : status;
        procedure = procedure == null || procedure.isBlank() ? null : procedure.strip();
    }

    /** The queue's tabs: the open queue first, each status, then every status. */
    static final List<String> TABS = java.util.stream.Stream.concat(
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(OPEN), STATUSES.stream()),
                    java.util.stream.Stream.of(ALL))
            .toList();

    /** The API's {@code status}: none for every status. */
    String apiStatus() {
        return ALL.equals(status) ? null : status;
    }
}

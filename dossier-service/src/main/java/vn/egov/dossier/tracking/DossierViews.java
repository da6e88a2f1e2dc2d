package vn.egov.dossier.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.PageResponse;
import vn.egov.dossier.dataprotection.ApplicantIndex;
import vn.egov.dossier.dossier.DossierRow;

/** The reads behind the dossier views: lists and queues, history, document metadata (controllers run no SQL). */
@Component
class DossierViews {

    record DossierSummary(
            String code,
            String procedureCode,
            String agencyCode,
            String status,
            Instant submittedAt,
            LocalDate dueDate,
            String businessTaxCode,
            // ONLINE, DIRECT (taken at the counter) or POSTAL (received by post)
            String channel,
            // the exact due time (null before the dossier has one): overdue by the minute past it
            Instant dueAt) {}

    record HistoryEntry(
            String action,
            String fromStatus,
            String toStatus,
            String actorSubject,
            String actorRole,
            String reason,
            String note,
            Instant occurredAt) {}

    /** When the dossier's clock started (received, else submitted) and its stored due time (null before V15). */
    /** {@code receiptDueAt}: by when an online dossier must be received (decision 51), once the check gave it. */
    record DueTimes(Instant submittedAt, Instant receivedAt, Instant dueAt, Instant receiptDueAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    DossierViews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    DueTimes dueTimes(UUID dossierId) {
        return jdbc.sql("select submitted_at, received_at, due_at, receipt_due_at from dossier where id = ?")
                .param(dossierId)
                .query((rs, i) -> new DueTimes(instant(rs, 1), instant(rs, 2), instant(rs, 3), instant(rs, 4)))
                .single();
    }

    /**
     * When the dossier first reached each status since {@code since} (its clock's start), from its history: the
     * internal steps end there (IN_PROCESSING ends receiving, RESOLVED approving, POSTED or RESULT_RETURNED
     * returning).
     */
    Map<String, Instant> firstReached(UUID dossierId, Instant since) {
        Map<String, Instant> reached = new HashMap<>();
        jdbc.sql("""
                        select to_status, min(occurred_at) from dossier_history
                         where dossier_id = ? and occurred_at >= ? group by to_status""")
                .param(dossierId)
                .param(java.sql.Timestamp.from(since))
                .query((rs, i) -> reached.put(rs.getString(1), instant(rs, 2)))
                .list();
        return reached;
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** One page of an agency's queue ({@code agencyQueue}, by due date) or of an applicant's own dossiers (newest first). */
    /**
     * Counting stops here: an exact count of an agency's million dossiers costs more than the page itself (a full
     * index scan on every queue page), and "more than 1 000" is all an officer needs to know of such a queue: past that
     * the filters are what finds a dossier, not the page number. Counting 10 001 entries kept the queue page's p99 at
     * 1 M dossiers above 50 ms (decision 45); 1 001 is a tenth of that work.
     */
    static final int COUNT_CAP = 1_000;

    /**
     * {@code status=OPEN}: the dossiers the agency still has to act on (to receive, in processing, waiting for a
     * supplement, a result to hand over or in the post), the desk's default queue. The list is the predicate of the
     * partial index {@code dossier_open_queue} (V25), written the same way so the planner uses it.
     */
    static final String OPEN = "OPEN";

    static final List<String> OPEN_STATUSES = List.of(
            "SUBMITTED", "TRANSFERRED", "RECEIVED", "IN_PROCESSING", "AWAITING_SUPPLEMENT", "RESOLVED", "POSTED");

    private static final String OPEN_STATUSES_SQL = OPEN_STATUSES.stream()
            .map(st -> "'" + st + "'")
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    /**
     * One page of dossiers: {@link PageResponse}'s fields, and whether {@code totalItems} stopped at
     * {@link #COUNT_CAP} (then there are more, and {@code totalPages} counts the pages of the first 1 000).
     */
    record DossierPage(
            List<DossierSummary> items, int page, int size, long totalItems, int totalPages, boolean totalCapped) {

        static DossierPage of(List<DossierSummary> items, int page, int size, long counted) {
            PageResponse<DossierSummary> p = PageResponse.of(items, page, size, Math.min(counted, COUNT_CAP));
            return new DossierPage(p.items(), p.page(), p.size(), p.totalItems(), p.totalPages(), counted > COUNT_CAP);
        }
    }

    /**
     * {@code receivedHere} (with {@code agencyQueue}): the dossiers the agency received for others as a service centre
     * (decision 57) instead of those it handles.
     */
    DossierPage list(
            boolean agencyQueue,
            boolean receivedHere,
            String scopeValue,
            String status,
            String procedure,
            Boolean overdue,
            Boolean receiptOverdue,
            LocalDate dueBefore,
            LocalDate from,
            LocalDate to,
            ApplicantIndex.Lookup applicant,
            int page,
            int size) {
        // only the filters given are in the SQL: a "(:x is null or …)" for each absent one would leave a cached
        // generic plan unable to use the queue's indexes (and the open queue's partial index needs its predicate
        // written as the index has it)
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(
                !agencyQueue
                        ? " where applicant_subject = :scope"
                        : receivedHere ? " where receiving_agency_code = :scope" : " where agency_code = :scope");
        params.put("scope", scopeValue);
        if (OPEN.equals(status)) {
            where.append(" and status in ").append(OPEN_STATUSES_SQL);
        } else if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (procedure != null) {
            where.append(" and procedure_code = :procedure");
            params.put("procedure", procedure);
        }
        // "overdue" = still with the agency (RECEIVED, IN_PROCESSING) past its due time, by the minute
        if (overdue != null) {
            where.append(
                    overdue
                            ? " and status in ('RECEIVED', 'IN_PROCESSING') and " + DossierRow.PAST_DUE_SQL
                            : " and not (status in ('RECEIVED', 'IN_PROCESSING') and coalesce("
                                    + DossierRow.PAST_DUE_SQL + ", false))");
            params.put("today", today);
            params.put("now", java.sql.Timestamp.from(clock.instant()));
        }
        // "chưa tiếp nhận quá hạn" (decision 51): still waiting to be received past its receipt limit
        if (receiptOverdue != null) {
            where.append(
                    receiptOverdue
                            ? " and status = 'SUBMITTED' and receipt_due_at < :now"
                            : " and not (status = 'SUBMITTED' and coalesce(receipt_due_at < :now, false))");
            params.put("now", java.sql.Timestamp.from(clock.instant()));
        }
        if (dueBefore != null) {
            where.append(" and due_date <= :dueBefore");
            params.put("dueBefore", dueBefore);
        }
        if (from != null) {
            where.append(" and (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date <= :to");
            params.put("to", to);
        }
        // the desk's search by the applicant's CCCD or name: their keyed hashes (ApplicantIndex)
        if (applicant != null) {
            where.append(" and id in (select dossier_id from dossier_applicant_index"
                    + " where kind = :applicantKind and digest in (:applicantDigests))");
            params.put("applicantKind", applicant.kind());
            params.put("applicantDigests", applicant.digests());
        }
        long total = jdbc.sql("select count(*) from (select 1 from dossier" + where + " limit :cap) counted")
                .params(params)
                .param("cap", COUNT_CAP + 1)
                .query(Long.class)
                .single();
        // a citizen sees the newest first; an officer's queue is worked by due date
        String order = agencyQueue ? " order by due_date asc nulls last, submitted_at" : " order by submitted_at desc";
        List<DossierSummary> items = jdbc.sql("""
                        select code, procedure_code, agency_code, status, submitted_at, due_date, business_tax_code, channel,
                               due_at from dossier""" + where + order + " limit :size offset :offset")
                .params(params)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> new DossierSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .list();
        return DossierPage.of(items, page, size, total);
    }

    List<HistoryEntry> history(UUID dossierId) {
        return jdbc.sql("""
                        select action, from_status, to_status, actor_subject, actor_role, reason, note, occurred_at
                        from dossier_history where dossier_id = ? order by id""")
                .param(dossierId)
                .query((rs, i) -> new HistoryEntry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    List<DocumentView> documents(UUID dossierId) {
        return jdbc.sql("""
                        select id, requirement_code, kind, file_name, content_type, size_bytes, sha256, uploaded_at, copy_kind
                        from dossier_document where dossier_id = ? order by uploaded_at, file_name""")
                .param(dossierId)
                .query((rs, i) -> new DocumentView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getString(9)))
                .list();
    }
}

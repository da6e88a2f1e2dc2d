package vn.egov.contracts.dossier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One transition of a dossier's lifecycle, published on {@code egov.dossier.events} (key: the dossier
 * code) with one of the {@link #TYPES}. The same data shape for every transition, so a consumer that
 * only wants "tell the applicant" needs one record; fields that do not apply are null. One record for a
 * family of types is the one exception to the naming rule (egov-contracts/README.md): its types share one
 * shape, and the record is named after the aggregate's lifecycle.
 *
 * @param dossierCode e.g. {@code 000.00.01.H26-261122-0042}
 * @param applicantSubject the Keycloak subject of the citizen who submitted it (the recipient of notices); for a
 *     dossier taken at the counter before its applicant claimed it, {@code walk-in:<dossier id>} (no account to notify)
 * @param businessTaxCode the business the citizen acted for, or null
 * @param fromStatus state before the transition (null on submission); for overdue and rated, the current one
 * @param toStatus state after it
 * @param action the action that caused it (submit, receive, request-supplement, supplement, forward,
 *     resolve, reject, return-result, transfer, withdraw, extend-deadline, pay)
 * @param actorRole CITIZEN, OFFICER, APPROVER or SYSTEM
 * @param reason the reason given (rejection, supplement request, apology), or null; on {@link #RATED} also
 *     the score as text ("1"–"5"), for consumers written before {@code score} (kept for all of v1)
 * @param dueDate the appointment date for the result after this transition
 * @param missingDocuments requirement codes the applicant must supply (request-supplement), else empty
 * @param feeVnd the fee of the procedure in VND (0 when free)
 * @param score the applicant's rating, 1–5, on {@link #RATED} only; absent from the JSON otherwise. Added
 *     within v1, so rated events published before it have none (their score is in {@code reason})
 * @param receivingAgencyCode the service centre that received the dossier, or receives it online, for its agency
 *     (decisions 57 and 61); absent otherwise. Added within v1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DossierLifecycleEventV1(
        String dossierCode,
        String procedureCode,
        String procedureName,
        String agencyCode,
        String agencyName,
        String applicantSubject,
        String businessTaxCode,
        DossierStatus fromStatus,
        DossierStatus toStatus,
        String action,
        String actorSubject,
        String actorRole,
        String reason,
        LocalDate dueDate,
        List<String> missingDocuments,
        long feeVnd,
        Instant occurredAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer score,
        @JsonInclude(JsonInclude.Include.NON_NULL) String receivingAgencyCode) {

    /** Without a receiving centre: the shape before {@code receivingAgencyCode}. */
    public DossierLifecycleEventV1(
            String dossierCode,
            String procedureCode,
            String procedureName,
            String agencyCode,
            String agencyName,
            String applicantSubject,
            String businessTaxCode,
            DossierStatus fromStatus,
            DossierStatus toStatus,
            String action,
            String actorSubject,
            String actorRole,
            String reason,
            LocalDate dueDate,
            List<String> missingDocuments,
            long feeVnd,
            Instant occurredAt,
            Integer score) {
        this(
                dossierCode,
                procedureCode,
                procedureName,
                agencyCode,
                agencyName,
                applicantSubject,
                businessTaxCode,
                fromStatus,
                toStatus,
                action,
                actorSubject,
                actorRole,
                reason,
                dueDate,
                missingDocuments,
                feeVnd,
                occurredAt,
                score,
                null);
    }

    /**
     * The agency whose staff receive the dossier while it waits to be received (SUBMITTED): the service centre that
     * receives it for the agency (decision 61), else the agency; from its receipt on, the agency.
     */
    public String receivingStaffAgency() {
        return toStatus == DossierStatus.SUBMITTED && receivingAgencyCode != null ? receivingAgencyCode : agencyCode;
    }

    public static final String SUBMITTED = "vn.egov.dossier.submitted.v1";
    public static final String RECEIVED = "vn.egov.dossier.received.v1";
    public static final String SUPPLEMENT_REQUESTED = "vn.egov.dossier.supplement-requested.v1";
    public static final String SUPPLEMENTED = "vn.egov.dossier.supplemented.v1";
    public static final String FORWARDED = "vn.egov.dossier.forwarded.v1";
    public static final String RESOLVED = "vn.egov.dossier.resolved.v1";
    public static final String REJECTED = "vn.egov.dossier.rejected.v1";
    public static final String RESULT_RETURNED = "vn.egov.dossier.result-returned.v1";
    public static final String TRANSFERRED = "vn.egov.dossier.transferred.v1";
    public static final String WITHDRAWN = "vn.egov.dossier.withdrawn.v1";
    /** A dossier that will be late: the apology and new appointment date (phiếu xin lỗi và hẹn lại). */
    public static final String DEADLINE_EXTENDED = "vn.egov.dossier.deadline-extended.v1";

    /** The dossier passed its due date without a result (published once, by the scheduled overdue check). */
    public static final String OVERDUE = "vn.egov.dossier.overdue.v1";
    /**
     * The dossier is due soon (its due date within the configured working days) and still with the agency: a
     * reminder to its staff, published once per dossier and due date by the same scheduled check.
     */
    public static final String DUE_SOON = "vn.egov.dossier.due-soon.v1";
    /**
     * An online dossier still not received past its receipt limit ("chưa tiếp nhận quá hạn"): told to the agency's
     * staff, once per dossier, by the same scheduled check.
     */
    public static final String RECEIPT_OVERDUE = "vn.egov.dossier.receipt-overdue.v1";
    /** The applicant rated the service after the result: {@code score} 1–5 (and, as text, {@code reason}). */
    public static final String RATED = "vn.egov.dossier.rated.v1";
    /** The agency stopped processing the dossier (Mẫu 05, Thông tư 03/2025): the reason in {@code reason}. */
    public static final String STOPPED = "vn.egov.dossier.stopped.v1";
    /** The result was sent by post ({@code reason}: the tracking number); {@code result-returned} follows on delivery. */
    public static final String RESULT_POSTED = "vn.egov.dossier.result-posted.v1";

    public static final Set<String> TYPES = Set.of(
            SUBMITTED,
            RECEIVED,
            SUPPLEMENT_REQUESTED,
            SUPPLEMENTED,
            FORWARDED,
            RESOLVED,
            REJECTED,
            RESULT_RETURNED,
            TRANSFERRED,
            WITHDRAWN,
            DEADLINE_EXTENDED,
            OVERDUE,
            DUE_SOON,
            RECEIPT_OVERDUE,
            RATED,
            STOPPED,
            RESULT_POSTED);

    public DossierLifecycleEventV1 {
        missingDocuments = missingDocuments == null ? List.of() : List.copyOf(missingDocuments);
    }
}

package vn.egov.commons.events.contracts.dossier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One transition of a dossier's lifecycle, published on {@code egov.dossier.events} (key: the dossier
 * code) with one of the {@link #TYPES}. The same data shape for every transition, so a consumer that
 * only wants "tell the applicant" needs one record; fields that do not apply are null.
 *
 * @param dossierCode e.g. {@code 000.00.01.H26-261122-0042}
 * @param applicantSubject the Keycloak subject of the citizen who submitted it (the recipient of notices)
 * @param businessTaxCode the business the citizen acted for, or null
 * @param fromStatus state before the transition (null on submission)
 * @param toStatus state after it
 * @param action the action that caused it (submit, receive, request-supplement, supplement, forward,
 *     resolve, reject, return-result, transfer, withdraw, extend-deadline, pay)
 * @param actorRole CITIZEN, OFFICER, APPROVER or SYSTEM
 * @param reason the reason given (rejection, supplement request, apology), or null
 * @param dueDate the appointment date for the result after this transition
 * @param missingDocuments requirement codes the applicant must supply (request-supplement), else empty
 * @param feeVnd the fee of the procedure in VND (0 when free)
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
        String fromStatus,
        String toStatus,
        String action,
        String actorSubject,
        String actorRole,
        String reason,
        LocalDate dueDate,
        List<String> missingDocuments,
        long feeVnd,
        Instant occurredAt) {

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
    /** The applicant rated the service after the result (the score travels in {@code reason} as 1–5). */
    public static final String RATED = "vn.egov.dossier.rated.v1";

    public static final Set<String> TYPES = Set.of(SUBMITTED, RECEIVED, SUPPLEMENT_REQUESTED, SUPPLEMENTED,
            FORWARDED, RESOLVED, REJECTED, RESULT_RETURNED, TRANSFERRED, WITHDRAWN, DEADLINE_EXTENDED, OVERDUE, RATED);

    public DossierLifecycleEventV1 {
        missingDocuments = missingDocuments == null ? List.of() : List.copyOf(missingDocuments);
    }
}

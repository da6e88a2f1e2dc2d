package vn.egov.dossier.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.egov.dossier.fee.PaymentLink;

/**
 * The full dossier (owner, officers and approvers of the handling agency): what {@code GET /api/v1/dossiers/{code}}
 * answers, and the desk's actions and supplements after they are taken. Built by {@link DossierViewer}.
 *
 * <p>{@code lookupSecret} opens the public status lookup with the code ({@link LookupSecrets}); the applicant keeps
 * it, the desk prints it on the receipt.
 *
 * <p>{@code channel}: ONLINE (submitted by the citizen), DIRECT (taken at the counter) or POSTAL (received by post, recorded at the desk). {@code walkInApplicant}: for
 * a dossier taken at the counter, the person it was taken for (national id masked); null otherwise.
 */
public record DossierView(
        String code,
        String procedureCode,
        String procedureName,
        String agencyCode,
        String agencyName,
        String status,
        Instant submittedAt,
        LocalDate receivedDate,
        LocalDate dueDate,
        boolean overdue,
        long feeVnd,
        PaymentLink payment,
        Map<String, Object> formData,
        List<String> missingDocuments,
        List<DocumentView> documents,
        String businessTaxCode,
        String businessName,
        String lookupSecret,
        String channel,
        WalkInApplicantView walkInApplicant,
        ResultDelivery resultDelivery,
        // the exact due time (decision 25: the closing of dueDate for days, inside the day for hours); null before
        // the dossier has an appointment
        Instant dueAt,
        // by when an online dossier must be received (decision 51; null until the scheduled check gives it, and for
        // dossiers taken at the counter); receiptOverdue: still waiting to be received past it
        Instant receiptDueAt,
        boolean receiptOverdue,
        // the service centre that received it for its agency (decision 57; its code numbers the dossier), or null
        String receivingAgencyCode,
        // the procedure's case (trường hợp) it was submitted for, and its name then (decision 58), or null
        String caseCode,
        String caseName) {

    /**
     * How the result was handed over, null while it was not (or online): COUNTER (who collected it, national id
     * masked) or POST (tracking number, posted date; {@code deliveredAt} once return-result confirmed it).
     */
    public record ResultDelivery(
            String method,
            String collectedByName,
            String collectedByNationalIdMasked,
            String trackingNumber,
            java.time.LocalDate postedDate,
            Instant deliveredAt) {}

    /** The person a walk-in dossier was taken for; {@code nationalIdMasked} shows the first 3 and last 3 digits. */
    public record WalkInApplicantView(
            String nationalIdMasked, String fullName, String dateOfBirth, String sex, String phone, String email) {}
}

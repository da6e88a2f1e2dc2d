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
        String lookupSecret) {}

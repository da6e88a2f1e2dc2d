package vn.egov.dossier.submission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import vn.egov.commons.idempotency.IdempotentRequests;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;
import vn.egov.dossier.dossier.DossierTransitions.Status;
import vn.egov.dossier.fee.DossierFees;
import vn.egov.dossier.fee.DossierPayments;
import vn.egov.dossier.fee.PaymentLink;
import vn.egov.dossier.input.InputLimits;
import vn.egov.dossier.input.JsonParts;
import vn.egov.dossier.intake.Intake;
import vn.egov.dossier.intake.Uploads;
import vn.egov.dossier.tracking.LookupSecrets;

/**
 * Accepts a dossier: checks it ({@link SubmissionChecks}: nothing is stored before), then in one short transaction
 * claims the Idempotency-Key and stores it ({@link SubmittedDossiers}: code, row, fee, documents, first history row
 * and event). A fee is requested from payment-service after that commit (never inside it).
 */
@Service
class SubmissionService {

    /**
     * {@code agencyCode}: the agency the dossier is submitted to, one that offers the procedure (may be left out when
     * only one does); {@code applicantBusinessTaxCode}: the business the citizen submits for (they must represent
     * it), or null; {@code caseCode}: the procedure's case (trường hợp) the dossier is for, required when it has
     * cases.
     */
    public record SubmissionRequest(
            @Size(max = InputLimits.CODE) String procedureCode,
            @Size(max = InputLimits.CODE) String agencyCode,
            Map<String, Object> formData,
            @Size(max = InputLimits.LIST_ITEMS) List<Intake.@Valid DocumentRef> documents,
            @Size(max = InputLimits.TAX_CODE) String applicantBusinessTaxCode,
            @Size(max = InputLimits.CODE) String caseCode) {}

    /** The business a dossier is submitted for, as identity-service knows it. */
    public record Applicant(String businessTaxCode, String businessName) {
        static final Applicant SELF = new Applicant(null, null);
    }

    /** {@code paymentPending}: a fee is due and its payment link will follow (payment-service was not reachable). */
    /** {@code lookupSecret}: with the code, opens the public status lookup (printed on the receipt too). */
    public record SubmissionResponse(
            String code,
            String status,
            LocalDate dueDate,
            PaymentLink payment,
            boolean paymentPending,
            String lookupSecret) {}

    public record Outcome(SubmissionResponse response, boolean replayed) {}

    /** What egov-commons' Idempotency-Key store keeps of a submission (scope {@code dossier-submission:<subject>}). */
    record DossierRef(UUID dossierId) {}

    private record Stored(DossierRow dossier, String lookupSecret, boolean replayed) {}

    /** Keys are per citizen: one citizen's key never meets another's. */
    private static final String SCOPE = "dossier-submission:";

    private final JsonParts parts;
    private final SubmissionChecks checks;
    private final SubmittedDossiers dossiers;
    private final TransactionTemplate transactions;
    private final IdempotentRequests idempotent;
    private final DossierStore store;
    private final DossierFees fees;
    private final DossierPayments payments;
    private final LookupSecrets lookupSecrets;

    SubmissionService(
            JsonParts parts,
            SubmissionChecks checks,
            SubmittedDossiers dossiers,
            TransactionTemplate transactions,
            IdempotentRequests idempotent,
            DossierStore store,
            DossierFees fees,
            DossierPayments payments,
            LookupSecrets lookupSecrets) {
        this.parts = parts;
        this.checks = checks;
        this.dossiers = dossiers;
        this.transactions = transactions;
        this.idempotent = idempotent;
        this.store = store;
        this.fees = fees;
        this.payments = payments;
        this.lookupSecrets = lookupSecrets;
    }

    /** {@code bearerToken}: the citizen's own access token, relayed to identity-service when their profile is needed. */
    public Outcome submit(
            EgovPrincipal who,
            String bearerToken,
            Map<String, Object> claims,
            String dossierJson,
            List<MultipartFile> files,
            String idempotencyKey) {
        if (!who.hasRole("CITIZEN")) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        if (dossierJson == null || dossierJson.isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        // every limit is checked before anything is looked up or stored (the Idempotency-Key's by the controller)
        SubmissionRequest parsed = parts.read(dossierJson, SubmissionRequest.class);
        SubmissionChecks.Checked checked = checks.check(who, bearerToken, claims, parsed, files);
        String requestHash = requestHash(dossierJson, files);
        // a blank header is no key, as before egov-commons' store (which would answer it 400)
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        // the key is claimed in the storing transaction: a concurrent retry with the same key waits on it, then
        // replays; what is kept is the dossier's id, and a replay answers the dossier as it is now
        Stored stored = transactions.execute(tx -> {
            IdempotentRequests.Outcome<DossierRef> kept = idempotent.execute(
                    SCOPE + who.subject(),
                    key,
                    requestHash,
                    DossierRef.class,
                    () -> new DossierRef(dossiers.store(who, checked)));
            UUID id = kept.response().dossierId();
            String lookupSecret = lookupSecrets.of(id).orElseThrow();
            if (kept.replayed()) {
                return new Stored(store.find(id).orElseThrow(), lookupSecret, true);
            }
            // numbered last, once the key is recorded: from here to the commit the agency's other submissions of
            // the day wait for this one (DossierCodes.number)
            return new Stored(dossiers.number(who, checked, id), lookupSecret, false);
        });
        DossierRow dossier = stored.dossier();
        if (stored.replayed()) {
            PaymentLink link = fees.of(dossier.id()).payment();
            boolean pending = dossier.status() == Status.AWAITING_PAYMENT && link == null;
            return new Outcome(
                    new SubmissionResponse(
                            dossier.code(),
                            dossier.status().name(),
                            dossier.dueDate(),
                            link,
                            pending,
                            stored.lookupSecret()),
                    true);
        }
        PaymentLink link = null;
        boolean awaitingPayment = dossier.status() == Status.AWAITING_PAYMENT;
        if (awaitingPayment) {
            link = payments.requestOrder(dossier.code()).orElse(null);
        }
        return new Outcome(
                new SubmissionResponse(
                        dossier.code(),
                        dossier.status().name(),
                        dossier.dueDate(),
                        link,
                        awaitingPayment && link == null,
                        stored.lookupSecret()),
                false);
    }

    private static String requestHash(String dossierJson, List<MultipartFile> files) {
        StringBuilder all = new StringBuilder(dossierJson);
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            try {
                all.append('\n').append(file.getOriginalFilename()).append(':').append(Uploads.sha256(file.getBytes()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return Uploads.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }
}

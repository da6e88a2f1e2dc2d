package vn.egov.dossier.submission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.crypto.AesGcmSealer;
import vn.egov.commons.idempotency.IdempotentRequests;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.security.LevelOfAssurance;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.dossier.calendar.WorkingDayCalendar;
import vn.egov.dossier.dataprotection.FormDataSealer;
import vn.egov.dossier.document.AcceptedFile;
import vn.egov.dossier.document.DocumentStorage;
import vn.egov.dossier.document.Documents;
import vn.egov.dossier.document.PersonalDocuments;
import vn.egov.dossier.dossier.Actor;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;
import vn.egov.dossier.dossier.DossierTransitions.Role;
import vn.egov.dossier.dossier.DossierTransitions.Status;
import vn.egov.dossier.fee.DossierFees;
import vn.egov.dossier.fee.DossierPayments;
import vn.egov.dossier.fee.PaymentLink;
import vn.egov.dossier.identity.IdentityProfiles;
import vn.egov.dossier.input.InputLimits;
import vn.egov.dossier.input.JsonParts;
import vn.egov.dossier.intake.Intake;
import vn.egov.dossier.intake.Uploads;
import vn.egov.dossier.procedure.Procedure;
import vn.egov.dossier.procedure.ProcedureCatalogue;

/**
 * Accepts a dossier: checks it, then in one short transaction takes the next code, stores the dossier,
 * its documents, the first history row and the submitted event. A fee is requested from payment-service
 * after that commit (never inside it).
 */
@Service
public class SubmissionService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SubmissionService.class);

    /** {@code applicantBusinessTaxCode}: the business the citizen submits for (they must represent it), or null. */
    public record SubmissionRequest(
            @Size(max = InputLimits.CODE) String procedureCode,
            Map<String, Object> formData,
            @Size(max = InputLimits.LIST_ITEMS) List<Intake.@Valid DocumentRef> documents,
            @Size(max = InputLimits.TAX_CODE) String applicantBusinessTaxCode) {}

    /** The business a dossier is submitted for, as identity-service knows it. */
    public record Applicant(String businessTaxCode, String businessName) {
        static final Applicant SELF = new Applicant(null, null);
    }

    /** {@code paymentPending}: a fee is due and its payment link will follow (payment-service was not reachable). */
    public record SubmissionResponse(
            String code, String status, LocalDate dueDate, PaymentLink payment, boolean paymentPending) {}

    public record Outcome(SubmissionResponse response, boolean replayed) {}

    /** What egov-commons' Idempotency-Key store keeps of a submission (scope {@code dossier-submission:<subject>}). */
    record DossierRef(UUID dossierId) {}

    private record Stored(DossierRow dossier, boolean replayed) {}

    /** Keys are per citizen: one citizen's key never meets another's. */
    private static final String SCOPE = "dossier-submission:";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProcedureCatalogue catalogue;
    private final Intake intake;
    private final DossierCodes codes;
    private final DocumentStorage storage;
    private final DossierLifecycle lifecycle;
    private final DossierStore store;
    private final DossierPayments payments;
    private final DossierFees fees;
    private final WorkingDayCalendar calendar;
    private final JsonMapper json;
    private final Clock clock;
    private final IdentityProfiles identities;
    private final PersonalDocuments personalDocuments;
    private final FormDataSealer forms;
    private final JsonParts parts;
    private final IdempotentRequests idempotent;

    SubmissionService(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ProcedureCatalogue catalogue,
            Intake intake,
            DossierCodes codes,
            DocumentStorage storage,
            DossierLifecycle lifecycle,
            DossierStore store,
            DossierPayments payments,
            DossierFees fees,
            WorkingDayCalendar calendar,
            JsonMapper json,
            Clock clock,
            IdentityProfiles identities,
            PersonalDocuments personalDocuments,
            FormDataSealer forms,
            JsonParts parts,
            IdempotentRequests idempotent) {
        this.parts = parts;
        this.idempotent = idempotent;
        this.forms = forms;
        this.identities = identities;
        this.personalDocuments = personalDocuments;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.catalogue = catalogue;
        this.intake = intake;
        this.codes = codes;
        this.storage = storage;
        this.lifecycle = lifecycle;
        this.store = store;
        this.payments = payments;
        this.fees = fees;
        this.calendar = calendar;
        this.json = json;
        this.clock = clock;
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
        List<ApiProblem.FieldError> tooLarge = intake.checkFormSize(parsed.formData());
        if (!tooLarge.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation-failed", tooLarge, Map.of());
        }
        String requestHash = requestHash(dossierJson, files);
        // a blank header is no key, as before egov-commons' store (which would answer it 400)
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        Procedure procedure = Optional.ofNullable(parsed.procedureCode())
                .flatMap(catalogue::find)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "procedure-not-found", parsed.procedureCode()));
        LevelOfAssurance.require(who, procedure.requiredLevelOfAssurance());
        ProfileOnce profile = new ProfileOnce(identities, bearerToken);
        Applicant applicant = applicant(parsed.applicantBusinessTaxCode(), profile);
        Prefill.Result filled = Prefill.fill(
                procedure, parsed.formData(), who, claims == null ? Map.of() : claims, profile::ifAvailable);
        SubmissionRequest request = new SubmissionRequest(
                parsed.procedureCode(), filled.formData(), parsed.documents(), parsed.applicantBusinessTaxCode());
        List<ApiProblem.FieldError> errors = new ArrayList<>(intake.checkForm(procedure, request.formData()));
        List<AcceptedFile> accepted = intake.checkDocuments(
                request.documents(),
                files,
                procedure::document,
                procedure.documents().stream()
                        .filter(Procedure.RequiredDocument::mandatory)
                        .map(Procedure.RequiredDocument::code)
                        .toList(),
                errors,
                id -> personalDocuments.find(who.subject(), id));
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "dossier-invalid", errors, Map.of());
        }
        long fee = procedure.feeFor(request.formData());
        // the key is claimed in the storing transaction: a concurrent retry with the same key waits on it, then
        // replays; what is kept is the dossier's id, and a replay answers the dossier as it is now
        Stored stored = transactions.execute(tx -> {
            IdempotentRequests.Outcome<DossierRef> kept = idempotent.execute(
                    SCOPE + who.subject(),
                    key,
                    requestHash,
                    DossierRef.class,
                    () -> new DossierRef(store(who, applicant, procedure, request, accepted, fee, filled.prefilled())
                            .id()));
            return new Stored(store.find(kept.response().dossierId()).orElseThrow(), kept.replayed());
        });
        DossierRow dossier = stored.dossier();
        if (stored.replayed()) {
            PaymentLink link = fees.of(dossier.id()).payment();
            boolean pending = dossier.status() == Status.AWAITING_PAYMENT && link == null;
            return new Outcome(
                    new SubmissionResponse(dossier.code(), dossier.status().name(), dossier.dueDate(), link, pending),
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
                        awaitingPayment && link == null),
                false);
    }

    /**
     * The applicant: the citizen themselves, or a business they represent as identity-service says (asked with
     * the citizen's own token). Without that answer a business cannot be the applicant: 503, try again.
     */
    private Applicant applicant(String taxCode, ProfileOnce profiles) {
        if (taxCode == null || taxCode.isBlank()) {
            return Applicant.SELF;
        }
        String wanted = taxCode.trim();
        IdentityProfiles.Profile profile;
        try {
            profile = profiles.required();
        } catch (IdentityProfiles.IdentityUnavailableException e) {
            log.warn("identity-service unavailable for a business submission: {}", e.getMessage());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable");
        }
        return profile.business(wanted)
                .map(b -> new Applicant(b.taxCode(), b.name()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "not-business-representative", wanted));
    }

    private DossierRow store(
            EgovPrincipal who,
            Applicant applicant,
            Procedure procedure,
            SubmissionRequest request,
            List<AcceptedFile> files,
            long fee,
            List<String> prefilled) {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, VietnamTime.ZONE);
        String code = codes.next(procedure.agencyCode(), today);
        // full-process online: not received until paid; partial online: the fee may be paid at the desk
        Status status =
                fee > 0 && procedure.mode() == Procedure.Mode.FULL_ONLINE ? Status.AWAITING_PAYMENT : Status.SUBMITTED;
        // provisional appointment; fixed on receipt (received date + the procedure's working days)
        LocalDate due = calendar.addWorkingDays(today, procedure.processingDays());
        UUID id = UUID.randomUUID();
        // personal data: sealed, bound to this dossier; form_data keeps only {} (see FormDataSealer)
        AesGcmSealer.Sealed form =
                forms.seal(id, json.writeValueAsString(request.formData() == null ? Map.of() : request.formData()));
        jdbc.sql("""
                        insert into dossier (id, code, procedure_code, procedure_name, agency_code, agency_name,
                                             applicant_subject, status, submitted_at, due_date, form_data, form_data_sealed,
                                             data_key_id, business_tax_code, business_name)
                        values (:id, :code, :procedure, :procedureName, :agency, :agencyName, :applicant, :status, :at,
                                :due, '{}', :form, :keyId, :businessTaxCode, :businessName)""")
                .param("id", id)
                .param("code", code)
                .param("procedure", procedure.code())
                .param("procedureName", procedure.name())
                .param("agency", procedure.agencyCode())
                .param("agencyName", procedure.agencyName())
                .param("applicant", who.subject())
                .param("status", status.name())
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("due", due)
                .param("form", form.bytes())
                .param("keyId", form.keyId())
                .param("businessTaxCode", applicant.businessTaxCode())
                .param("businessName", applicant.businessName())
                .update();
        fees.open(id, fee);
        DossierRow dossier = store.find(code).orElseThrow();
        Documents.store(jdbc, storage, id, files, "SUBMITTED", who.subject(), now);
        lifecycle.submitted(
                dossier,
                new Actor(who.subject(), Role.OWNER),
                DossierLifecycleEventV1.SUBMITTED,
                prefilled.isEmpty() ? Map.of() : Map.of("prefilled", prefilled));
        return dossier;
    }

    /** The citizen's profile at identity-service, asked at most once per submission and only if needed. */
    private static final class ProfileOnce {
        private final IdentityProfiles identities;
        private final String bearerToken;
        private IdentityProfiles.Profile profile;
        private IdentityProfiles.IdentityUnavailableException failure;

        ProfileOnce(IdentityProfiles identities, String bearerToken) {
            this.identities = identities;
            this.bearerToken = bearerToken;
        }

        IdentityProfiles.Profile required() {
            if (profile == null && failure == null) {
                try {
                    profile = identities.me(bearerToken);
                } catch (IdentityProfiles.IdentityUnavailableException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return profile;
        }

        /** For prefill: degrade to the token's claims when identity-service cannot answer. */
        Optional<IdentityProfiles.Profile> ifAvailable() {
            try {
                return Optional.of(required());
            } catch (IdentityProfiles.IdentityUnavailableException e) {
                log.info("identity-service unavailable, prefilling from the token: {}", e.getMessage());
                return Optional.empty();
            }
        }
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

package vn.egov.dossier.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.crypto.AesGcmSealer;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.time.VietnamTime;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.dossier.calendar.Deadline;
import vn.egov.dossier.calendar.Deadlines;
import vn.egov.dossier.dataprotection.ApplicantIndex;
import vn.egov.dossier.dataprotection.FormDataSealer;
import vn.egov.dossier.document.DocumentStorage;
import vn.egov.dossier.document.Documents;
import vn.egov.dossier.dossier.Actor;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;
import vn.egov.dossier.dossier.DossierTransitions.Role;
import vn.egov.dossier.dossier.DossierTransitions.Status;
import vn.egov.dossier.fee.DossierFees;
import vn.egov.dossier.procedure.Procedure;
import vn.egov.dossier.submission.SubmissionChecks.Checked;
import vn.egov.dossier.tracking.LookupSecrets;

/**
 * Stores a checked submission in the caller's transaction, in two steps: {@link #store} the row (form sealed, a
 * provisional code), its fee, its public lookup secret and its documents; then, as late as the caller can,
 * {@link #number} its code, the first history row and the submitted event.
 */
@Component
class SubmittedDossiers {

    private final JdbcClient jdbc;
    private final DossierCodes codes;
    private final Deadlines deadlines;
    private final FormDataSealer forms;
    private final JsonMapper json;
    private final DossierFees fees;
    private final DocumentStorage storage;
    private final DossierStore store;
    private final DossierLifecycle lifecycle;
    private final LookupSecrets lookupSecrets;
    private final ApplicantIndex applicantIndex;
    private final Clock clock;

    SubmittedDossiers(
            JdbcClient jdbc,
            DossierCodes codes,
            Deadlines deadlines,
            FormDataSealer forms,
            JsonMapper json,
            DossierFees fees,
            DocumentStorage storage,
            DossierStore store,
            DossierLifecycle lifecycle,
            LookupSecrets lookupSecrets,
            ApplicantIndex applicantIndex,
            Clock clock) {
        this.applicantIndex = applicantIndex;
        this.jdbc = jdbc;
        this.codes = codes;
        this.deadlines = deadlines;
        this.forms = forms;
        this.json = json;
        this.fees = fees;
        this.storage = storage;
        this.store = store;
        this.lifecycle = lifecycle;
        this.lookupSecrets = lookupSecrets;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    UUID store(EgovPrincipal who, Checked submission) {
        Procedure procedure = submission.procedure();
        long fee = submission.feeVnd();
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, VietnamTime.ZONE);
        // a service centre that receives the agency's online dossiers of this procedure numbers them (decision 61)
        Procedure.Offering receivedBy = procedure.agencies().stream()
                .filter(o ->
                        o.agencyCode().equals(procedure.agencyCode()) && o.validOn(today) && o.receivedBy() != null)
                .findFirst()
                .orElse(null);
        // full-process online: not received until paid; partial online: the fee may be paid at the desk
        Status status =
                fee > 0 && procedure.mode() == Procedure.Mode.FULL_ONLINE ? Status.AWAITING_PAYMENT : Status.SUBMITTED;
        // provisional appointment, counted from the submission; fixed on receipt (counted from the receipt)
        Deadline deadline = deadlines.due(now, procedure.timeLimit(), procedure.agencyCode());
        LocalDate due = deadline.dueDate();
        UUID id = UUID.randomUUID();
        Map<String, Object> formData = submission.request().formData();
        // personal data: sealed, bound to this dossier; form_data keeps only {} (see FormDataSealer)
        AesGcmSealer.Sealed form = forms.seal(id, json.writeValueAsString(formData == null ? Map.of() : formData));
        jdbc.sql("""
                        insert into dossier (id, code, procedure_code, procedure_name, agency_code, agency_name,
                                             applicant_subject, status, submitted_at, due_date, due_at, form_data, form_data_sealed,
                                             data_key_id, business_tax_code, business_name, case_code, case_name,
                                             receiving_agency_code, receiving_agency_name)
                        values (:id, :code, :procedure, :procedureName, :agency, :agencyName, :applicant, :status, :at,
                                :due, :dueAt, '{}', :form, :keyId, :businessTaxCode, :businessName, :caseCode,
                                :caseName, :receivingCode, :receivingName)""")
                .param("receivingCode", receivedBy == null ? null : receivedBy.receivedBy())
                .param("receivingName", receivedBy == null ? null : receivedBy.receivedByName())
                .param("id", id)
                .param("code", DossierCodes.provisional(id))
                .param("procedure", procedure.code())
                .param("procedureName", procedure.name())
                .param("agency", procedure.agencyCode())
                .param("agencyName", procedure.agencyName())
                .param("applicant", who.subject())
                .param("status", status.name())
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("due", due)
                .param("dueAt", OffsetDateTime.ofInstant(deadline.dueAt(), ZoneOffset.UTC))
                .param("form", form.bytes())
                .param("keyId", form.keyId())
                .param("businessTaxCode", submission.applicant().businessTaxCode())
                .param("businessName", submission.applicant().businessName())
                .param(
                        "caseCode",
                        submission.submittedCase() == null
                                ? null
                                : submission.submittedCase().code())
                .param(
                        "caseName",
                        submission.submittedCase() == null
                                ? null
                                : submission.submittedCase().name())
                .update();
        // the desk's search by the applicant's CCCD (the citizen's username) or name: keyed hashes only
        applicantIndex.record(id, who.username(), submission.applicantFullName());
        // before the first event, which names the fee
        fees.open(id, fee);
        lookupSecrets.issue(id);
        Documents.store(jdbc, storage, id, submission.files(), "SUBMITTED", who.subject(), now);
        return id;
    }

    /**
     * Numbers the dossier {@link #store} wrote and records its submission (the history row and the submitted event),
     * in the same transaction; answers the row as numbered. The last thing the transaction does: from the number on,
     * the agency's other submissions of the day wait for this one to commit (DossierCodes.number).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    DossierRow number(EgovPrincipal who, Checked submission, UUID id) {
        DossierRow unnumbered = store.find(id).orElseThrow();
        String numberedBy =
                unnumbered.receivingAgencyCode() == null ? unnumbered.agencyCode() : unnumbered.receivingAgencyCode();
        String code = codes.number(id, numberedBy, LocalDate.ofInstant(unnumbered.submittedAt(), VietnamTime.ZONE));
        DossierRow dossier = unnumbered.withCode(code);
        lifecycle.submitted(
                dossier,
                new Actor(who.subject(), Role.OWNER),
                DossierLifecycleEventV1.SUBMITTED,
                submission.prefilled().isEmpty() ? Map.of() : Map.of("prefilled", submission.prefilled()));
        return dossier;
    }
}

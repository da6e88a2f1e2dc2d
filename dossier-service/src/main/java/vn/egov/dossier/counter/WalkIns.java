package vn.egov.dossier.counter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.dossier.calendar.Deadline;
import vn.egov.dossier.calendar.Deadlines;
import vn.egov.dossier.dataprotection.ApplicantIdentities;
import vn.egov.dossier.dataprotection.ApplicantIndex;
import vn.egov.dossier.dataprotection.FormDataSealer;
import vn.egov.dossier.document.AcceptedFile;
import vn.egov.dossier.document.DocumentStorage;
import vn.egov.dossier.document.Documents;
import vn.egov.dossier.dossier.Actor;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;
import vn.egov.dossier.dossier.DossierTransitions;
import vn.egov.dossier.dossier.DossierTransitions.Action;
import vn.egov.dossier.dossier.DossierTransitions.Role;
import vn.egov.dossier.dossier.DossierTransitions.Status;
import vn.egov.dossier.fee.DossierFees;
import vn.egov.dossier.identity.AgencyRegistry;
import vn.egov.dossier.identity.IdentityProfiles;
import vn.egov.dossier.input.InputLimits;
import vn.egov.dossier.input.JsonParts;
import vn.egov.dossier.intake.Intake;
import vn.egov.dossier.intake.Uploads;
import vn.egov.dossier.procedure.Channel;
import vn.egov.dossier.procedure.Procedure;
import vn.egov.dossier.procedure.ProcedureCatalogue;
import vn.egov.dossier.submission.DossierCodes;
import vn.egov.dossier.tracking.LookupSecrets;

/**
 * Dossiers taken at the counter by an officer of the procedure's agency (channel DIRECT): a complete one is stored and
 * received at once (history: {@code submit} then {@code receive}, both by the officer; the receipt's due time from the
 * deadline engine); an incomplete one is recorded as counter guidance (status GUIDED, history
 * {@code counter-guidance} with the reason and the missing documents; nothing received, no appointment). Everything
 * is checked before anything is stored; the {@code Idempotency-Key} is claimed in the storing transaction, per
 * officer. The applicant is not a platform account: the row's {@code applicant_subject} is {@code walk-in:<id>} until
 * the person claims it ({@code tracking.WalkInClaims}).
 */
@Service
class WalkIns {

    /**
     * Part {@code dossier} of {@code POST /api/v1/desk/dossiers}. {@code channel}: {@code DIRECT} (the applicant at the
     * counter; the default) or {@code POSTAL} (received through the postal service), which may set another fee and
     * time limit (decision 56). {@code agencyCode}: the agency that handles it, when it is not the officer's own: an
     * officer of a service centre receives for any agency of the province that offers the procedure (decision 57).
     * {@code caseCode}: the procedure's case (trường hợp), required when it has cases (decision 58).
     */
    public record WalkInRequest(
            @Valid WalkInApplicant applicant,
            @Size(max = InputLimits.CODE) String procedureCode,
            Map<String, Object> formData,
            @Size(max = InputLimits.LIST_ITEMS) List<@Valid ScannedDocument> documents,
            @Size(max = 10) String channel,
            @Size(max = InputLimits.CODE) String agencyCode,
            @Size(max = InputLimits.CODE) String caseCode) {}

    /**
     * The procedure as the handling agency offers it, and the service centre that receives it for that agency (null:
     * the agency receives it itself).
     */
    record Handling(Procedure procedure, AgencyRegistry.Agency centre) {}

    /** A paper scanned at the counter: {@code copyKind} ORIGINAL (scanned from the original) or COPY. */
    public record ScannedDocument(
            @Size(max = InputLimits.CODE) String requirementCode,
            @Size(max = InputLimits.FILE_NAME) String fileName,
            @Size(max = 10) String copyKind) {}

    /**
     * Body of {@code POST /api/v1/desk/guidance}. {@code agencyCode}: as for a walk-in, the agency that would handle the
     * dossier when a service centre guides for it (decision 57); {@code caseCode} as for a walk-in: the missing
     * documents are those of that case.
     */
    public record GuidanceRequest(
            @Valid WalkInApplicant applicant,
            @Size(max = InputLimits.CODE) String procedureCode,
            @Size(max = InputLimits.LIST_ITEMS) List<@Size(max = InputLimits.CODE) String> missingDocuments,
            @Size(max = InputLimits.REASON) String reason,
            @Size(max = InputLimits.NOTE) String note,
            @Size(max = InputLimits.CODE) String agencyCode,
            @Size(max = InputLimits.CODE) String caseCode) {}

    /**
     * The answer to both: RECEIVED with its receipt date and due time, or GUIDED with what is missing (no dates).
     * {@code lookupSecret} opens the public lookup with the code (printed on Mẫu 01).
     */
    public record CounterResponse(
            String code,
            String status,
            String channel,
            LocalDate receivedDate,
            LocalDate dueDate,
            Instant dueAt,
            long feeVnd,
            List<String> missingDocuments,
            String lookupSecret) {}

    public record Outcome(CounterResponse response, boolean replayed) {}

    record DossierRef(UUID dossierId) {}

    /** Counter guidance is given to someone at the counter. */
    static final String CHANNEL = "DIRECT";

    static final String GUIDANCE = "counter-guidance";

    private final JsonParts parts;
    private final ProcedureCatalogue catalogue;
    private final Intake intake;
    private final JdbcClient jdbc;
    private final DossierCodes codes;
    private final Deadlines deadlines;
    private final FormDataSealer forms;
    private final ApplicantIdentities identities;
    private final ApplicantIndex applicantIndex;
    private final JsonMapper json;
    private final DossierFees fees;
    private final DocumentStorage storage;
    private final DossierStore store;
    private final DossierLifecycle lifecycle;
    private final LookupSecrets lookupSecrets;
    private final TransactionTemplate transactions;
    private final IdempotentRequests idempotent;
    private final AgencyRegistry registry;
    private final Clock clock;

    WalkIns(
            JsonParts parts,
            ProcedureCatalogue catalogue,
            Intake intake,
            JdbcClient jdbc,
            DossierCodes codes,
            Deadlines deadlines,
            FormDataSealer forms,
            ApplicantIdentities identities,
            ApplicantIndex applicantIndex,
            JsonMapper json,
            DossierFees fees,
            DocumentStorage storage,
            DossierStore store,
            DossierLifecycle lifecycle,
            LookupSecrets lookupSecrets,
            TransactionTemplate transactions,
            IdempotentRequests idempotent,
            AgencyRegistry registry,
            Clock clock) {
        this.registry = registry;
        this.parts = parts;
        this.catalogue = catalogue;
        this.intake = intake;
        this.jdbc = jdbc;
        this.codes = codes;
        this.deadlines = deadlines;
        this.forms = forms;
        this.identities = identities;
        this.applicantIndex = applicantIndex;
        this.json = json;
        this.fees = fees;
        this.storage = storage;
        this.store = store;
        this.lifecycle = lifecycle;
        this.lookupSecrets = lookupSecrets;
        this.transactions = transactions;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    Outcome intake(EgovPrincipal officer, String dossierJson, List<MultipartFile> files, String idempotencyKey) {
        requireOfficer(officer);
        WalkInRequest request = parts.read(dossierJson, WalkInRequest.class);
        if (request == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        List<ApiProblem.FieldError> tooLarge = intake.checkFormSize(request.formData());
        if (!tooLarge.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation-failed", tooLarge, Map.of());
        }
        Channel channel = channel(request.channel());
        Handling handling = handling(officer, request.procedureCode(), request.agencyCode());
        Procedure.Case chosen =
                intake.chosenCase(handling.procedure(), request.caseCode()).orElse(null);
        Procedure procedure = handling.procedure()
                .inCase(chosen == null ? null : chosen.code())
                // the terms in force today: the day the dossier is submitted (decision 59)
                .through(channel, LocalDate.ofInstant(Instant.now(clock), VietnamTime.ZONE));
        List<ApiProblem.FieldError> errors = new ArrayList<>(applicantErrors(request.applicant()));
        errors.addAll(intake.checkForm(procedure, request.formData()));
        List<ScannedDocument> scanned = request.documents() == null ? List.of() : request.documents();
        List<Intake.DocumentRef> refs = new ArrayList<>();
        for (int i = 0; i < scanned.size(); i++) {
            ScannedDocument d = scanned.get(i);
            if (d == null) {
                errors.add(intake.error("documents[" + i + "]", "required"));
                continue;
            }
            if (copyKind(d) == null) {
                errors.add(intake.error("documents[" + i + "].copyKind", "invalid-copy-kind"));
            }
            refs.add(new Intake.DocumentRef(d.requirementCode(), d.fileName()));
        }
        List<AcceptedFile> accepted = intake.checkDocuments(
                refs,
                files,
                procedure::document,
                procedure.documents().stream()
                        .filter(Procedure.RequiredDocument::mandatory)
                        .map(Procedure.RequiredDocument::code)
                        .toList(),
                errors,
                Intake.UPLOADS_ONLY);
        fail(errors);
        WalkInApplicant applicant = request.applicant().normalised();
        String hash = requestHash(dossierJson, files);
        return stored(
                officer,
                "desk-intake:",
                idempotencyKey,
                hash,
                () -> received(
                        officer,
                        procedure,
                        chosen,
                        handling.centre(),
                        channel,
                        applicant,
                        request.formData(),
                        accepted,
                        scanned));
    }

    Outcome guidance(EgovPrincipal officer, GuidanceRequest request, String idempotencyKey) {
        requireOfficer(officer);
        if (request == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        Handling handling = handling(officer, request.procedureCode(), request.agencyCode());
        Procedure.Case chosen =
                intake.chosenCase(handling.procedure(), request.caseCode()).orElse(null);
        Procedure procedure = handling.procedure().inCase(chosen == null ? null : chosen.code());
        List<ApiProblem.FieldError> errors = new ArrayList<>(applicantErrors(request.applicant()));
        List<String> missing = request.missingDocuments() == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.missingDocuments()));
        if (missing.isEmpty()) {
            errors.add(intake.error("missingDocuments", "required"));
        }
        for (String m : missing) {
            if (m == null || procedure.document(m).isEmpty()) {
                errors.add(intake.error("missingDocuments", "unknown-requirement", String.valueOf(m)));
            }
        }
        if (WalkInApplicant.blank(request.reason())) {
            errors.add(intake.error("reason", "required"));
        }
        fail(errors);
        WalkInApplicant applicant = request.applicant().normalised();
        String hash = Uploads.sha256(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
        return stored(
                officer,
                "desk-guidance:",
                idempotencyKey,
                hash,
                () -> guided(
                        officer,
                        procedure,
                        chosen,
                        handling.centre(),
                        applicant,
                        missing,
                        request.reason(),
                        request.note()));
    }

    private Outcome stored(
            EgovPrincipal officer,
            String scope,
            String idempotencyKey,
            String requestHash,
            java.util.function.Supplier<UUID> store) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        return transactions.execute(tx -> {
            IdempotentRequests.Outcome<DossierRef> kept = idempotent.execute(
                    scope + officer.subject(), key, requestHash, DossierRef.class, () -> new DossierRef(store.get()));
            return new Outcome(response(kept.response().dossierId()), kept.replayed());
        });
    }

    private CounterResponse response(UUID id) {
        DossierRow d = store.find(id).orElseThrow();
        // null for a guided dossier (no appointment)
        Instant dueAt = jdbc.sql("select due_at from dossier where id = ?")
                .param(id)
                .query((rs, i) -> {
                    java.sql.Timestamp at = rs.getTimestamp(1);
                    return at == null ? null : at.toInstant();
                })
                .list()
                .get(0);
        return new CounterResponse(
                d.code(),
                d.status().name(),
                d.channel(),
                d.receivedDate(),
                d.dueDate(),
                dueAt,
                fees.amountVnd(id),
                d.missingDocuments(),
                lookupSecrets.of(id).orElseThrow());
    }

    /** Stores the dossier and receives it, in the caller's transaction. */
    private UUID received(
            EgovPrincipal officer,
            Procedure procedure,
            Procedure.Case chosen,
            AgencyRegistry.Agency centre,
            Channel channel,
            WalkInApplicant applicant,
            Map<String, Object> formData,
            List<AcceptedFile> files,
            List<ScannedDocument> scanned) {
        Instant now = Instant.now(clock);
        UUID id = insert(
                officer,
                procedure,
                chosen,
                centre,
                channel.name(),
                applicant,
                formData,
                Status.SUBMITTED,
                List.of(),
                now);
        fees.open(id, procedure.feeFor(formData));
        lookupSecrets.issue(id);
        Documents.store(jdbc, storage, id, files, "SUBMITTED", officer.subject(), now);
        for (ScannedDocument d : scanned) {
            jdbc.sql("""
                            update dossier_document set copy_kind = ?
                            where dossier_id = ? and requirement_code = ? and file_name = ?""")
                    .params(copyKind(d), id, d.requirementCode(), d.fileName())
                    .update();
        }
        number(id, procedure, centre, now);
        Actor actor = new Actor(officer.subject(), Role.OFFICER);
        DossierRow dossier = store.find(id).orElseThrow();
        lifecycle.submitted(
                dossier,
                actor,
                DossierLifecycleEventV1.SUBMITTED,
                centre == null
                        ? Map.of("channel", channel.name())
                        : Map.of("channel", channel.name(), "receivedBy", centre.code()));
        // received at once: the deadline counts from now, in the agency's working time
        Deadline due = deadlines.due(now, procedure.timeLimit(), procedure.agencyCode());
        jdbc.sql("update dossier set received_at = ?, received_date = ? where id = ?")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), LocalDate.ofInstant(now, VietnamTime.ZONE), id)
                .update();
        lifecycle.apply(
                dossier,
                DossierTransitions.find(Status.SUBMITTED, Action.RECEIVE, Role.OFFICER)
                        .orElseThrow(),
                actor,
                DossierLifecycle.Change.of(null, null, due.dueDate()).withDueAt(due.dueAt()));
        return id;
    }

    /** Records the guidance, in the caller's transaction: nothing received, no appointment, no fee. */
    private UUID guided(
            EgovPrincipal officer,
            Procedure procedure,
            Procedure.Case chosen,
            AgencyRegistry.Agency centre,
            WalkInApplicant applicant,
            List<String> missing,
            String reason,
            String note) {
        Instant now = Instant.now(clock);
        UUID id = insert(officer, procedure, chosen, centre, CHANNEL, applicant, Map.of(), Status.GUIDED, missing, now);
        fees.open(id, 0);
        lookupSecrets.issue(id);
        number(id, procedure, centre, now);
        lifecycle.started(
                store.find(id).orElseThrow(),
                GUIDANCE,
                new Actor(officer.subject(), Role.OFFICER),
                new DossierLifecycle.Change(
                        reason,
                        note,
                        null,
                        missing,
                        centre == null
                                ? Map.of("channel", CHANNEL)
                                : Map.of("channel", CHANNEL, "receivedBy", centre.code())));
        return id;
    }

    private UUID insert(
            EgovPrincipal officer,
            Procedure procedure,
            Procedure.Case chosen,
            AgencyRegistry.Agency centre,
            String channel,
            WalkInApplicant applicant,
            Map<String, Object> formData,
            Status status,
            List<String> missing,
            Instant now) {
        UUID id = UUID.randomUUID();
        AesGcmSealer.Sealed form = forms.seal(id, json.writeValueAsString(formData == null ? Map.of() : formData));
        jdbc.sql("""
                        insert into dossier (id, code, procedure_code, procedure_name, agency_code, agency_name,
                                             applicant_subject, status, submitted_at, form_data, form_data_sealed,
                                             data_key_id, channel, missing_documents, receiving_agency_code,
                                             receiving_agency_name, case_code, case_name)
                        values (:id, :code, :procedure, :procedureName, :agency, :agencyName, :applicant, :status, :at,
                                '{}', :form, :keyId, :channel, :missing::text[], :centre, :centreName, :caseCode,
                                :caseName)""")
                .param("caseCode", chosen == null ? null : chosen.code())
                .param("caseName", chosen == null ? null : chosen.name())
                .param("centre", centre == null ? null : centre.code())
                .param("centreName", centre == null ? null : centre.name())
                .param("id", id)
                .param("channel", channel)
                .param("code", DossierCodes.provisional(id))
                .param("procedure", procedure.code())
                .param("procedureName", procedure.name())
                .param("agency", procedure.agencyCode())
                .param("agencyName", procedure.agencyName())
                // no account yet: the person claims it once verified (tracking.WalkInClaims)
                .param("applicant", "walk-in:" + id)
                .param("status", status.name())
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("form", form.bytes())
                .param("keyId", form.keyId())
                .param("missing", missing.toArray(String[]::new))
                .update();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("nationalId", applicant.nationalId());
        person.put("fullName", applicant.fullName());
        person.put("dateOfBirth", applicant.dateOfBirth());
        person.put("sex", applicant.sex());
        person.put("phone", applicant.phone());
        person.put("email", applicant.email());
        AesGcmSealer.Sealed sealed = identities.seal(id, json.writeValueAsString(person));
        jdbc.sql("""
                        insert into walk_in_applicant (dossier_id, national_id_hash, sealed, data_key_id, received_by)
                        values (?, ?, ?, ?, ?)""")
                .params(id, identities.hash(applicant.nationalId()), sealed.bytes(), sealed.keyId(), officer.subject())
                .update();
        // the desk's search by the applicant's CCCD or name (keyed hashes only)
        applicantIndex.record(id, applicant.nationalId(), applicant.fullName());
        return id;
    }

    /**
     * Numbers the dossier (DossierCodes.number), by the unit that receives it: the service centre when one receives for
     * the agency. Once its other rows are written: the unit's other dossiers of the day wait for this one from here.
     */
    private void number(UUID id, Procedure procedure, AgencyRegistry.Agency centre, Instant now) {
        codes.number(
                id,
                centre == null ? procedure.agencyCode() : centre.code(),
                LocalDate.ofInstant(now, VietnamTime.ZONE));
    }

    private static void requireOfficer(EgovPrincipal who) {
        if (!who.hasRole("OFFICER") || who.agency() == null || who.agency().isBlank()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
    }

    /**
     * The procedure as the officer's agency offers it (its dossiers are theirs to receive): an offering valid today.
     * At the counter an offering counts even when it does not receive online.
     */
    private Procedure procedure(EgovPrincipal officer, String procedureCode) {
        Procedure procedure = Optional.ofNullable(procedureCode)
                .flatMap(catalogue::find)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "procedure-not-found", procedureCode));
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), VietnamTime.ZONE);
        return procedure
                .offering(officer.agency())
                .filter(o -> o.validOn(today))
                .map(procedure::at)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "dossier-invalid",
                        List.of(intake.error("procedureCode", "procedure-of-another-agency", procedure.code())),
                        Map.of()));
    }

    /**
     * Who handles the dossier. The officer's own agency when {@code agencyCode} is left out or names it. Another agency
     * only when the officer's is a service centre of the registry (identity-service: 503 when it cannot answer), the
     * agency is of the same province (the last part of the code, {@code H26}) and offers the procedure today; the
     * dossier is then that agency's, received by the centre. Anything else is a 422 on {@code agencyCode}.
     */
    private Handling handling(EgovPrincipal officer, String procedureCode, String agencyCode) {
        if (agencyCode == null || agencyCode.isBlank() || agencyCode.equals(officer.agency())) {
            return new Handling(procedure(officer, procedureCode), null);
        }
        Procedure listed = Optional.ofNullable(procedureCode)
                .flatMap(catalogue::find)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "procedure-not-found", procedureCode));
        AgencyRegistry.Agency centre;
        try {
            centre = registry.serviceCentres().get(officer.agency());
        } catch (IdentityProfiles.IdentityUnavailableException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "agency-registry-unavailable");
        }
        if (centre == null || !centre.receivesForOthers()) {
            throw agencyInvalid("not-a-service-centre", agencyCode);
        }
        if (!AgencyRegistry.sameProvince(agencyCode, officer.agency())) {
            throw agencyInvalid("agency-of-another-province", agencyCode);
        }
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), VietnamTime.ZONE);
        return listed.offering(agencyCode)
                .filter(o -> o.validOn(today))
                .map(o -> new Handling(listed.at(o), centre))
                .orElseThrow(() -> agencyInvalid("agency-does-not-offer", agencyCode));
    }

    private ApiProblem agencyInvalid(String code, String agencyCode) {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "dossier-invalid",
                List.of(intake.error("agencyCode", code, agencyCode)),
                Map.of());
    }

    /** DIRECT when left out; POSTAL for a dossier received by post; anything else a 422 on {@code channel}. */
    private Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return Channel.DIRECT;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "DIRECT" -> Channel.DIRECT;
            case "POSTAL" -> Channel.POSTAL;
            default ->
                throw new ApiProblem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "dossier-invalid",
                        List.of(intake.error("channel", "invalid-desk-channel")),
                        Map.of());
        };
    }

    private List<ApiProblem.FieldError> applicantErrors(WalkInApplicant applicant) {
        if (applicant == null) {
            return List.of(intake.error("applicant", "required"));
        }
        return applicant.check(LocalDate.ofInstant(Instant.now(clock), VietnamTime.ZONE), intake::error);
    }

    private static String copyKind(ScannedDocument d) {
        if (d.copyKind() == null) {
            return null;
        }
        String kind = d.copyKind().strip().toUpperCase(Locale.ROOT);
        return kind.equals("ORIGINAL") || kind.equals("COPY") ? kind : null;
    }

    private static void fail(List<ApiProblem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "dossier-invalid", errors, Map.of());
        }
    }

    private static String requestHash(String dossierJson, List<MultipartFile> files) {
        StringBuilder all = new StringBuilder(dossierJson);
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            try {
                all.append('\n').append(file.getOriginalFilename()).append(':').append(Uploads.sha256(file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Uploads.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }
}

package vn.egov.dossier.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.dataprotection.FormDataSealer;
import vn.egov.dossier.desk.DossierActions;
import vn.egov.dossier.document.DocumentStorage;
import vn.egov.dossier.document.Documents;
import vn.egov.dossier.dossier.DossierAccess;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;
import vn.egov.dossier.fee.DossierFees;
import vn.egov.dossier.fee.Fee;
import vn.egov.dossier.fee.PaymentLink;
import vn.egov.dossier.input.InputLimits;
import vn.egov.dossier.input.JsonParts;
import vn.egov.dossier.submission.SubmissionService;

/** Submission, the full dossier, its history and documents, lifecycle actions and supplements. */
@RestController
class DossierController {

    record DossierView(
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
            List<DossierViews.DocumentView> documents,
            String businessTaxCode,
            String businessName) {}

    private final SubmissionService submissions;
    private final DossierActions actions;
    private final DossierStore store;
    private final DocumentStorage storage;
    private final DossierViews views;
    private final JsonMapper json;
    private final Clock clock;
    private final FormDataSealer forms;
    private final JsonParts parts;
    private final DossierFees fees;

    DossierController(
            SubmissionService submissions,
            DossierActions actions,
            DossierStore store,
            DocumentStorage storage,
            DossierViews views,
            JsonMapper json,
            Clock clock,
            FormDataSealer forms,
            JsonParts parts,
            DossierFees fees) {
        this.parts = parts;
        this.fees = fees;
        this.forms = forms;
        this.submissions = submissions;
        this.actions = actions;
        this.store = store;
        this.storage = storage;
        this.views = views;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Submit a dossier (citizen)",
            description = "Multipart: part `dossier` (JSON "
                    + "{\"procedureCode\", \"formData\": {…}, \"documents\": [{\"requirementCode\", \"fileName\"} or "
                    + "{\"requirementCode\", \"storedDocumentId\"}], \"applicantBusinessTaxCode\"?}) and one `files` part per "
                    + "uploaded document, named by its fileName. A storedDocumentId reuses a document of the citizen's own store "
                    + "(GET /api/v1/documents) without uploading it again. Idempotency-Key: same key and body → the same dossier. "
                    + "Limits (400 validation-failed naming the field): procedureCode ≤ 64, applicantBusinessTaxCode ≤ 14, "
                    + "documents ≤ 50 items (requirementCode ≤ 64, fileName ≤ 255, storedDocumentId ≤ 64); formData ≤ 100 fields, "
                    + "names ≤ 100 characters, each value text/number/boolean ≤ 4000 characters, ≤ 64 KiB in all; the `dossier` "
                    + "part ≤ 2 MB (413). Files: see the service README.")
    ResponseEntity<SubmissionService.SubmissionResponse> submit(
            @AuthenticationPrincipal Jwt jwt,
            @RequestPart("dossier") @Schema(implementation = SubmissionService.SubmissionRequest.class) String dossier,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = InputLimits.IDEMPOTENCY_KEY)
                    String key) {
        SubmissionService.Outcome outcome =
                submissions.submit(EgovPrincipal.from(jwt), jwt.getTokenValue(), jwt.getClaims(), dossier, files, key);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
                .location(java.net.URI.create(
                        "/api/v1/dossiers/" + outcome.response().code()));
        if (outcome.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(outcome.response());
    }

    @GetMapping("/api/v1/dossiers/{code}")
    @Operation(summary = "The full dossier (owner, officers and approvers of the handling agency)")
    DossierView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String code) {
        return view(visible(jwt, code));
    }

    @GetMapping("/api/v1/dossiers/{code}/history")
    @Operation(summary = "Every transition of the dossier")
    List<DossierViews.HistoryEntry> history(@AuthenticationPrincipal Jwt jwt, @PathVariable String code) {
        DossierRow d = visible(jwt, code);
        return views.history(d.id());
    }

    @GetMapping("/api/v1/dossiers/{code}/documents/{id}")
    @Operation(summary = "One document's file")
    ResponseEntity<byte[]> document(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String code, @PathVariable String id) {
        DossierRow d = visible(jwt, code);
        UUID documentId;
        try {
            documentId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "document-not-found", id);
        }
        DossierViews.DocumentView doc = documents(d.id()).stream()
                .filter(x -> x.id().equals(documentId))
                .findFirst()
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "document-not-found", id));
        byte[] content = storage.load(documentId)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "document-not-found", id));
        return Documents.download(doc.fileName(), doc.contentType(), doc.sha256(), content);
    }

    @PostMapping("/api/v1/dossiers/{code}/actions/{action}")
    @Operation(
            summary =
                    "A lifecycle action: receive, request-supplement, forward, resolve, reject, return-result, transfer, withdraw, extend-deadline",
            description = "Limits (400 validation-failed naming the field): reason ≤ 2000 characters, note ≤ 2000, "
                    + "targetAgencyCode ≤ 64, missingDocuments ≤ 50 items of ≤ 64.")
    DossierView act(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String code,
            @PathVariable String action,
            @Valid @RequestBody(required = false) DossierActions.ActionRequest body) {
        actions.act(EgovPrincipal.from(jwt), code, action, body);
        return view(store.find(code).orElseThrow());
    }

    @PostMapping(path = "/api/v1/dossiers/{code}/actions/{action}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "A lifecycle action with a file: resolve with the decision document",
            description =
                    "Multipart: part `action` (the same JSON as the plain action, with the same limits) and part `result` (PDF).")
    DossierView actWithResult(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String code,
            @PathVariable String action,
            @RequestPart(name = "action", required = false) @Schema(implementation = DossierActions.ActionRequest.class)
                    String body,
            @RequestPart(name = "result", required = false) MultipartFile result) {
        DossierActions.ActionRequest request = parts.read(body, DossierActions.ActionRequest.class);
        if (result != null && !"resolve".equals(action)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        actions.act(EgovPrincipal.from(jwt), code, action, request, result);
        return view(store.find(code).orElseThrow());
    }

    @PostMapping(path = "/api/v1/dossiers/{code}/supplements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload the documents a supplement request asked for (owner)",
            description = "Multipart: part `supplement` (JSON {note, documents:[{requirementCode, fileName} or "
                    + "{requirementCode, storedDocumentId}]}) and `files`. Limits: note ≤ 2000 characters, documents ≤ 50 "
                    + "items as for a submission.")
    DossierView supplement(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String code,
            @RequestPart(name = "supplement", required = false)
                    @Schema(implementation = DossierActions.SupplementRequest.class)
                    String supplement,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        DossierActions.SupplementRequest request = parts.read(supplement, DossierActions.SupplementRequest.class);
        actions.supplement(EgovPrincipal.from(jwt), code, request, files);
        return view(store.find(code).orElseThrow());
    }

    private DossierRow visible(Jwt jwt, String code) {
        DossierRow d = store.find(code).orElseThrow(() -> DossierAccess.notFound(code));
        if (DossierAccess.rolesOn(EgovPrincipal.from(jwt), d).isEmpty()) {
            throw DossierAccess.notFound(code);
        }
        return d;
    }

    private List<DossierViews.DocumentView> documents(UUID dossierId) {
        return views.documents(dossierId);
    }

    private DossierView view(DossierRow d) {
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), VietnamTime.ZONE);
        boolean running = switch (d.status()) {
            case RECEIVED, IN_PROCESSING -> true;
            default -> false;
        };
        Fee fee = fees.of(d.id());
        Map<String, Object> form =
                json.readValue(forms.open(d.id(), d.form()), new TypeReference<Map<String, Object>>() {});
        return new DossierView(
                d.code(),
                d.procedureCode(),
                d.procedureName(),
                d.agencyCode(),
                d.agencyName(),
                d.status().name(),
                d.submittedAt(),
                d.receivedDate(),
                d.dueDate(),
                running && d.dueDate() != null && today.isAfter(d.dueDate()),
                fee.amountVnd(),
                fee.payment(),
                form,
                d.missingDocuments(),
                documents(d.id()),
                d.businessTaxCode(),
                d.businessName());
    }
}

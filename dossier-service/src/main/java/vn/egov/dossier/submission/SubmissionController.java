package vn.egov.dossier.submission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.dossier.input.InputLimits;

/** Submission of a dossier (the other dossier endpoints: {@code tracking.DossierController}, {@code desk.DeskController}). */
@RestController
// the tag the endpoint had when tracking.DossierController held every dossier endpoint (clients group by it)
@Tag(name = "dossier-controller")
class SubmissionController {

    private final SubmissionService submissions;

    SubmissionController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @PostMapping(path = "/api/v1/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Submit a dossier (citizen)",
            description = "Multipart: part `dossier` (JSON "
                    + "{\"procedureCode\", \"agencyCode\"?, \"caseCode\"?, \"formData\": {…}, \"documents\": [{\"requirementCode\", \"fileName\"} or "
                    + "{\"requirementCode\", \"storedDocumentId\"}], \"applicantBusinessTaxCode\"?}) and one `files` part per "
                    + "uploaded document, named by its fileName. A storedDocumentId reuses a document of the citizen's own store "
                    + "(GET /api/v1/documents) without uploading it again. agencyCode: one of the procedure's agencies that receives "
                    + "it online today (GET /api/v1/procedures/{code}: agencies); it may be left out when only one does, else "
                    + "422 dossier-invalid naming agencyCode. caseCode: the procedure's case (GET /api/v1/procedures/{code}: cases), "
                    + "required when it has cases (422 naming caseCode: case-required, unknown-case); only that case's documents "
                    + "are asked. Idempotency-Key: same key and body → the same dossier. "
                    + "Limits (400 validation-failed naming the field): procedureCode ≤ 64, agencyCode ≤ 64, applicantBusinessTaxCode ≤ 14, "
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
}

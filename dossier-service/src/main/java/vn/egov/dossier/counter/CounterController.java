package vn.egov.dossier.counter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.dossier.input.InputLimits;

/** The counter of the one-stop desk: walk-in dossiers and counter guidance (officers of the procedure's agency). */
@RestController
@Tag(name = "counter")
class CounterController {

    private static final String LIMITS = " Limits (400 validation-failed naming the field): applicant.nationalId ≤ 12, "
            + "fullName ≤ 200, dateOfBirth ≤ 10 (yyyy-MM-dd), sex ≤ 6 (MALE, FEMALE), phone ≤ 20, email ≤ 254; "
            + "procedureCode ≤ 64; lists ≤ 50 items; reason, note ≤ 2000. Problems: 403 forbidden (not an officer with an "
            + "agency), 404 procedure-not-found, 422 dossier-invalid naming each field (applicant.nationalId: "
            + "invalid-national-id, national-id-mismatch with the date of birth or sex; procedureCode: "
            + "procedure-of-another-agency; …). Idempotency-Key: per officer, as for a citizen's submission.";

    private final WalkIns walkIns;

    CounterController(WalkIns walkIns) {
        this.walkIns = walkIns;
    }

    @PostMapping(path = "/api/v1/desk/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Take a walk-in dossier at the counter (officer): stored and received at once",
            description =
                    "Multipart: part `dossier` (JSON {\"applicant\": {\"nationalId\", \"fullName\", \"dateOfBirth\", "
                            + "\"sex\"?, \"phone\"?, \"email\"?}, \"procedureCode\", \"formData\": {…}, \"documents\": "
                            + "[{\"requirementCode\", \"fileName\", \"copyKind\": \"ORIGINAL\"|\"COPY\"}], \"channel\"?: "
                            + "\"DIRECT\" (default, the applicant at the counter)|\"POSTAL\" (received by post; the procedure's "
                            + "postal fee and time limit apply), \"caseCode\"? (the procedure's case, required when it has cases: "
                            + "422 naming caseCode)}) and one `files` part "
                            + "per scanned document. Every mandatory document is required (an incomplete dossier is "
                            + "POST /api/v1/desk/guidance). 201 {code, status: RECEIVED, channel, receivedDate, dueDate, "
                            + "dueAt, feeVnd, missingDocuments: [], lookupSecret}. The person finds it in their account once "
                            + "verified to level 2." + LIMITS)
    ResponseEntity<WalkIns.CounterResponse> intake(
            @AuthenticationPrincipal Jwt jwt,
            @RequestPart(name = "dossier", required = false) @Schema(implementation = WalkIns.WalkInRequest.class)
                    String dossier,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = InputLimits.IDEMPOTENCY_KEY)
                    String key) {
        return created(walkIns.intake(EgovPrincipal.from(jwt), dossier, files, key));
    }

    @PostMapping("/api/v1/desk/guidance")
    @Operation(
            summary = "Counter guidance (Mẫu 02) for an incomplete walk-in dossier (officer): nothing is received",
            description = "JSON {\"applicant\": {…as for a walk-in}, \"procedureCode\", \"missingDocuments\": "
                    + "[requirement codes, at least one], \"reason\" (required), \"note\"?, \"agencyCode\"? (a service "
                    + "centre guiding for an agency of its province, as for a walk-in), \"caseCode\"? (as for a walk-in: the "
                    + "missing documents are that case's)}. 201 {code, status: GUIDED, "
                    + "channel: DIRECT, receivedDate: null, dueDate: null, dueAt: null, feeVnd: 0, missingDocuments, "
                    + "lookupSecret}; history action counter-guidance (reason, note, details.missingDocuments)."
                    + LIMITS)
    ResponseEntity<WalkIns.CounterResponse> guidance(
            @AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody(required = false) WalkIns.GuidanceRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = InputLimits.IDEMPOTENCY_KEY)
                    String key) {
        return created(walkIns.guidance(EgovPrincipal.from(jwt), body, key));
    }

    private static ResponseEntity<WalkIns.CounterResponse> created(WalkIns.Outcome outcome) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/dossiers/" + outcome.response().code()));
        if (outcome.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(outcome.response());
    }
}

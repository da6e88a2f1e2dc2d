package vn.egov.dossier.document;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;
import vn.egov.dossier.input.InputLimits;

/**
 * The citizen's personal document store (once-only): what they already gave an agency, and what agencies
 * issued to them. A listed {@code id} can be given as {@code storedDocumentId} in a new dossier or a
 * supplement instead of uploading the file again.
 */
@RestController
class PersonalDocumentController {

    private static final Set<String> KINDS = Set.of("SUBMITTED", "SUPPLEMENT", "RESULT");

    private final PersonalDocuments documents;

    PersonalDocumentController(PersonalDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/api/v1/documents")
    @Operation(
            summary = "Own document store (citizen)",
            description =
                    "Documents of the citizen's own dossiers, newest first, each file once: kind SUBMITTED or "
                            + "SUPPLEMENT (given by the citizen) or RESULT (issued by an agency). Filters: requirementCode, kind. "
                            + "Reuse one in a submission or supplement with {\"requirementCode\", \"storedDocumentId\"} instead of a file.")
    PageResponse<PersonalDocuments.StoredDocumentView> list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @Size(max = InputLimits.CODE) String requirementCode,
            @RequestParam(required = false) @Size(max = InputLimits.CODE) String kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageResponse.validate(page, size);
        EgovPrincipal who = citizen(jwt);
        if (kind != null && !KINDS.contains(kind)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        return documents.list(who.subject(), requirementCode, kind, page, size);
    }

    @GetMapping("/api/v1/documents/{id}")
    @Operation(summary = "One file of the own document store (citizen); someone else's answers 404")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        EgovPrincipal who = citizen(jwt);
        UUID documentId;
        try {
            documentId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "stored-document-not-found", id);
        }
        PersonalDocuments.StoredDocument doc = documents
                .find(who.subject(), documentId)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "stored-document-not-found", id));
        return Documents.download(doc.fileName(), doc.contentType(), doc.sha256(), doc.content());
    }

    private static EgovPrincipal citizen(Jwt jwt) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        if (!who.hasRole("CITIZEN") || who.subject() == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        return who;
    }
}

package vn.egov.dossier.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.document.DocumentStorage;
import vn.egov.dossier.document.Documents;
import vn.egov.dossier.dossier.DossierAccess;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;

/**
 * The full dossier, its history and documents. Submission is {@code submission.SubmissionController}, the desk's
 * actions and the supplement {@code desk.DeskController}; the three keep the OpenAPI tag these operations had when
 * one controller held them all ({@code dossier-controller}, springdoc's name for that class).
 */
@RestController
@Tag(name = "dossier-controller")
class DossierController {

    private final DossierStore store;
    private final DocumentStorage storage;
    private final DossierViews views;
    private final DossierViewer viewer;
    private final DeadlineExplainer deadlines;
    private final WalkInClaims claims;

    DossierController(
            DossierStore store,
            DocumentStorage storage,
            DossierViews views,
            DossierViewer viewer,
            DeadlineExplainer deadlines,
            WalkInClaims claims) {
        this.claims = claims;
        this.store = store;
        this.storage = storage;
        this.views = views;
        this.viewer = viewer;
        this.deadlines = deadlines;
    }

    @GetMapping("/api/v1/dossiers/{code}")
    @Operation(summary = "The full dossier (owner, officers and approvers of the handling agency)")
    DossierView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String code) {
        return viewer.view(visible(jwt, code));
    }

    @GetMapping("/api/v1/dossiers/{code}/history")
    @Operation(summary = "Every transition of the dossier")
    List<DossierViews.HistoryEntry> history(@AuthenticationPrincipal Jwt jwt, @PathVariable String code) {
        DossierRow d = visible(jwt, code);
        return views.history(d.id());
    }

    @GetMapping("/api/v1/dossiers/{code}/deadline")
    @Operation(
            summary = "Why this date: the due time counted in working time, day by day (owner, officers and approvers "
                    + "of the handling agency)",
            description = "From the receipt (before it: the submission, for the provisional appointment), the "
                    + "procedure's time limit (timeLimit: WORKING_DAYS, HALF_DAYS, WORKING_HOURS or SAME_DAY, with its "
                    + "legal source) in the agency's working hours: each day counted or skipped (weekend, holiday, "
                    + "make-up working day) with its reason in words and its legal source. Texts in Vietnamese, or "
                    + "English with Accept-Language: en. moved: the dossier's due time differs from the count (a "
                    + "paused clock or an apology). warnings: a year counted without calendar data.")
    DeadlineView deadline(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String code,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        DossierRow d = visible(jwt, code);
        return deadlines.explain(
                d,
                language != null
                        && language.strip().toLowerCase(java.util.Locale.ROOT).startsWith("en"));
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
        DocumentView doc = views.documents(d.id()).stream()
                .filter(x -> x.id().equals(documentId))
                .findFirst()
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "document-not-found", id));
        byte[] content = storage.load(documentId)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "document-not-found", id));
        return Documents.download(doc.fileName(), doc.contentType(), doc.sha256(), content);
    }

    private DossierRow visible(Jwt jwt, String code) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        // a dossier taken at the counter for this person becomes theirs once they are verified (level 2)
        claims.claimFor(who);
        DossierRow d = store.find(code).orElseThrow(() -> DossierAccess.notFound(code));
        if (!DossierAccess.canSee(who, d)) {
            throw DossierAccess.notFound(code);
        }
        return d;
    }
}

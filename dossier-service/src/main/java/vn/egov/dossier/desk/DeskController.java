package vn.egov.dossier.desk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.dossier.DossierStore;
import vn.egov.dossier.dossier.DossierTransitions.Action;
import vn.egov.dossier.input.JsonParts;
import vn.egov.dossier.tracking.DossierView;
import vn.egov.dossier.tracking.DossierViewer;

/** The desk's lifecycle actions and the owner's supplement; each answers the full dossier as it is after. */
@RestController
// the tag the endpoint had when tracking.DossierController held every dossier endpoint (clients group by it)
@Tag(name = "dossier-controller")
class DeskController {

    private final DossierActions actions;
    private final DossierStore store;
    private final DossierViewer viewer;
    private final JsonParts parts;

    DeskController(DossierActions actions, DossierStore store, DossierViewer viewer, JsonParts parts) {
        this.actions = actions;
        this.store = store;
        this.viewer = viewer;
        this.parts = parts;
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
        return viewer.view(store.find(code).orElseThrow());
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
        if (result != null && !Action.RESOLVE.wireName().equals(action)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        actions.act(EgovPrincipal.from(jwt), code, action, request, result);
        return viewer.view(store.find(code).orElseThrow());
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
        return viewer.view(store.find(code).orElseThrow());
    }
}

package vn.egov.dossier.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.dossier.DossierAccess;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;

/**
 * Status lookup for anyone holding a code and its lookup secret (no sign-in): status, procedure, agency and dates
 * only — no name, no identity number, no documents. An unknown code, a malformed one and a wrong secret answer the
 * same 404, so the answer never says that a code exists.
 */
@RestController
class PublicDossierController {

    record PublicStatus(
            String code,
            String status,
            String procedureCode,
            String procedureName,
            String agencyName,
            LocalDate receivedDate,
            LocalDate appointmentDate) {}

    private final DossierStore store;
    private final LookupSecrets secrets;

    PublicDossierController(DossierStore store, LookupSecrets secrets) {
        this.store = store;
        this.secrets = secrets;
    }

    @GetMapping("/api/v1/public/dossiers/{code}")
    @Operation(
            summary = "Public status of a dossier by its code and lookup secret",
            description = "Anyone holding the code and the lookup secret (`lookupSecret` in the submission's answer"
                    + " and the dossier, printed on the receipt; 8 characters, case, spaces and hyphens ignored)."
                    + " 400 validation-failed without a secret; 404 dossier-not-found for an unknown code and for a"
                    + " wrong secret alike. Rate limited per address at the gateway.")
    PublicStatus lookup(
            @PathVariable String code,
            @Parameter(description = "the dossier's lookup secret", example = "K7QM2XPA")
                    @RequestParam(name = "secret", required = false)
                    String secret) {
        if (secret == null || secret.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation-failed",
                    List.of(ApiProblem.FieldError.keyed("secret", "required", "validation.dossier.required")),
                    Map.of());
        }
        if (secret.length() > 32) {
            throw DossierAccess.notFound(code);
        }
        DossierRow d = store.find(code)
                .filter(found -> secrets.matches(found.id(), secret))
                .orElseThrow(() -> DossierAccess.notFound(code));
        return new PublicStatus(
                d.code(),
                d.status().name(),
                d.procedureCode(),
                d.procedureName(),
                d.agencyName(),
                d.receivedDate(),
                d.dueDate());
    }
}

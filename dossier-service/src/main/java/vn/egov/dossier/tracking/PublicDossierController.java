package vn.egov.dossier.tracking;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.dossier.dossier.DossierAccess;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;

/**
 * Status lookup for anyone holding a code (no sign-in): status, procedure, agency and dates only — no
 * name, no identity number, no documents. An unknown code and a malformed one answer the same 404.
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

    PublicDossierController(DossierStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/public/dossiers/{code}")
    @Operation(summary = "Public status of a dossier by its code")
    PublicStatus lookup(@PathVariable String code) {
        DossierRow d = store.find(code).orElseThrow(() -> DossierAccess.notFound(code));
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

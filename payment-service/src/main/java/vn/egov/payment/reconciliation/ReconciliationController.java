package vn.egov.payment.reconciliation;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;

/**
 * Reconciliation of the gateway's settlement file with the ledger, for an agency administrator (their
 * agency's payments) or a system administrator (all of them). Reports are kept and listable.
 */
@RestController
class ReconciliationController {

    private final ReconciliationService service;

    ReconciliationController(ReconciliationService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/v1/payments/reconciliations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the gateway's settlement file (CSV part 'file', optional 'date' yyyy-MM-dd) → report")
    ResponseEntity<ReconciliationService.Report> reconcile(
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal Jwt jwt)
            throws IOException {
        ReconciliationService.Scope scope = scope(jwt);
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "idempotency-key-required");
        }
        ReconciliationService.Report report =
                service.reconcile(scope, new String(file.getBytes(), StandardCharsets.UTF_8), date, key);
        return ResponseEntity.created(URI.create("/api/v1/payments/reconciliations/" + report.id()))
                .body(report);
    }

    @GetMapping("/api/v1/payments/reconciliations")
    @Operation(summary = "Kept reconciliation reports, newest first (summaries)")
    PageResponse<ReconciliationService.Summary> list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal Jwt jwt) {
        PageResponse.validate(page, size);
        return service.list(scope(jwt), page, size);
    }

    @GetMapping("/api/v1/payments/reconciliations/{id}")
    @Operation(summary = "One reconciliation report with its discrepancies")
    ReconciliationService.Report get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return service.find(scope(jwt), id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "reconciliation-not-found"));
    }

    private static ReconciliationService.Scope scope(Jwt jwt) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        if (who.hasRole("SYSTEM_ADMIN")) {
            return new ReconciliationService.Scope(null, who.subject());
        }
        if (who.hasRole("AGENCY_ADMIN") && who.agency() != null) {
            return new ReconciliationService.Scope(who.agency(), who.subject());
        }
        throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
    }
}

package vn.egov.dossier.procedure;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;
import vn.egov.dossier.input.InputLimits;

/** The public procedure catalogue. */
@RestController
@RequestMapping("/api/v1/procedures")
class ProcedureController {

    private final ProcedureSearch search;
    private final ProcedureCatalogue catalogue;

    ProcedureController(ProcedureSearch search, ProcedureCatalogue catalogue) {
        this.search = search;
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(
            summary = "Search the catalogue",
            description = "Public. q (≤ 200 characters) matches names with or without Vietnamese accents.")
    PageResponse<ProcedureSearch.ProcedureSummary> search(
            @RequestParam(required = false) @Size(max = InputLimits.SEARCH) String q,
            @RequestParam(required = false) @Size(max = InputLimits.CODE) String agency,
            @RequestParam(required = false) @Size(max = InputLimits.CODE) String level,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageResponse.validate(page, size);
        return search.search(q, agency, level, page, size);
    }

    @GetMapping("/{code}")
    @Operation(
            summary = "One procedure with its required documents, form fields and fee rule",
            description = "Public. agencies: the agencies that offer it, each with its own fee and time limit; "
                    + "channels: the fee and time limit the law sets for a dossier submitted ONLINE, at the counter "
                    + "(DIRECT) or by post (POSTAL), for every agency (agencyCode null) or one; a null field keeps "
                    + "the agency's; caseCode set: for that case only. cases: the procedure's cases (trường hợp), each with its own "
                    + "fee and time limit (null: the procedure's); a document's cases: the cases it is asked in (null: every case). "
                    + "The most specific rule wins: the channel's terms for the case, the case's own, the channel's terms for "
                    + "every case, the agency's offering, the procedure.")
    Procedure get(@PathVariable String code) {
        return catalogue
                .find(code)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "procedure-not-found", code));
    }
}

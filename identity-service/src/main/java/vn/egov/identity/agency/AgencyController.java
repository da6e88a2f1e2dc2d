package vn.egov.identity.agency;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.web.PageResponse;
import vn.egov.identity.validation.InputLimits;

/** Public reference data: agencies and their electronic identifiers. */
@RestController
@RequestMapping("/api/v1/identity/agencies")
class AgencyController {

    record AgencyResponse(String code, String name, String nameEn, String level, String parentCode) {}

    private final Agencies agencies;

    AgencyController(Agencies agencies) {
        this.agencies = agencies;
    }

    @GetMapping
    @Operation(
            summary = "Agencies with their electronic identifiers",
            description = "Public. Filter by level (MINISTRY, PROVINCE, COMMUNE) or parent.")
    PageResponse<AgencyResponse> list(
            @RequestParam(required = false) @Size(max = InputLimits.CODE) String level,
            @RequestParam(required = false) @Size(max = InputLimits.CODE) String parent,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageResponse.validate(page, size);
        return agencies.page(level, parent, page, size);
    }
}

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

    /**
     * {@code serviceCentre}: a public administrative service centre, which receives dossiers for every competent agency
     * of its province (Nghị định 118/2025/NĐ-CP; decision 57).
     */
    record AgencyResponse(
            String code, String name, String nameEn, String level, String parentCode, boolean serviceCentre) {}

    private final Agencies agencies;

    AgencyController(Agencies agencies) {
        this.agencies = agencies;
    }

    @GetMapping
    @Operation(
            summary = "Agencies with their electronic identifiers",
            description = "Public. Filter by level (MINISTRY, PROVINCE, COMMUNE), parent, or serviceCentre=true (the"
                    + " public administrative service centres, which receive dossiers for every competent agency of"
                    + " their province: Nghị định 118/2025/NĐ-CP).")
    PageResponse<AgencyResponse> list(
            @RequestParam(required = false) @Size(max = InputLimits.CODE) String level,
            @RequestParam(required = false) @Size(max = InputLimits.CODE) String parent,
            @RequestParam(required = false) Boolean serviceCentre,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageResponse.validate(page, size);
        return agencies.page(level, parent, serviceCentre, page, size);
    }
}

package vn.egov.identity.agency;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.web.PageResponse;
import vn.egov.identity.validation.InputLimits;

import java.util.List;

/** Public reference data: agencies and their electronic identifiers. */
@RestController
@RequestMapping("/api/v1/identity/agencies")
class AgencyController {

    record AgencyResponse(String code, String name, String nameEn, String level, String parentCode) {
    }

    private final JdbcClient jdbc;

    AgencyController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    @Operation(summary = "Agencies with their electronic identifiers", description = "Public. Filter by level (MINISTRY, PROVINCE, COMMUNE) or parent.")
    PageResponse<AgencyResponse> list(@RequestParam(required = false) @Size(max = InputLimits.CODE) String level,
                                      @RequestParam(required = false) @Size(max = InputLimits.CODE) String parent,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        PageResponse.validate(page, size);
        String where = " where active and (:level::text is null or level = :level) and (:parent::text is null or parent_code = :parent)";
        long total = jdbc.sql("select count(*) from agency" + where)
                .param("level", level).param("parent", parent).query(Long.class).single();
        List<AgencyResponse> items = jdbc.sql("select code, name_vi, name_en, level, parent_code from agency" + where
                        + " order by code limit :size offset :offset")
                .param("level", level).param("parent", parent)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> new AgencyResponse(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
        return PageResponse.of(items, page, size, total);
    }
}

package vn.egov.dossier.procedure;

import vn.egov.dossier.input.InputLimits;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** The public procedure catalogue. */
@RestController
@RequestMapping("/api/v1/procedures")
class ProcedureController {

    record ProcedureSummary(String code, String name, String nameEn, String agencyCode, String agencyName,
                            String level, int processingDays, long feeVnd, String mode, int requiredLevelOfAssurance) {
    }

    private final JdbcClient jdbc;
    private final ProcedureCatalogue catalogue;

    ProcedureController(JdbcClient jdbc, ProcedureCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "Search the catalogue", description = "Public. q (≤ 200 characters) matches names with or without Vietnamese accents.")
    PageResponse<ProcedureSummary> search(@RequestParam(required = false) @Size(max = InputLimits.SEARCH) String q,
                                          @RequestParam(required = false) @Size(max = InputLimits.CODE) String agency,
                                          @RequestParam(required = false) @Size(max = InputLimits.CODE) String level,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "20") int size) {
        PageResponse.validate(page, size);
        String pattern = q == null || q.isBlank() ? null : "%" + unaccent(q.trim()) + "%";
        String where = " where active and (:q::text is null or search_text like :q)"
                + " and (:agency::text is null or agency_code = :agency) and (:level::text is null or level = :level)";
        long total = jdbc.sql("select count(*) from procedure" + where)
                .param("q", pattern).param("agency", agency).param("level", level).query(Long.class).single();
        List<ProcedureSummary> items = jdbc.sql("select * from procedure" + where + " order by code limit :size offset :offset")
                .param("q", pattern).param("agency", agency).param("level", level)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> summary(rs)).list();
        return PageResponse.of(items, page, size, total);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One procedure with its required documents, form fields and fee rule")
    Procedure get(@PathVariable String code) {
        return catalogue.find(code)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "procedure-not-found", code));
    }

    private static ProcedureSummary summary(ResultSet rs) throws SQLException {
        return new ProcedureSummary(rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                rs.getString("agency_code"), rs.getString("agency_name"), rs.getString("level"),
                rs.getInt("processing_days"), rs.getLong("fee_vnd"), rs.getString("mode"), rs.getInt("required_loa"));
    }

    /** "Đăng ký" → "dang ky": strips combining marks and maps đ, for accent-insensitive search. */
    static String unaccent(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replace('đ', 'd');
    }
}

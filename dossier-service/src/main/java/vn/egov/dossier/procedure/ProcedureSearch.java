package vn.egov.dossier.procedure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.web.PageResponse;
import vn.egov.dossier.calendar.TimeLimit;

/** Searches the active catalogue, accent-insensitively. */
@Component
class ProcedureSearch {

    /** An agency that offers the procedure, named as in the procedure's {@code agencies} (which has its details). */
    record AgencyRef(String agencyCode, String agencyName) {}

    /** {@code agencyCode}, {@code agencyName}, {@code feeVnd}…: the first offering's; {@code agencies}: all. */
    record ProcedureSummary(
            String code,
            String name,
            String nameEn,
            String agencyCode,
            String agencyName,
            String level,
            int processingDays,
            long feeVnd,
            Procedure.Mode mode,
            int requiredLevelOfAssurance,
            TimeLimit.Unit timeLimitUnit,
            List<AgencyRef> agencies) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProcedureSearch(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    PageResponse<ProcedureSummary> search(String q, String agency, String level, int page, int size) {
        String pattern = q == null || q.isBlank() ? null : "%" + unaccent(q.trim()) + "%";
        String where = " where active and (:q::text is null or search_text like :q)"
                + " and (:agency::text is null or exists (select 1 from procedure_offering o"
                + " where o.procedure_code = procedure.code and o.agency_code = :agency))"
                + " and (:level::text is null or level = :level)";
        long total = jdbc.sql("select count(*) from procedure" + where)
                .param("q", pattern)
                .param("agency", agency)
                .param("level", level)
                .query(Long.class)
                .single();
        List<ProcedureSummary> items = jdbc.sql(
                        "select *, (select json_agg(json_build_array(o.agency_code, o.agency_name)"
                                + " order by o.position, o.agency_code) from procedure_offering o"
                                + " where o.procedure_code = procedure.code) as offered_by from procedure"
                                + where + " order by code limit :size offset :offset")
                .param("q", pattern)
                .param("agency", agency)
                .param("level", level)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> summary(rs, agencies(rs.getString("offered_by"))))
                .list();
        return PageResponse.of(items, page, size, total);
    }

    private List<AgencyRef> agencies(String offeredBy) {
        if (offeredBy == null) {
            return List.of();
        }
        return json.readValue(offeredBy, new TypeReference<List<List<String>>>() {}).stream()
                .map(pair -> new AgencyRef(pair.get(0), pair.get(1)))
                .toList();
    }

    private static ProcedureSummary summary(ResultSet rs, List<AgencyRef> agencies) throws SQLException {
        return new ProcedureSummary(
                rs.getString("code"),
                rs.getString("name_vi"),
                rs.getString("name_en"),
                rs.getString("agency_code"),
                rs.getString("agency_name"),
                rs.getString("level"),
                rs.getInt("processing_days"),
                rs.getLong("fee_vnd"),
                Procedure.Mode.valueOf(rs.getString("mode")),
                rs.getInt("required_loa"),
                TimeLimit.Unit.valueOf(rs.getString("time_limit_unit")),
                agencies);
    }

    /** "Đăng ký" → "dang ky": strips combining marks and maps đ, for accent-insensitive search. */
    static String unaccent(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replace('đ', 'd');
    }
}

package vn.egov.dossier.procedure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.commons.web.PageResponse;
import vn.egov.dossier.calendar.TimeLimit;

/** Searches the active catalogue, accent-insensitively. */
@Component
class ProcedureSearch {

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
            TimeLimit.Unit timeLimitUnit) {}

    private final JdbcClient jdbc;

    ProcedureSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResponse<ProcedureSummary> search(String q, String agency, String level, int page, int size) {
        String pattern = q == null || q.isBlank() ? null : "%" + unaccent(q.trim()) + "%";
        String where = " where active and (:q::text is null or search_text like :q)"
                + " and (:agency::text is null or agency_code = :agency) and (:level::text is null or level = :level)";
        long total = jdbc.sql("select count(*) from procedure" + where)
                .param("q", pattern)
                .param("agency", agency)
                .param("level", level)
                .query(Long.class)
                .single();
        List<ProcedureSummary> items = jdbc.sql(
                        "select * from procedure" + where + " order by code limit :size offset :offset")
                .param("q", pattern)
                .param("agency", agency)
                .param("level", level)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> summary(rs))
                .list();
        return PageResponse.of(items, page, size, total);
    }

    private static ProcedureSummary summary(ResultSet rs) throws SQLException {
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
                TimeLimit.Unit.valueOf(rs.getString("time_limit_unit")));
    }

    /** "Đăng ký" → "dang ky": strips combining marks and maps đ, for accent-insensitive search. */
    static String unaccent(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replace('đ', 'd');
    }
}

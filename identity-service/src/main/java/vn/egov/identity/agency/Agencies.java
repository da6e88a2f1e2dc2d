package vn.egov.identity.agency;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.commons.web.PageResponse;
import vn.egov.identity.agency.AgencyController.AgencyResponse;

/** The active agencies, read from the reference table the migrations fill. */
@Component
class Agencies {

    private final JdbcClient jdbc;

    Agencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A null level, parent or serviceCentre does not filter. */
    PageResponse<AgencyResponse> page(String level, String parent, Boolean serviceCentre, int page, int size) {
        String where = " where active and (:level::text is null or level = :level)"
                + " and (:parent::text is null or parent_code = :parent)"
                + " and (:centre::boolean is null or service_centre = :centre)";
        long total = jdbc.sql("select count(*) from agency" + where)
                .param("level", level)
                .param("parent", parent)
                .param("centre", serviceCentre)
                .query(Long.class)
                .single();
        List<AgencyResponse> items = jdbc.sql(
                        "select code, name_vi, name_en, level, parent_code, service_centre from agency" + where
                                + " order by code limit :size offset :offset")
                .param("level", level)
                .param("parent", parent)
                .param("centre", serviceCentre)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> new AgencyResponse(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .list();
        return PageResponse.of(items, page, size, total);
    }
}

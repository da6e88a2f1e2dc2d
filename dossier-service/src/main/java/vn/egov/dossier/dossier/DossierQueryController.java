package vn.egov.dossier.dossier;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.PageResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Dossier lists: a citizen sees their own, an officer or approver their agency's queue, anyone else
 * an empty list (never someone else's).
 */
@RestController
class DossierQueryController {

    record DossierSummary(String code, String procedureCode, String agencyCode, String status,
                          Instant submittedAt, LocalDate dueDate) {
    }

    private final JdbcClient jdbc;

    DossierQueryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/dossiers")
    @Operation(summary = "Own dossiers (citizen) or the agency's queue (officer, approver)")
    PageResponse<DossierSummary> list(@AuthenticationPrincipal Jwt jwt,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
        PageResponse.validate(page, size);
        EgovPrincipal who = EgovPrincipal.from(jwt);
        String scope;
        String scopeValue;
        if ((who.hasRole("OFFICER") || who.hasRole("APPROVER")) && who.agency() != null) {
            scope = "agency_code = :scope";
            scopeValue = who.agency();
        } else if (who.hasRole("CITIZEN")) {
            scope = "applicant_subject = :scope";
            scopeValue = who.subject();
        } else {
            return PageResponse.of(List.of(), page, size, 0);
        }
        String where = " where " + scope + " and (:status::text is null or status = :status)";
        long total = jdbc.sql("select count(*) from dossier" + where).param("scope", scopeValue)
                .param("status", status).query(Long.class).single();
        List<DossierSummary> items = jdbc.sql("""
                        select code, procedure_code, agency_code, status, submitted_at, due_date from dossier"""
                        + where + " order by submitted_at desc limit :size offset :offset")
                .param("scope", scopeValue).param("status", status)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> new DossierSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate()))
                .list();
        return PageResponse.of(items, page, size, total);
    }
}

package vn.egov.dossier.dossier;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
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
                          Instant submittedAt, LocalDate dueDate, String businessTaxCode) {
    }

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    DossierQueryController(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/api/v1/dossiers")
    @Operation(summary = "Own dossiers (citizen) or the agency's queue (officer, approver)",
            description = "Filters: status, procedure, overdue, dueBefore (due soon), from/to (submission date); the queue is sorted by due date.")
    PageResponse<DossierSummary> list(@AuthenticationPrincipal Jwt jwt,
                                      @RequestParam(required = false) @Size(max = InputLimits.CODE) String status,
                                      @RequestParam(required = false) @Size(max = InputLimits.CODE) String procedure,
                                      @RequestParam(required = false) Boolean overdue,
                                      @RequestParam(required = false) LocalDate dueBefore,
                                      @RequestParam(required = false) LocalDate from,
                                      @RequestParam(required = false) LocalDate to,
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
        // dates are Vietnam dates; "overdue" = still with the agency (RECEIVED, IN_PROCESSING) past its due date
        String where = " where " + scope + " and (:status::text is null or status = :status)"
                + " and (:procedure::text is null or procedure_code = :procedure)"
                + " and (:overdue::boolean is null or (status in ('RECEIVED', 'IN_PROCESSING') and due_date < :today) = :overdue)"
                + " and (:dueBefore::date is null or due_date <= :dueBefore)"
                + " and (:from::date is null or (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date >= :from)"
                + " and (:to::date is null or (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date <= :to)";
        LocalDate today = LocalDate.now(clock.withZone(SubmissionService.VIETNAM));
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("scope", scopeValue);
        params.put("status", status);
        params.put("procedure", procedure);
        params.put("overdue", overdue);
        params.put("today", today);
        params.put("dueBefore", dueBefore);
        params.put("from", from);
        params.put("to", to);
        long total = jdbc.sql("select count(*) from dossier" + where).params(params).query(Long.class).single();
        // a citizen sees the newest first; an officer's queue is worked by due date
        String order = scope.startsWith("agency") ? " order by due_date asc nulls last, submitted_at" : " order by submitted_at desc";
        List<DossierSummary> items = jdbc.sql("""
                        select code, procedure_code, agency_code, status, submitted_at, due_date, business_tax_code from dossier"""
                        + where + order + " limit :size offset :offset")
                .params(params)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> new DossierSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7)))
                .list();
        return PageResponse.of(items, page, size, total);
    }
}

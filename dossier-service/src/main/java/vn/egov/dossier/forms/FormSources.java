package vn.egov.dossier.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.dossier.dataprotection.FormDataSealer;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.procedure.Procedure;
import vn.egov.dossier.procedure.ProcedureCatalogue;
import vn.egov.dossier.tracking.DossierView;
import vn.egov.dossier.tracking.LookupSecrets;
import vn.egov.dossier.tracking.WalkInApplicants;

/**
 * What the forms print, read from the dossier's own records (read only: the history, the documents' metadata, the
 * opened form data, the lookup secret, the procedure's document names). Nothing here is stored for the forms: a
 * form is drawn again from these each time, so it is the same as long as they are.
 */
@Component
class FormSources {

    /** One row of the dossier's history, with its details (missing documents, previous due date…). */
    record Step(
            long id,
            String action,
            String fromStatus,
            String toStatus,
            String actorSubject,
            String actorRole,
            String reason,
            String note,
            Map<String, Object> details,
            Instant at) {}

    /** A document's file as stored: requirement, kind (SUBMITTED, SUPPLEMENT, RESULT), name, time. */
    /** {@code copyKind}: ORIGINAL or COPY for a paper the desk scanned (walk-in), null for an online upload. */
    record FileRow(String requirementCode, String kind, String fileName, Instant uploadedAt, String copyKind) {}

    /** Everything a form of one dossier may print. */
    record Facts(
            DossierRow dossier,
            Procedure procedure,
            String applicantName,
            String lookupSecret,
            List<Step> history,
            List<FileRow> files) {

        /** The requirement's name in the catalogue, else its code (a requirement since removed, free text). */
        String documentName(String requirementCode) {
            return procedure == null
                    ? requirementCode
                    : procedure
                            .document(requirementCode)
                            .map(Procedure.RequiredDocument::name)
                            .orElse(requirementCode);
        }
    }

    /**
     * Form fields that name the applicant, in this order: the catalogue's prefilled {@code applicantName}, then
     * names a counter intake may give. A dossier without any (a birth registration names the child) prints the
     * business's name, else a dash.
     */
    static final List<String> APPLICANT_NAME_FIELDS = List.of("applicantName", "applicantFullName", "fullName");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final FormDataSealer sealer;
    private final LookupSecrets secrets;
    private final ProcedureCatalogue catalogue;
    private final WalkInApplicants walkIns;

    FormSources(
            JdbcClient jdbc,
            JsonMapper json,
            FormDataSealer sealer,
            LookupSecrets secrets,
            ProcedureCatalogue catalogue,
            WalkInApplicants walkIns) {
        this.walkIns = walkIns;
        this.jdbc = jdbc;
        this.json = json;
        this.sealer = sealer;
        this.secrets = secrets;
        this.catalogue = catalogue;
    }

    /** In one read-only snapshot, so a form never mixes two states of the dossier. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Facts of(DossierRow d) {
        return new Facts(
                d,
                catalogue.find(d).orElse(null),
                applicantName(d),
                secrets.of(d.id()).orElse(null),
                history(d.id()),
                files(d.id()));
    }

    String applicantName(DossierRow d) {
        // a dossier taken at the counter names its applicant as the officer identified them
        Optional<String> walkIn = walkIns.applicant(d.id())
                .map(DossierView.WalkInApplicantView::fullName)
                .filter(name -> name != null && !name.isBlank());
        if (walkIn.isPresent()) {
            return walkIn.get().strip();
        }
        Map<String, Object> form = json.readValue(sealer.open(d.id(), d.form()), new TypeReference<>() {});
        for (String field : APPLICANT_NAME_FIELDS) {
            if (form.get(field) instanceof String name && !name.isBlank()) {
                return name.strip();
            }
        }
        return d.businessName() != null ? d.businessName() : "—";
    }

    List<Step> history(UUID dossierId) {
        return jdbc.sql("""
                        select id, action, from_status, to_status, actor_subject, actor_role, reason, note,
                               details::text, occurred_at
                        from dossier_history where dossier_id = ? order by id""")
                .param(dossierId)
                .query((rs, i) -> new Step(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        details(rs.getString(9)),
                        rs.getTimestamp(10).toInstant()))
                .list();
    }

    private Map<String, Object> details(String text) {
        return text == null ? Map.of() : json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    List<FileRow> files(UUID dossierId) {
        return jdbc.sql("""
                        select requirement_code, kind, file_name, uploaded_at, copy_kind from dossier_document
                        where dossier_id = ? order by uploaded_at, requirement_code, file_name""")
                .param(dossierId)
                .query((rs, i) -> new FileRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .list();
    }

    /**
     * The dossiers an agency received in a period (Vietnam dates), in the order received: those it received itself and,
     * for a service centre, those it received for another agency (decision 57); a dossier a centre received for an
     * agency is in the centre's register, not in that agency's.
     */
    List<DossierRow> receivedBy(String agencyCode, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("select " + DossierRow.COLUMNS + """
                         from dossier
                        where (agency_code = :agency and receiving_agency_code is null
                               or receiving_agency_code = :agency)
                          and received_at is not null
                          and (received_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to
                        order by received_at, code limit :limit""")
                .param("agency", agencyCode)
                .param("from", from)
                .param("to", to)
                .param("limit", limit)
                .query(DossierRow::map)
                .list();
    }

    /** The agency's name: from what it offers, else from its dossiers; null for an agency nobody knows. */
    String agencyName(String agencyCode) {
        return jdbc.sql("""
                        select name from (
                            select agency_name as name, 1 as rank from procedure_offering where agency_code = :agency
                            union all
                            select agency_name, 2 from dossier where agency_code = :agency and agency_name is not null
                            union all
                            select receiving_agency_name, 3 from dossier where receiving_agency_code = :agency
                        ) names order by rank, name limit 1""")
                .param("agency", agencyCode)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}

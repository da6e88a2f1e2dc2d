package vn.egov.dossier.dossier;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.egov.dossier.dossier.DossierTransitions.Status;

/**
 * A dossier as stored (never sent over HTTP or Kafka as is). Its fee and payment order are not here: the
 * {@code fee} package owns them (table {@code dossier_fee}).
 */
public record DossierRow(
        UUID id,
        String code,
        String procedureCode,
        String procedureName,
        String agencyCode,
        String agencyName,
        String applicantSubject,
        Status status,
        Instant submittedAt,
        LocalDate receivedDate,
        LocalDate dueDate,
        LocalDate supplementRequestedOn,
        List<String> missingDocuments,
        StoredForm form,
        String businessTaxCode,
        String businessName,
        String channel,
        String receivingAgencyCode,
        String receivingAgencyName,
        String caseCode,
        String caseName,
        Instant dueAt) {

    /**
     * The form data as the row holds it: sealed ({@code sealed} and its {@code keyId}; open it with
     * {@link FormDataSealer}), or, for a row written before sealing existed, {@code clearJson}.
     */
    public record StoredForm(String clearJson, String keyId, byte[] sealed) {
        /** Never the values (a legacy row's form is personal data in clear). */
        @Override
        public String toString() {
            return sealed == null ? "StoredForm[in clear]" : "StoredForm[sealed with " + keyId + "]";
        }
    }

    /** The row with its code given (DossierCodes.number: a dossier is inserted with a provisional one). */
    public DossierRow withCode(String newCode) {
        return new DossierRow(
                id,
                newCode,
                procedureCode,
                procedureName,
                agencyCode,
                agencyName,
                applicantSubject,
                status,
                submittedAt,
                receivedDate,
                dueDate,
                supplementRequestedOn,
                missingDocuments,
                form,
                businessTaxCode,
                businessName,
                channel,
                receivingAgencyCode,
                receivingAgencyName,
                caseCode,
                caseName,
                dueAt);
    }

    public static final String COLUMNS = """
            id, code, procedure_code, procedure_name, agency_code, agency_name, applicant_subject, status,
            submitted_at, received_date, due_date, supplement_requested_on, missing_documents, form_data::text,
            form_data_sealed, data_key_id, business_tax_code, business_name, channel, receiving_agency_code,
            receiving_agency_name, case_code, case_name, due_at""";

    public static DossierRow map(ResultSet rs, int row) throws SQLException {
        Array missing = rs.getArray("missing_documents");
        return new DossierRow(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("procedure_code"),
                rs.getString("procedure_name"),
                rs.getString("agency_code"),
                rs.getString("agency_name"),
                rs.getString("applicant_subject"),
                Status.valueOf(rs.getString("status")),
                rs.getTimestamp("submitted_at").toInstant(),
                date(rs, "received_date"),
                date(rs, "due_date"),
                date(rs, "supplement_requested_on"),
                missing == null ? List.of() : Arrays.asList((String[]) missing.getArray()),
                new StoredForm(rs.getString("form_data"), rs.getString("data_key_id"), rs.getBytes("form_data_sealed")),
                rs.getString("business_tax_code"),
                rs.getString("business_name"),
                rs.getString("channel"),
                rs.getString("receiving_agency_code"),
                rs.getString("receiving_agency_name"),
                rs.getString("case_code"),
                rs.getString("case_name"),
                instant(rs, "due_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /**
     * Past its due time at {@code now} (by the minute: a 4-working-hour limit due at 10:00 is overdue at 10:01), whatever
     * its status; a row without a due time (written before decision 25) is past due from the day after its due date.
     */
    public boolean pastDue(Instant now, LocalDate today) {
        if (dueAt != null) {
            return now.isAfter(dueAt);
        }
        return dueDate != null && today.isAfter(dueDate);
    }

    /** The same test in SQL, for a query that binds {@code :now} (timestamp) and {@code :today} (Vietnam date). */
    public static final String PAST_DUE_SQL =
            "(due_at is not null and due_at < :now or due_at is null and due_date < :today)";

    public DossierRow withStatus(Status next) {
        return new DossierRow(
                id,
                code,
                procedureCode,
                procedureName,
                agencyCode,
                agencyName,
                applicantSubject,
                next,
                submittedAt,
                receivedDate,
                dueDate,
                supplementRequestedOn,
                missingDocuments,
                form,
                businessTaxCode,
                businessName,
                channel,
                receivingAgencyCode,
                receivingAgencyName,
                caseCode,
                caseName,
                dueAt);
    }

    public DossierRow withAgency(String agency) {
        return new DossierRow(
                id,
                code,
                procedureCode,
                procedureName,
                agency,
                null,
                applicantSubject,
                status,
                submittedAt,
                receivedDate,
                dueDate,
                supplementRequestedOn,
                missingDocuments,
                form,
                businessTaxCode,
                businessName,
                channel,
                receivingAgencyCode,
                receivingAgencyName,
                caseCode,
                caseName,
                dueAt);
    }
}

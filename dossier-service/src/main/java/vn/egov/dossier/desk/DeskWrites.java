package vn.egov.dossier.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dossier columns desk actions change besides the status (the lifecycle writes that). */
@Component
class DeskWrites {

    private final JdbcClient jdbc;

    DeskWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void received(UUID dossierId, Instant at, LocalDate on) {
        jdbc.sql("update dossier set received_at = ?, received_date = ? where id = ?")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), on, dossierId)
                .update();
    }

    void supplementRequested(UUID dossierId, List<String> missing, LocalDate on) {
        jdbc.sql("update dossier set missing_documents = ?::text[], supplement_requested_on = ? where id = ?")
                .params(missing.toArray(String[]::new), on, dossierId)
                .update();
    }

    void resolved(UUID dossierId, Instant at) {
        jdbc.sql("update dossier set resolved_at = ? where id = ?")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), dossierId)
                .update();
    }

    /** The receiving agency is named by its electronic identifier; it receives the dossier anew. */
    void transferred(UUID dossierId, String targetAgency) {
        jdbc.sql(
                        "update dossier set agency_code = ?, agency_name = null, received_date = null, received_at = null where id = ?")
                .params(targetAgency, dossierId)
                .update();
    }
}

package vn.egov.dossier.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.crypto.AesGcmSealer;
import vn.egov.dossier.dataprotection.ApplicantIdentities;

/** The dossier columns desk actions change besides the status (the lifecycle writes that). */
@Component
class DeskWrites {

    private final JdbcClient jdbc;
    private final ApplicantIdentities identities;
    private final JsonMapper json;

    DeskWrites(JdbcClient jdbc, ApplicantIdentities identities, JsonMapper json) {
        this.jdbc = jdbc;
        this.identities = identities;
        this.json = json;
    }

    /** The result collected at the counter: who took it (sealed: name and national id are personal data). */
    void resultCollected(UUID dossierId, String name, String nationalId, Instant at) {
        AesGcmSealer.Sealed collector = identities.sealCollector(
                dossierId, json.writeValueAsString(Map.of("name", name, "nationalId", nationalId)));
        jdbc.sql("""
                        insert into result_delivery (dossier_id, method, collector, data_key_id, recorded_at, delivered_at)
                        values (?, 'COUNTER', ?, ?, ?, ?)""")
                .params(
                        dossierId,
                        collector.bytes(),
                        collector.keyId(),
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    void resultPosted(UUID dossierId, String trackingNumber, LocalDate postedDate, Instant at) {
        jdbc.sql("""
                        insert into result_delivery (dossier_id, method, tracking_number, posted_date, recorded_at)
                        values (?, 'POST', ?, ?, ?)""")
                .params(dossierId, trackingNumber, postedDate, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    void resultDelivered(UUID dossierId, Instant at) {
        jdbc.sql("update result_delivery set delivered_at = ? where dossier_id = ?")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), dossierId)
                .update();
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

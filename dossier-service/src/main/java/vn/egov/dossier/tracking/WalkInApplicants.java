package vn.egov.dossier.tracking;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.dossier.dataprotection.ApplicantIdentities;

/**
 * For a dossier taken at the counter its applicant, and how its result was handed over, as the
 * views show them (national ids masked).
 */
@Component
public class WalkInApplicants {

    private final JdbcClient jdbc;
    private final ApplicantIdentities identities;
    private final JsonMapper json;

    WalkInApplicants(JdbcClient jdbc, ApplicantIdentities identities, JsonMapper json) {
        this.jdbc = jdbc;
        this.identities = identities;
        this.json = json;
    }

    /** The person an officer identified at the counter, national id masked; empty for a dossier submitted online. */
    public Optional<DossierView.WalkInApplicantView> applicant(UUID dossierId) {
        return jdbc.sql("select data_key_id, sealed from walk_in_applicant where dossier_id = ?")
                .param(dossierId)
                .query((rs, i) -> identities.open(dossierId, rs.getString(1), rs.getBytes(2)))
                .optional()
                .map(text -> {
                    Map<String, String> p = json.readValue(text, new TypeReference<Map<String, String>>() {});
                    return new DossierView.WalkInApplicantView(
                            mask(p.get("nationalId")),
                            p.get("fullName"),
                            p.get("dateOfBirth"),
                            p.get("sex"),
                            p.get("phone"),
                            p.get("email"));
                });
    }

    Optional<DossierView.ResultDelivery> delivery(UUID dossierId) {
        return jdbc.sql("""
                        select method, tracking_number, posted_date, collector, data_key_id, delivered_at
                        from result_delivery where dossier_id = ?""")
                .param(dossierId)
                .query((rs, i) -> {
                    Map<String, String> collector = rs.getBytes(4) == null
                            ? Map.of()
                            : json.readValue(
                                    identities.openCollector(dossierId, rs.getString(5), rs.getBytes(4)),
                                    new TypeReference<Map<String, String>>() {});
                    java.sql.Date posted = rs.getDate(3);
                    java.sql.Timestamp delivered = rs.getTimestamp(6);
                    return new DossierView.ResultDelivery(
                            rs.getString(1),
                            collector.get("name"),
                            collector.get("nationalId") == null ? null : mask(collector.get("nationalId")),
                            rs.getString(2),
                            posted == null ? null : posted.toLocalDate(),
                            delivered == null ? null : delivered.toInstant());
                })
                .optional();
    }

    static String mask(String id) {
        if (id == null || id.length() < 7) {
            return "******";
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 6) + id.substring(id.length() - 3);
    }
}

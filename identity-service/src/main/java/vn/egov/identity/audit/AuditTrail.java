package vn.egov.identity.audit;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records who changed what about a person and when ({@code identity_audit}), in the caller's
 * transaction so that the record and the change commit or roll back together. {@code detail} must hold
 * no personal data in clear (ids, channels, outcomes only).
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID personId, String actor, String action, String detail) {
        jdbc.sql("insert into identity_audit (person_id, actor, action, detail) values (:p, :a, :action, :d)")
                .param("p", personId)
                .param("a", actor == null ? "unknown" : actor)
                .param("action", action)
                .param("d", detail)
                .update();
    }
}

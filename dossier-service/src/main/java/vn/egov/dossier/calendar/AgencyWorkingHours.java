package vn.egov.dossier.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each agency's working periods as stored in {@code agency_working_hours} (V20; since V39 a replica of the agency
 * registry's, decision 60), read at each count: a receipt or
 * an explanation is one short query, and an administrator's change of a row counts from the next receipt on every
 * instance without a cache to expire. A row that does not parse fails the count loudly rather than be ignored.
 */
public final class AgencyWorkingHours {

    private final JdbcClient jdbc;

    public AgencyWorkingHours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<WorkingHours> of(String agencyCode) {
        return jdbc.sql("select periods from agency_working_hours where agency_code = ?")
                .param(agencyCode)
                .query(String.class)
                .optional()
                .map(WorkingHours::parse);
    }

    /** A procedure's own shares ({@code internal_step_share}), else the default rows, else the built-in default. */
    public InternalSteps stepsOf(String procedureCode) {
        var shares = jdbc.sql("""
                        select step, share_percent, name_vi, name_en from internal_step_share
                         where procedure_code is not distinct from (
                               select max(procedure_code) from internal_step_share where procedure_code = :code)
                         order by position""")
                .param("code", procedureCode)
                .query((rs, i) -> new InternalSteps.Share(
                        InternalSteps.Step.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list();
        return shares.isEmpty() ? InternalSteps.DEFAULT : new InternalSteps(shares);
    }

    /**
     * One agency's row as the deadlines read it: {@code registryVersion} is the registry's version it was copied
     * from (0: the default every agency starts with).
     */
    public record Row(String agencyCode, String periods, String source, long registryVersion, Instant updatedAt) {}

    public List<Row> all() {
        return jdbc.sql("select agency_code, periods, source, registry_version, updated_at from agency_working_hours"
                        + " order by agency_code")
                .query((rs, i) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /**
     * Takes the registry's hours of an agency (decision 60) when {@code version} is newer than the row's, written in
     * the canonical form {@code 07:30-11:30,13:30-17:00}; answers whether the row changed (an older or the same
     * version, a replay or a late event, changes nothing).
     */
    public boolean replicate(
            String agencyCode, WorkingHours hours, String source, long version, String changedBy, Instant at) {
        String periods = String.join(
                ",",
                hours.periods().stream().map(p -> p.start() + "-" + p.end()).toList());
        return jdbc.sql("""
                        insert into agency_working_hours (agency_code, periods, source, registry_version, updated_by,
                                                          updated_at)
                        values (:code, :periods, :source, :version, :by, :at)
                        on conflict (agency_code) do update
                           set periods = excluded.periods, source = excluded.source,
                               registry_version = excluded.registry_version, updated_by = excluded.updated_by,
                               updated_at = excluded.updated_at
                         where agency_working_hours.registry_version < excluded.registry_version""")
                        .param("code", agencyCode)
                        .param("periods", periods)
                        .param("source", source)
                        .param("version", version)
                        .param("by", changedBy)
                        .param("at", java.sql.Timestamp.from(at))
                        .update()
                > 0;
    }
}

package vn.egov.dossier.calendar;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each agency's working periods as stored in {@code agency_working_hours} (V20), read at each count: a receipt or
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

    /** One agency's row, as the administrator sees and changes it. */
    public record Row(String agencyCode, String periods, String source, java.time.Instant updatedAt) {}

    public java.util.List<Row> all() {
        return jdbc.sql(
                        "select agency_code, periods, source, updated_at from agency_working_hours order by agency_code")
                .query((rs, i) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Sets an agency's hours (written in the canonical form {@code 07:30-11:30,13:30-17:00}). */
    public Row set(String agencyCode, WorkingHours hours, String source, java.time.Instant at) {
        String periods = String.join(
                ",",
                hours.periods().stream().map(p -> p.start() + "-" + p.end()).toList());
        jdbc.sql("""
                        insert into agency_working_hours (agency_code, periods, source, updated_at)
                        values (:code, :periods, :source, :at)
                        on conflict (agency_code) do update
                           set periods = excluded.periods, source = excluded.source, updated_at = excluded.updated_at""")
                .param("code", agencyCode)
                .param("periods", periods)
                .param("source", source)
                .param("at", java.sql.Timestamp.from(at))
                .update();
        return new Row(agencyCode, periods, source, at);
    }
}

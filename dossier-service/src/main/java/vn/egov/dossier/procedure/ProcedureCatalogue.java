package vn.egov.dossier.procedure;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.dossier.calendar.TimeLimit;

/** Reads procedures with their required documents, form fields and the agencies that offer them. */
@Service
public class ProcedureCatalogue {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProcedureCatalogue(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The procedure as {@code agencyCode} offers it, or as the catalogue lists it when that agency does not. */
    public Optional<Procedure> find(String code, String agencyCode) {
        return find(code).map(p -> p.offering(agencyCode).map(p::at).orElse(p));
    }

    /**
     * The procedure for a dossier of {@code channel} at {@code agencyCode} submitted for the case {@code caseCode} (null:
     * none) on {@code day}: what it is charged and timed by and the documents it asks (decisions 56, 58, 59).
     */
    public Optional<Procedure> find(String code, String agencyCode, String channel, String caseCode, LocalDate day) {
        return find(code, agencyCode).map(p -> p.inCase(caseCode).through(Channel.valueOf(channel), day));
    }

    /** The procedure as {@code dossier} is charged, timed and asked for papers by (its agency, channel, case, day). */
    public Optional<Procedure> find(vn.egov.dossier.dossier.DossierRow dossier) {
        return find(
                dossier.procedureCode(),
                dossier.agencyCode(),
                dossier.channel(),
                dossier.caseCode(),
                vn.egov.commons.time.VietnamTime.dateOf(dossier.submittedAt()));
    }

    /** The procedure as the catalogue lists it, with every agency that offers it. */
    public Optional<Procedure> find(String code) {
        List<Procedure.Offering> offerings = jdbc.sql("""
                        select o.agency_code, o.agency_name, o.receives_online,
                               coalesce(o.fee_vnd, p.fee_vnd), coalesce(o.processing_days, p.processing_days),
                               coalesce(o.mode, p.mode), o.valid_from, o.valid_to, o.source, o.received_by,
                               o.received_by_name
                        from procedure_offering o join procedure p on p.code = o.procedure_code
                        where o.procedure_code = ? order by o.position, o.agency_code""")
                .param(code)
                .query((rs, i) -> new Procedure.Offering(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getLong(4),
                        rs.getInt(5),
                        Procedure.Mode.valueOf(rs.getString(6)),
                        rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11)))
                .list();
        List<Procedure.RequiredDocument> documents = jdbc.sql("""
                        select code, name_vi, name_en, mandatory, allowed_types, originals, copies,
                               only_if_not_in_state_data, cases
                        from procedure_document where procedure_code = ? order by position""")
                .param(code)
                .query((rs, i) -> new Procedure.RequiredDocument(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        strings(rs.getArray(5)),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getBoolean(8),
                        strings(rs.getArray(9))))
                .list();
        List<Procedure.Case> cases = jdbc.sql("""
                        select code, name_vi, name_en, fee_vnd, time_limit_amount, time_limit_unit, fee_source,
                               time_limit_source
                        from procedure_case where procedure_code = ? order by position, code""")
                .param(code)
                .query((rs, i) -> new Procedure.Case(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Long) rs.getObject(4),
                        (Integer) rs.getObject(5),
                        rs.getString(6) == null ? null : TimeLimit.Unit.valueOf(rs.getString(6)),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
        List<Procedure.FormField> fields = jdbc.sql("""
                        select name, label_vi, label_en, type, required, options, max_length, prefill from procedure_field
                        where procedure_code = ? order by position""")
                .param(code)
                .query((rs, i) -> new Procedure.FormField(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Procedure.FieldType.valueOf(rs.getString(4)),
                        rs.getBoolean(5),
                        strings(rs.getArray(6)),
                        (Integer) rs.getObject(7),
                        rs.getString(8)))
                .list();
        List<Procedure.ChannelTerms> channels = jdbc.sql("""
                        select agency_code, channel, fee_vnd, time_limit_amount, time_limit_unit, fee_source,
                               time_limit_source, case_code, valid_from, valid_to
                        from procedure_channel where procedure_code = ?
                        order by channel, agency_code nulls first, case_code nulls first, valid_from nulls first""")
                .param(code)
                .query((rs, i) -> new Procedure.ChannelTerms(
                        rs.getString(1),
                        Channel.valueOf(rs.getString(2)),
                        (Long) rs.getObject(3),
                        (Integer) rs.getObject(4),
                        rs.getString(5) == null ? null : TimeLimit.Unit.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9, LocalDate.class),
                        rs.getObject(10, LocalDate.class)))
                .list();
        return jdbc.sql("select * from procedure where code = ? and active")
                .param(code)
                .query((rs, i) -> {
                    String options = rs.getString("fee_options");
                    Map<String, Long> feeOptions =
                            options == null ? null : json.readValue(options, new TypeReference<Map<String, Long>>() {});
                    return new Procedure(
                            rs.getString("code"),
                            rs.getString("name_vi"),
                            rs.getString("name_en"),
                            rs.getString("agency_code"),
                            rs.getString("agency_name"),
                            rs.getString("level"),
                            rs.getInt("processing_days"),
                            rs.getLong("fee_vnd"),
                            rs.getString("fee_field"),
                            feeOptions,
                            Procedure.Mode.valueOf(rs.getString("mode")),
                            rs.getInt("required_loa"),
                            documents,
                            fields,
                            TimeLimit.Unit.valueOf(rs.getString("time_limit_unit")),
                            rs.getString("time_limit_source"),
                            offerings,
                            rs.getString("fee_source"),
                            channels,
                            cases);
                })
                .optional();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}

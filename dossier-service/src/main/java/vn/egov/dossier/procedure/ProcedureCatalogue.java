package vn.egov.dossier.procedure;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.dossier.calendar.TimeLimit;

/** Reads procedures with their required documents and form fields. */
@Service
public class ProcedureCatalogue {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProcedureCatalogue(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Procedure> find(String code) {
        List<Procedure.RequiredDocument> documents = jdbc.sql("""
                        select code, name_vi, name_en, mandatory, allowed_types from procedure_document
                        where procedure_code = ? order by position""")
                .param(code)
                .query((rs, i) -> new Procedure.RequiredDocument(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), strings(rs.getArray(5))))
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
                            rs.getString("time_limit_source"));
                })
                .optional();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}

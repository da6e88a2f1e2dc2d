package vn.egov.dossier.dossier;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of dossier rows; writes live with the use case that makes them. */
@Component
public class DossierStore {

    private final JdbcClient jdbc;

    DossierStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DossierRow> find(String code) {
        return jdbc.sql("select " + DossierRow.COLUMNS + " from dossier where code = ?")
                .param(code)
                .query(DossierRow::map)
                .optional();
    }

    /** The row locked for the rest of the transaction: one transition at a time per dossier. */
    public Optional<DossierRow> lock(String code) {
        return jdbc.sql("select " + DossierRow.COLUMNS + " from dossier where code = ? for update")
                .param(code)
                .query(DossierRow::map)
                .optional();
    }

    public Optional<DossierRow> find(UUID id) {
        return jdbc.sql("select " + DossierRow.COLUMNS + " from dossier where id = ?")
                .param(id)
                .query(DossierRow::map)
                .optional();
    }
}

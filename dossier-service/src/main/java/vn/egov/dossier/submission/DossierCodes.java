package vn.egov.dossier.submission;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dossier codes {@code <agency id>-<yymmdd>-<nnnn>} (docs/design/domain.md). The number comes from one counter row
 * per agency and Vietnam day, upserted in the submission's own transaction: concurrent submissions
 * queue on the row lock, and a rolled-back submission rolls its number back — no gaps, no duplicates.
 */
@Component
public class DossierCodes {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private final JdbcClient jdbc;

    DossierCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String agencyCode, LocalDate day) {
        int n = jdbc.sql("""
                        insert into dossier_code_counter (agency_code, day, last_value) values (?, ?, 1)
                        on conflict (agency_code, day) do update set last_value = dossier_code_counter.last_value + 1
                        returning last_value""").params(agencyCode, day).query(Integer.class).single();
        return format(agencyCode, day, n);
    }

    public static String format(String agencyCode, LocalDate day, int n) {
        return agencyCode + "-" + day.format(YYMMDD) + "-" + String.format("%04d", n);
    }
}

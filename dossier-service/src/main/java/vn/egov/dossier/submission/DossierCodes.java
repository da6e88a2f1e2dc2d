package vn.egov.dossier.submission;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
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

    /**
     * The code a dossier row is inserted with, until {@link #number} gives it its own: never committed (the row is
     * invisible to others until its transaction ends, by then with its real code).
     */
    public static String provisional(UUID dossierId) {
        return "provisional:" + dossierId;
    }

    /**
     * Numbers the dossier inserted with its {@link #provisional} code, in its transaction, and answers the code. Call it
     * once the dossier's other rows are written: the counter row stays locked until the transaction ends, and every
     * other dossier of the agency that day waits on it, so the less is done after it the more submissions go through.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String number(UUID dossierId, String agencyCode, LocalDate day) {
        // one statement, one round trip while the row is locked; the number padded as format pads it (4 digits, more
        // past 9999)
        return jdbc.sql("""
                        with n as (
                            insert into dossier_code_counter (agency_code, day, last_value) values (:agency, :day, 1)
                            on conflict (agency_code, day) do update set last_value = dossier_code_counter.last_value + 1
                            returning last_value::text as digits)
                        update dossier set code = :prefix || lpad(n.digits, greatest(4, length(n.digits)), '0')
                        from n where id = :id and code = :provisional
                        returning code""")
                .param("agency", agencyCode)
                .param("day", day)
                .param("prefix", prefix(agencyCode, day))
                .param("id", dossierId)
                .param("provisional", provisional(dossierId))
                .query(String.class)
                .optional()
                .orElseThrow(
                        () -> new IllegalStateException("dossier " + dossierId + " is not waiting for its number"));
    }

    public static String format(String agencyCode, LocalDate day, int n) {
        return prefix(agencyCode, day) + String.format("%04d", n);
    }

    private static String prefix(String agencyCode, LocalDate day) {
        return agencyCode + "-" + day.format(YYMMDD) + "-";
    }
}

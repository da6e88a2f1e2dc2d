package vn.egov.bench;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Loads dossiers for the scale scenario with COPY (the fastest way into PostgreSQL: no statement per row): the
 * demo officers' agency's birth registrations, most of them finished (RESULT_RETURNED), one in five still in the
 * queue, submitted over the last four months and due a year ahead (none overdue), each with its lookup secret.
 * Rows are generated as the COPY reads them, so a million of them never sit in memory. Codes start with {@code SCALE-}; the lookup secret of dossier
 * n is derived from n, so the simulation can look up any of them.
 */
final class DossierGenerator {

    static final String AGENCY = "000.00.01.H26";

    private DossierGenerator() {}

    /** Adds dossiers until there are {@code target} generated ones; returns how many there are. */
    static long loadUpTo(Settings settings, long target) {
        try (Connection c = DriverManager.getConnection(
                settings.get("db.url"), settings.get("db.user"), settings.get("db.password"))) {
            long existing = count(c);
            if (existing == target) {
                return existing;
            }
            if (existing > target) {
                // an earlier run's larger size: start again from none, so that "10 k" means 10 k. One transaction
                // holding the table: the overdue check may be writing history for generated dossiers meanwhile
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("lock table dossier in exclusive mode");
                    s.execute("delete from dossier_history where dossier_id in"
                            + " (select id from dossier where code like 'SCALE-%')");
                    s.execute("delete from dossier_lookup_secret where dossier_id in"
                            + " (select id from dossier where code like 'SCALE-%')");
                    s.execute("delete from dossier where code like 'SCALE-%'");
                }
                c.commit();
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("vacuum analyze dossier");
                    s.execute("vacuum analyze dossier_lookup_secret");
                }
                existing = 0;
            }
            String procedureName;
            String agencyName;
            try (Statement s = c.createStatement();
                    ResultSet r =
                            s.executeQuery("select name_vi, agency_name from procedure where code = '1.001193'")) {
                r.next();
                procedureName = r.getString(1);
                agencyName = r.getString(2);
            }
            long from = existing;
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.getCopyAPI()
                    .copyIn(
                            "copy dossier (id, code, procedure_code, procedure_name, agency_code, agency_name,"
                                    + " applicant_subject, status, submitted_at, due_date, due_at) from stdin",
                            new Rows(from, target, n -> dossierRow(n, procedureName, agencyName)));
            pg.getCopyAPI()
                    .copyIn(
                            "copy dossier_lookup_secret (dossier_id, secret) from stdin",
                            new Rows(from, target, n -> id(n) + "\t" + secret(n) + "\n"));
            try (Statement s = c.createStatement()) {
                s.execute("analyze dossier");
                s.execute("analyze dossier_lookup_secret");
            }
            return count(c);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("generating dossiers failed", e);
        }
    }

    static String code(long n) {
        return "SCALE-" + n;
    }

    static String secret(long n) {
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        StringBuilder s = new StringBuilder();
        long v = n * 2654435761L + 12345;
        for (int i = 0; i < 8; i++) {
            s.append(alphabet.charAt((int) Math.floorMod(v, (long) alphabet.length())));
            v /= alphabet.length();
            v += 7919L * (i + 1);
        }
        return s.toString();
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from dossier where code like 'SCALE-%'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static UUID id(long n) {
        return new UUID(0x5CA1E00000000000L, n);
    }

    private static String dossierRow(long n, String procedureName, String agencyName) {
        // due dates well ahead: a dossier past its due date would set the overdue check to work on it during the
        // measurement (history rows, events, notices), which is not what this scenario measures
        LocalDate submitted = LocalDate.now().minusDays(n % 120);
        LocalDate due = LocalDate.now().plusYears(1).plusDays(n % 120);
        String status = n % 5 == 0 ? (n % 10 == 0 ? "RECEIVED" : "IN_PROCESSING") : "RESULT_RETURNED";
        return id(n) + "\t" + code(n) + "\t1.001193\t" + procedureName + "\t" + AGENCY + "\t" + agencyName
                + "\tscale-applicant-" + (n % 50_000) + "\t" + status + "\t" + submitted + "T08:00:00+07\t" + due + "\t"
                + due + "T17:00:00+07\n";
    }

    /** The COPY's input, generated row by row. */
    private static final class Rows extends Reader {
        private final long end;
        private final java.util.function.LongFunction<String> row;
        private long next;
        private String current = "";
        private int position;

        Rows(long from, long end, java.util.function.LongFunction<String> row) {
            this.next = from;
            this.end = end;
            this.row = row;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            int written = 0;
            while (written < length) {
                if (position == current.length()) {
                    if (next >= end) {
                        return written == 0 ? -1 : written;
                    }
                    current = row.apply(next++);
                    position = 0;
                }
                int n = Math.min(length - written, current.length() - position);
                current.getChars(position, position + n, buffer, offset + written);
                position += n;
                written += n;
            }
            return written;
        }

        @Override
        public void close() {}
    }
}

package vn.egov.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling a submission is compared with: the same statements dossier-service's submission makes (the dossier
 * with its sealed form data, the lookup secret, two documents with their content, then the code counter and the
 * dossier's code, the history row and the outbox event), one transaction per dossier, by N threads on N connections to the same
 * database, for the same time, with nothing else (no HTTP, no JSON, no JWT, no sealing). The rows are written
 * under the agency {@code BENCH} and the outbox rows are marked published, so the relay does not send them. They are
 * deleted again after each run ({@link #removeRows}): left in place they are online dossiers waiting to be received,
 * which dossier-service's scheduled checks give a receipt limit and later remind the staff of, in the middle of the
 * steps measured after them (tens of thousands of rows after a few runs, in the same database).
 */
final class JdbcCeiling {

    private JdbcCeiling() {}

    static void run(Settings settings, Recorder.Step step, int threads, Duration duration, int largestFileBytes) {
        String url = settings.get("db.url");
        String user = settings.get("db.user");
        String password = settings.get("db.password");
        byte[] small = "%PDF-1.4\n1 0 obj<<>>endobj\n% bench\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] large = new byte[Math.max(largestFileBytes, small.length)];
        System.arraycopy(small, 0, large, 0, small.length);
        Progress.show("JDBC ceiling · " + step.scenario + " · " + threads + " connections");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Instant end = Instant.now().plus(duration);
        List<Exception> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    Template template = Template.of(c);
                    c.setAutoCommit(false);
                    while (Instant.now().isBefore(end)) {
                        long start = System.nanoTime();
                        int status = 201;
                        try {
                            submit(c, template, small, large);
                            c.commit();
                        } catch (SQLException e) {
                            c.rollback();
                            status = 500;
                        }
                        step.add(start, System.nanoTime(), status);
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("JDBC ceiling failed", failures.get(0));
        }
        removeRows(url, user, password);
    }

    /** Deletes every row the ceiling wrote (its dossiers, their documents, contents, history and lookup secrets). */
    static void removeRows(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            for (String sql : List.of(
                    "create temp table ceiling_rows on commit drop as select id from dossier where agency_code = 'BENCH'",
                    "delete from document_content where document_id in (select d.id from dossier_document d"
                            + " join ceiling_rows r on r.id = d.dossier_id)",
                    "delete from dossier_document where dossier_id in (select id from ceiling_rows)",
                    "delete from dossier_history where dossier_id in (select id from ceiling_rows)",
                    "delete from dossier_lookup_secret where dossier_id in (select id from ceiling_rows)",
                    "delete from dossier where id in (select id from ceiling_rows)")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove the JDBC ceiling's rows", e);
        }
    }

    /** Values copied from a dossier the API stored (its procedure, sealed form size and keys). */
    record Template(
            String procedureCode,
            String procedureName,
            String agencyName,
            byte[] form,
            String formKey,
            String contentKey,
            String payload) {
        static Template of(Connection c) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("""
                            select d.procedure_code, d.procedure_name, d.agency_name, d.form_data_sealed, d.data_key_id,
                                   (select dc.data_key_id from document_content dc limit 1),
                                   (select o.payload from outbox_event o order by seq desc limit 1)
                            from dossier d where d.agency_code <> 'BENCH' order by d.submitted_at desc limit 1""");
                    ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("no dossier to copy: seed first");
                }
                return new Template(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getBytes(4),
                        r.getString(5),
                        r.getString(6),
                        r.getString(7));
            }
        }
    }

    private static void submit(Connection c, Template t, byte[] first, byte[] second) throws SQLException {
        LocalDate today = LocalDate.now();
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement s = c.prepareStatement("""
                insert into dossier (id, code, procedure_code, procedure_name, agency_code, agency_name,
                                     applicant_subject, status, submitted_at, due_date, due_at, form_data, form_data_sealed,
                                     data_key_id, business_tax_code, business_name)
                values (?, ?, ?, ?, 'BENCH', ?, 'bench-ceiling', 'SUBMITTED', ?, ?, ?, '{}', ?, ?, null, null)""")) {
            s.setObject(1, id);
            s.setString(2, "provisional:" + id);
            s.setString(3, t.procedureCode);
            s.setString(4, t.procedureName);
            s.setString(5, t.agencyName);
            s.setTimestamp(6, now);
            s.setObject(7, today.plusDays(5));
            s.setTimestamp(8, now);
            s.setBytes(9, t.form);
            s.setString(10, t.formKey);
            s.executeUpdate();
        }
        // no dossier_fee row: the birth registration is free, and DossierFees stores no fee of 0
        try (PreparedStatement s =
                c.prepareStatement("insert into dossier_lookup_secret (dossier_id, secret) values (?, ?)")) {
            s.setObject(1, id);
            s.setString(2, UUID.randomUUID().toString().substring(0, 8));
            s.executeUpdate();
        }
        document(c, id, "TO_KHAI", first, t.contentKey, now);
        document(c, id, "GIAY_CHUNG_SINH", second, t.contentKey, now);
        // numbered last, in one statement, as DossierCodes.number does: the counter row is locked from here to the
        // commit
        try (PreparedStatement s = c.prepareStatement("""
                with n as (
                    insert into dossier_code_counter (agency_code, day, last_value) values ('BENCH', ?, 1)
                    on conflict (agency_code, day) do update set last_value = dossier_code_counter.last_value + 1
                    returning last_value::text as digits)
                update dossier set code = ? || lpad(n.digits, greatest(4, length(n.digits)), '0')
                from n where id = ? and code = ?
                returning code""")) {
            s.setObject(1, today);
            s.setString(2, "BENCH-" + today + "-" + UUID.randomUUID() + "-");
            s.setObject(3, id);
            s.setString(4, "provisional:" + id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into dossier_history (dossier_id, action, from_status, to_status, actor_subject, actor_role,
                                             reason, note, details, occurred_at)
                values (?, 'SUBMIT', null, 'SUBMITTED', 'bench-ceiling', 'OWNER', null, null, '{}'::jsonb, ?)""")) {
            s.setObject(1, id);
            s.setTimestamp(2, now);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into outbox_event (event_id, topic, event_key, event_type, payload, published_at)
                values (?, 'egov.bench.ceiling', ?, 'bench.ceiling', ?, now())""")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, id.toString());
            s.setString(3, t.payload == null ? "{}" : t.payload);
            s.executeUpdate();
        }
    }

    private static void document(
            Connection c, UUID dossierId, String requirement, byte[] content, String key, Timestamp at)
            throws SQLException {
        UUID documentId = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("""
                insert into dossier_document (id, dossier_id, requirement_code, kind, file_name, content_type,
                                              size_bytes, sha256, uploaded_by, uploaded_at, reused_from)
                values (?, ?, ?, 'SUBMITTED', 'bench.pdf', 'application/pdf', ?, ?, 'bench-ceiling', ?, null)""")) {
            s.setObject(1, documentId);
            s.setObject(2, dossierId);
            s.setString(3, requirement);
            s.setLong(4, content.length);
            s.setString(5, sha256(content));
            s.setTimestamp(6, at);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "insert into document_content (document_id, content, data_key_id) values (?, ?, ?)")) {
            s.setObject(1, documentId);
            s.setBytes(2, content);
            s.setString(3, key);
            s.executeUpdate();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

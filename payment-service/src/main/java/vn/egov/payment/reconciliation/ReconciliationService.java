package vn.egov.payment.reconciliation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;
import vn.egov.payment.order.PaymentOrder;
import vn.egov.payment.order.PaymentOrders;
import vn.egov.payment.order.PaymentStatus;

/**
 * Compares a settlement file with the ledger of one day (Vietnam time): every file line is matched,
 * missing on our side (the gateway settled it, we have no successful payment: money we must
 * account for), or an amount mismatch; every payment of the day that the file lacks is missing on
 * their side.
 */
@Service
class ReconciliationService {

    private static final Set<PaymentStatus> PAID =
            Set.of(PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED);

    /** Whose payments a caller may reconcile: one agency's, or all ({@code agencyCode} null). */
    record Scope(String agencyCode, String subject) {}

    enum Kind {
        MISSING_ON_OUR_SIDE,
        MISSING_ON_THEIR_SIDE,
        AMOUNT_MISMATCH
    }

    record Discrepancy(
            Kind kind,
            String txnRef,
            UUID paymentId,
            String transactionNo,
            Long ourAmountVnd,
            Long theirAmountVnd,
            String ourStatus) {}

    record Summary(
            UUID id,
            String agencyCode,
            LocalDate settlementDate,
            int matched,
            int missingOnOurSide,
            int missingOnTheirSide,
            int amountMismatches,
            Instant createdAt) {}

    record Report(
            UUID id,
            String agencyCode,
            LocalDate settlementDate,
            int matched,
            int missingOnOurSide,
            int missingOnTheirSide,
            int amountMismatches,
            List<Discrepancy> discrepancies,
            Instant createdAt) {}

    private final JdbcClient jdbc;
    private final PaymentOrders orders;
    private final JsonMapper json;

    ReconciliationService(JdbcClient jdbc, PaymentOrders orders, JsonMapper json) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.json = json;
    }

    Report reconcile(Scope scope, String csv, LocalDate requestedDate, String key) {
        String hash = sha256(requestedDate + "\n" + csv);
        Optional<Report> earlier = byKey(scope, key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        SettlementFile file = SettlementFile.parse(csv);
        LocalDate date = requestedDate != null ? requestedDate : dateOf(file);

        Map<String, PaymentOrder> ledger = new LinkedHashMap<>();
        ledgerOf(scope, date).forEach(o -> ledger.put(o.txnRef(), o));
        List<Discrepancy> discrepancies = new ArrayList<>();
        Set<String> inFile = new HashSet<>();
        int matched = 0;
        for (SettlementFile.Line line : file.lines()) {
            PaymentOrder order = ledger.containsKey(line.txnRef())
                    ? ledger.get(line.txnRef())
                    : orders.findByTxnRef(line.txnRef()).orElse(null);
            if (order != null
                    && scope.agencyCode() != null
                    && !scope.agencyCode().equals(order.agencyCode())) {
                continue; // another agency's payment: not this administrator's to see
            }
            inFile.add(line.txnRef());
            if (order == null || !PAID.contains(order.status())) {
                discrepancies.add(new Discrepancy(
                        Kind.MISSING_ON_OUR_SIDE,
                        line.txnRef(),
                        order == null ? null : order.id(),
                        line.transactionNo(),
                        order == null ? null : order.amountVnd(),
                        line.amountVnd(),
                        order == null ? null : order.status().name()));
            } else if (order.amountVnd() != line.amountVnd()) {
                discrepancies.add(new Discrepancy(
                        Kind.AMOUNT_MISMATCH,
                        line.txnRef(),
                        order.id(),
                        line.transactionNo(),
                        order.amountVnd(),
                        line.amountVnd(),
                        order.status().name()));
            } else {
                matched++;
            }
        }
        for (PaymentOrder order : ledger.values()) {
            if (!inFile.contains(order.txnRef())) {
                discrepancies.add(new Discrepancy(
                        Kind.MISSING_ON_THEIR_SIDE,
                        order.txnRef(),
                        order.id(),
                        order.gatewayTransactionNo(),
                        order.amountVnd(),
                        null,
                        order.status().name()));
            }
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        Report report = new Report(
                id,
                scope.agencyCode(),
                date,
                matched,
                count(discrepancies, Kind.MISSING_ON_OUR_SIDE),
                count(discrepancies, Kind.MISSING_ON_THEIR_SIDE),
                count(discrepancies, Kind.AMOUNT_MISMATCH),
                List.copyOf(discrepancies),
                now);
        try {
            jdbc.sql("""
                            insert into reconciliation_report (id, agency_code, settlement_date, file_sha256, matched,
                                missing_on_our_side, missing_on_their_side, amount_mismatches, discrepancies, created_by,
                                idempotency_key, request_hash, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                    .params(
                            id,
                            scope.agencyCode(),
                            date,
                            sha256(csv),
                            report.matched(),
                            report.missingOnOurSide(),
                            report.missingOnTheirSide(),
                            report.amountMismatches(),
                            json.writeValueAsString(report.discrepancies()),
                            scope.subject(),
                            key,
                            hash,
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            return byKey(scope, key, hash).orElseThrow();
        }
        return report;
    }

    PageResponse<Summary> list(Scope scope, int page, int size) {
        String where = scope.agencyCode() == null ? "" : " where agency_code = :agency";
        JdbcClient.StatementSpec count = jdbc.sql("select count(*) from reconciliation_report" + where);
        JdbcClient.StatementSpec select =
                jdbc.sql("""
                select id, agency_code, settlement_date, matched, missing_on_our_side, missing_on_their_side,
                       amount_mismatches, created_at from reconciliation_report""" + where + " order by created_at desc limit :limit offset :offset");
        if (scope.agencyCode() != null) {
            count = count.param("agency", scope.agencyCode());
            select = select.param("agency", scope.agencyCode());
        }
        long total = count.query(Long.class).single();
        List<Summary> items = select.param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> new Summary(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
        return PageResponse.of(items, page, size, total);
    }

    Optional<Report> find(Scope scope, UUID id) {
        return jdbc.sql(SELECT_REPORT + " where id = ?")
                .param(id)
                .query(reportMapper())
                .optional()
                .filter(r -> scope.agencyCode() == null || scope.agencyCode().equals(r.agencyCode()));
    }

    private static final String SELECT_REPORT = """
            select id, agency_code, settlement_date, matched, missing_on_our_side, missing_on_their_side,
                   amount_mismatches, discrepancies::text, created_at, request_hash from reconciliation_report""";

    private Optional<Report> byKey(Scope scope, String key, String hash) {
        record Keyed(Report report, String hash) {}
        return jdbc.sql(SELECT_REPORT + " where created_by = ? and idempotency_key = ?")
                .params(scope.subject(), key)
                .query((rs, i) -> new Keyed(reportMapper().mapRow(rs, i), rs.getString("request_hash")))
                .optional()
                .map(k -> {
                    if (!k.hash().equals(hash)) {
                        throw new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-reused");
                    }
                    return k.report();
                });
    }

    private RowMapper<Report> reportMapper() {
        return (rs, i) -> new Report(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getObject(3, LocalDate.class),
                rs.getInt(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getInt(7),
                json.readValue(rs.getString(8), new TypeReference<List<Discrepancy>>() {}),
                rs.getTimestamp(9).toInstant());
    }

    private List<PaymentOrder> ledgerOf(Scope scope, LocalDate date) {
        Instant from = VietnamTime.startOf(date);
        Instant to = VietnamTime.startOf(date.plusDays(1));
        return orders.paidBetween(from, to, scope.agencyCode()).stream()
                .filter(o -> PAID.contains(o.status()))
                .toList();
    }

    private static LocalDate dateOf(SettlementFile file) {
        Set<LocalDate> dates = new HashSet<>();
        file.lines().forEach(l -> dates.add(l.payDate().toLocalDate()));
        if (dates.size() != 1) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "settlement-date-required");
        }
        return dates.iterator().next();
    }

    private static int count(List<Discrepancy> discrepancies, Kind kind) {
        return (int) discrepancies.stream().filter(d -> d.kind() == kind).count();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

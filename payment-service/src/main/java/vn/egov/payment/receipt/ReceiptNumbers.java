package vn.egov.payment.receipt;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.commons.time.VietnamTime;

/**
 * E-receipt numbers in the collecting agency's own series ({@code 000.00.11.H26/2026/000001}, or the symbol the agency
 * registered in the agency registry, decision 60: {@code SXD-26E/2026/000001}): one sequence per
 * series and calendar year in Vietnam time, without gaps (decision 36: each agency keeps its own receipt book, not
 * one series for the whole platform). The counter row is incremented in the payment's own transaction, so it stays
 * locked until that transaction ends and a rollback returns the number (a database sequence would leave gaps);
 * payments of other agencies never wait on it.
 */
@Component
public class ReceiptNumbers {

    private final JdbcClient jdbc;

    ReceiptNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String agencyCode, Instant paidAt) {
        int year = yearOf(paidAt);
        String series = seriesOf(agencyCode);
        long value = jdbc.sql("""
                        insert into receipt_series (series, receipt_year, last_value) values (?, ?, 1)
                        on conflict (series, receipt_year)
                        do update set last_value = receipt_series.last_value + 1
                        returning last_value""").params(series, year).query(Long.class).single();
        return format(series, year, value);
    }

    /** The agency's series in the registry (decision 60), or its code until it registered one. */
    String seriesOf(String agencyCode) {
        return jdbc.sql("select series from agency_receipt_series where agency_code = ?")
                .param(agencyCode)
                .query(String.class)
                .optional()
                .orElse(agencyCode);
    }

    /**
     * Takes the registry's series of an agency when {@code version} is newer than the one held; answers whether it
     * changed anything (an older or the same version, a replay or a late event, does not).
     */
    boolean replicate(String agencyCode, String series, long version, Instant at) {
        return jdbc.sql("""
                        insert into agency_receipt_series (agency_code, series, registry_version, updated_at)
                        values (?, ?, ?, ?)
                        on conflict (agency_code) do update
                           set series = excluded.series, registry_version = excluded.registry_version,
                               updated_at = excluded.updated_at
                         where agency_receipt_series.registry_version < excluded.registry_version""")
                        .params(agencyCode, series, version, java.sql.Timestamp.from(at))
                        .update()
                > 0;
    }

    static String format(String agencyCode, int year, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("receipt numbers start at 1");
        }
        if (agencyCode == null || agencyCode.isBlank()) {
            throw new IllegalArgumentException("a receipt is numbered in its collecting agency's series");
        }
        return "%s/%d/%06d".formatted(agencyCode, year, value);
    }

    /** The year a payment's receipt is numbered in: Vietnam's calendar, not UTC's. */
    static int yearOf(Instant paidAt) {
        return VietnamTime.at(paidAt).getYear();
    }
}

package vn.egov.payment.receipt;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.commons.time.VietnamTime;

/**
 * E-receipt numbers in the collecting agency's own series ({@code 000.00.11.H26/2026/000001}): one sequence per
 * agency and calendar year in Vietnam time, without gaps (decision 36: each agency keeps its own receipt book, not
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
        long value = jdbc.sql("""
                        insert into receipt_series (agency_code, receipt_year, last_value) values (?, ?, 1)
                        on conflict (agency_code, receipt_year)
                        do update set last_value = receipt_series.last_value + 1
                        returning last_value""").params(agencyCode, year).query(Long.class).single();
        return format(agencyCode, year, value);
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

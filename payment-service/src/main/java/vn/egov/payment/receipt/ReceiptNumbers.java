package vn.egov.payment.receipt;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.commons.time.VietnamTime;

/**
 * E-receipt numbers ({@code BL-2026-000001}): one sequence per calendar year in Vietnam time, without
 * gaps. The counter row is incremented in the payment's own transaction, so it stays locked until that
 * transaction ends and a rollback returns the number (a database sequence would leave gaps).
 */
@Component
public class ReceiptNumbers {

    private final JdbcClient jdbc;

    ReceiptNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(Instant paidAt) {
        int year = yearOf(paidAt);
        long value = jdbc.sql("""
                        insert into receipt_counter (receipt_year, last_value) values (?, 1)
                        on conflict (receipt_year) do update set last_value = receipt_counter.last_value + 1
                        returning last_value""").param(year).query(Long.class).single();
        return format(year, value);
    }

    static String format(int year, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("receipt numbers start at 1");
        }
        return "BL-%d-%06d".formatted(year, value);
    }

    /** The year a payment's receipt is numbered in: Vietnam's calendar, not UTC's. */
    static int yearOf(Instant paidAt) {
        return VietnamTime.at(paidAt).getYear();
    }
}

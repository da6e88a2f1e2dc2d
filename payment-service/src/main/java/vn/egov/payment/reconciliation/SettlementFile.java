package vn.egov.payment.reconciliation;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import vn.egov.commons.web.ApiProblem;

/**
 * The gateway's daily settlement file: CSV with a header naming at least {@code txn_ref},
 * {@code amount_vnd} and {@code pay_date} (yyyyMMddHHmmss, Vietnam time); {@code transaction_no}
 * and {@code bank_code} are kept when present. Columns may come in any order.
 */
record SettlementFile(List<Line> lines) {

    record Line(int lineNumber, String txnRef, String transactionNo, long amountVnd, LocalDateTime payDate) {}

    static final DateTimeFormatter PAY_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    static SettlementFile parse(String text) {
        String[] rows = text.replace("\r", "").split("\n");
        if (rows.length == 0 || rows[0].isBlank()) {
            throw invalid(1, "file", "empty-file");
        }
        List<String> header = Arrays.stream(rows[0].split(",", -1))
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .toList();
        int txnRef = header.indexOf("txn_ref");
        int amount = header.indexOf("amount_vnd");
        int payDate = header.indexOf("pay_date");
        int transactionNo = header.indexOf("transaction_no");
        if (txnRef < 0 || amount < 0 || payDate < 0) {
            throw invalid(1, "header", "missing-columns");
        }
        List<Line> lines = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            String[] cells = rows[i].split(",", -1);
            if (cells.length != header.size()) {
                throw invalid(i + 1, "line", "column-count", header.size());
            }
            String ref = cells[txnRef].trim();
            if (ref.isEmpty() || seen.contains(ref)) {
                throw invalid(i + 1, "txn_ref", ref.isEmpty() ? "empty" : "duplicate");
            }
            seen.add(ref);
            try {
                lines.add(new Line(
                        i + 1,
                        ref,
                        transactionNo < 0 ? null : cells[transactionNo].trim(),
                        Long.parseLong(cells[amount].trim()),
                        LocalDateTime.parse(cells[payDate].trim(), PAY_DATE)));
            } catch (NumberFormatException e) {
                throw invalid(i + 1, "amount_vnd", "not-whole-number");
            } catch (DateTimeParseException e) {
                throw invalid(i + 1, "pay_date", "pay-date-format");
            }
        }
        return new SettlementFile(List.copyOf(lines));
    }

    /**
     * The field's code stays {@code invalid}; its message, {@code validation.settlement.<reason>} with the line
     * as {@code {0}}, is worded in the request's language when the answer is written.
     */
    private static ApiProblem invalid(int line, String field, String reason, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = line;
        System.arraycopy(more, 0, args, 1, more.length);
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "settlement-file-invalid",
                List.of(ApiProblem.FieldError.keyed(field, "invalid", "validation.settlement." + reason, args)),
                java.util.Map.of("line", line),
                line);
    }
}

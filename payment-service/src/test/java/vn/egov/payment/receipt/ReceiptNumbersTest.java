package vn.egov.payment.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReceiptNumbersTest {

    @Test
    void numbersArePrefixedByAgencyAndYearAndZeroPadded() {
        assertThat(ReceiptNumbers.format("000.00.11.H26", 2026, 1)).isEqualTo("000.00.11.H26/2026/000001");
        assertThat(ReceiptNumbers.format("000.00.11.H26", 2026, 42)).isEqualTo("000.00.11.H26/2026/000042");
        assertThat(ReceiptNumbers.format("000.00.12.H26", 2027, 999_999)).isEqualTo("000.00.12.H26/2027/999999");
        // past a million the number grows rather than wrapping into a duplicate
        assertThat(ReceiptNumbers.format("000.00.11.H26", 2027, 1_000_000)).isEqualTo("000.00.11.H26/2027/1000000");
        assertThatThrownBy(() -> ReceiptNumbers.format("000.00.11.H26", 2026, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceiptNumbers.format(" ", 2026, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theYearIsVietnamsNotUtcs() {
        // 31 Dec 2026 18:30 UTC is already 1 Jan 2027 in Hanoi
        assertThat(ReceiptNumbers.yearOf(Instant.parse("2026-12-31T18:30:00Z"))).isEqualTo(2027);
        assertThat(ReceiptNumbers.yearOf(Instant.parse("2026-12-31T16:59:59Z"))).isEqualTo(2026);
    }
}

package vn.egov.identity.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaxCodePolicyTest {

    private final TaxCodePolicy policy = new TaxCodePolicy();

    @Test
    void checkDigitFollowsTheWeights() {
        // 0*31 + 1*29 + 0*23 + 0*19 + 1*17 + 0*13 + 9*7 + 1*5 + 0*3 = 114; 114 mod 11 = 4; 10 - 4 = 6
        assertThat(TaxCodePolicy.checkDigit("010010910")).isEqualTo(6);
        assertThat(policy.check("0100109106")).isEmpty();
    }

    @Test
    void acceptsABranchSuffix() {
        assertThat(policy.check("0100109106-001")).isEmpty();
        assertThat(policy.check("0100109106-123")).isEmpty();
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThat(policy.check("0100109105")).contains(TaxCodePolicy.CHECK_DIGIT);
        assertThat(policy.check("0100109107-001")).contains(TaxCodePolicy.CHECK_DIGIT);
    }

    @Test
    void refusesStemsWhoseCheckDigitWouldBeTen() {
        // sum mod 11 = 0: 1*31 + 0... + find by search so the test documents the rule, not a magic number
        String stem = null;
        for (int n = 100_000_000; n < 100_100_000 && stem == null; n++) {
            if (TaxCodePolicy.checkDigit(Integer.toString(n)) == null) {
                stem = Integer.toString(n);
            }
        }
        assertThat(stem).isNotNull();
        for (int d = 0; d <= 9; d++) {
            assertThat(policy.check(stem + d)).as(stem + d).contains(TaxCodePolicy.CHECK_DIGIT);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "010010910",
                "01001091066",
                "0100109106-01",
                "0100109106-0001",
                "0100109106001",
                "0100109106 001",
                "01001O9106",
                "0100109106-000"
            })
    void refusesOtherShapes(String taxCode) {
        assertThat(policy.check(taxCode)).contains(TaxCodePolicy.FORMAT);
    }

    @Test
    void normalisesABranchCodeTypedWithoutItsDash() {
        assertThat(TaxCodePolicy.normalise(" 0100109106001 ")).isEqualTo("0100109106-001");
        assertThat(TaxCodePolicy.normalise("0100109106")).isEqualTo("0100109106");
        assertThat(policy.check(TaxCodePolicy.normalise("0100109106001"))).isEmpty();
        assertThat(TaxCodePolicy.normalise("01001091060")).isEqualTo("01001091060");
    }
}

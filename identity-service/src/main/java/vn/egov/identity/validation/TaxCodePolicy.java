package vn.egov.identity.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A business tax code (mã số thuế): 10 digits, or 13 as {@code NNNNNNNNNN-NNN} for a branch; the 10th
 * digit checks the first nine with weights 31, 29, 23, 19, 17, 13, 7, 5, 3: it is
 * {@code 10 − (sum mod 11)}, and a code whose computation gives 10 is invalid.
 */
public final class TaxCodePolicy {

    public static final String FORMAT = "tax-code-format";
    public static final String CHECK_DIGIT = "tax-code-check-digit";

    private static final Pattern SHAPE = Pattern.compile("\\d{10}(-\\d{3})?");
    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    public Optional<String> check(String taxCode) {
        if (taxCode == null || !SHAPE.matcher(taxCode).matches() || taxCode.endsWith("-000")) {
            return Optional.of(FORMAT);
        }
        Integer expected = checkDigit(taxCode.substring(0, 9));
        if (expected == null || expected != taxCode.charAt(9) - '0') {
            return Optional.of(CHECK_DIGIT);
        }
        return Optional.empty();
    }

    /**
     * The written form: trimmed, and a branch code typed as 13 digits without the dash given its dash
     * ({@code 0100109106001} → {@code 0100109106-001}); anything else is returned as typed for {@link #check}.
     */
    public static String normalise(String taxCode) {
        if (taxCode == null) {
            return null;
        }
        String t = taxCode.strip();
        return t.matches("\\d{13}") ? t.substring(0, 10) + "-" + t.substring(10) : t;
    }

    /** The check digit for nine digits, or null when the rule gives 10 (no valid code has that stem). */
    static Integer checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int digit = 10 - (sum % 11);
        return digit == 10 ? null : digit;
    }
}

package vn.egov.identity.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The structure of a citizen identity number (CCCD, số định danh cá nhân) and its agreement with the
 * date of birth and sex given: 12 digits; digits 1–3 a known province of birth registration; digit 4
 * the century and sex (0/1 1900s male/female, 2/3 2000s, 4/5 2100s …); digits 5–6 the last two
 * digits of the birth year; digits 7–12 random. Answers violation codes; none means valid.
 */
public final class NationalIdPolicy {

    public static final String FORMAT = "national-id-format";
    public static final String PROVINCE = "national-id-province";
    public static final String SEX = "national-id-sex";
    public static final String CENTURY = "national-id-century";
    public static final String BIRTH_YEAR = "national-id-birth-year";

    private final ProvinceCodes provinces;

    public NationalIdPolicy(ProvinceCodes provinces) {
        this.provinces = provinces;
    }

    public static boolean hasFormat(String nationalId) {
        return nationalId != null
                && nationalId.length() == 12
                && nationalId.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * @param dateOfBirth may be null (then only the structure is checked)
     * @param sex may be null (then the sex half of digit 4 is not checked)
     */
    public List<String> check(String nationalId, LocalDate dateOfBirth, Sex sex) {
        if (!hasFormat(nationalId)) {
            return List.of(FORMAT);
        }
        List<String> violations = new ArrayList<>();
        if (!provinces.contains(nationalId.substring(0, 3))) {
            violations.add(PROVINCE);
        }
        int centuryDigit = nationalId.charAt(3) - '0';
        if (sex != null && (centuryDigit % 2 == 1) != (sex == Sex.FEMALE)) {
            violations.add(SEX);
        }
        if (dateOfBirth != null) {
            int year = dateOfBirth.getYear();
            if (year < 1900 || centuryDigit / 2 != (year / 100) - 19) {
                violations.add(CENTURY);
            }
            if (Integer.parseInt(nationalId.substring(4, 6)) != year % 100) {
                violations.add(BIRTH_YEAR);
            }
        }
        return List.copyOf(violations);
    }

    /** Digit 4 for a person of this sex born in this year (the inverse of the rule above). */
    public static int centuryDigit(int birthYear, Sex sex) {
        return ((birthYear / 100) - 19) * 2 + (sex == Sex.FEMALE ? 1 : 0);
    }
}

package vn.egov.identity.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese mobile numbers: 10 digits starting 03, 05, 07, 08 or 09, or the same number in
 * international form, +84 followed by the 9 digits after the leading 0. Spaces, dots and dashes
 * between digits are tolerated; {@link #normalise} gives the one stored form ({@code 0xxxxxxxxx}),
 * so that uniqueness does not depend on how the number was typed.
 */
public final class PhoneNumberPolicy {

    public static final String FORMAT = "phone-format";

    private static final Pattern DOMESTIC = Pattern.compile("0[35789]\\d{8}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+84[35789]\\d{8}");

    public Optional<String> check(String phone) {
        return normalise(phone) == null ? Optional.of(FORMAT) : Optional.empty();
    }

    /** The domestic form of a valid number, or null when it is not a Vietnamese mobile number. */
    public static String normalise(String phone) {
        if (phone == null) {
            return null;
        }
        String compact = phone.strip().replaceAll("[\\s.\\-]", "");
        if (DOMESTIC.matcher(compact).matches()) {
            return compact;
        }
        if (INTERNATIONAL.matcher(compact).matches()) {
            return "0" + compact.substring(3);
        }
        return null;
    }
}

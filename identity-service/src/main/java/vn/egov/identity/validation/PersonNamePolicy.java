package vn.egov.identity.validation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person's full name as written on the identity card (họ, chữ đệm và tên): letters of any script
 * (Vietnamese is precomposed or combining), spaces, apostrophes and hyphens, 2–150 characters, at least two words (family and given name).
 * {@link #normalise} gives the form that is stored and compared (NFC, single spaces), so
 * "Nguyễn  Văn An" typed with combining marks equals the registry's "Nguyễn Văn An".
 */
public final class PersonNamePolicy {

    public static final String FORMAT = "full-name-format";

    private static final Pattern NAME =
            Pattern.compile("[\\p{L}\\p{M}]+(['\\-][\\p{L}\\p{M}]+)*( [\\p{L}\\p{M}]+(['\\-][\\p{L}\\p{M}]+)*)+");

    public Optional<String> check(String fullName) {
        String n = normalise(fullName);
        if (n == null || n.length() < 2 || n.length() > 150 || !NAME.matcher(n).matches()) {
            return Optional.of(FORMAT);
        }
        return Optional.empty();
    }

    public static String normalise(String fullName) {
        if (fullName == null) {
            return null;
        }
        return Normalizer.normalize(fullName, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    /** Same person's name: equal after normalising, ignoring letter case. */
    public static boolean sameName(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        Locale vi = Locale.forLanguageTag("vi");
        return x != null && y != null && x.toLowerCase(vi).equals(y.toLowerCase(vi));
    }
}

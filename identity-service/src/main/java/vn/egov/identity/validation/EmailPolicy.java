package vn.egov.identity.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A deliverable-looking address: one {@code @}, a local part of the usual characters, a domain of
 * dot-separated labels with a top-level domain, 254 characters at most. Not RFC 5322 in full on
 * purpose: quoted local parts and IP literals are legal but never what a citizen means to type.
 */
public final class EmailPolicy {

    public static final String FORMAT = "email-format";

    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    public Optional<String> check(String email) {
        if (email == null
                || email.length() > 254
                || !ADDRESS.matcher(email.strip()).matches()
                || email.strip().indexOf('@') > 64) {
            return Optional.of(FORMAT);
        }
        return Optional.empty();
    }

    /** The stored form: trimmed and lower-cased (Keycloak compares addresses the same way). */
    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}

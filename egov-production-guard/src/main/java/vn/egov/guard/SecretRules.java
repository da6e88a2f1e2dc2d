package vn.egov.guard;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a production secret or key must be, beyond not being a {@linkplain DevelopmentValues development
 * value}. Each method answers the rule a value breaks, or empty; never the value itself.
 */
public final class SecretRules {

    /** Shorter than this, a shared secret can be guessed offline from one signed message. */
    public static final int MIN_SECRET_LENGTH = 16;

    /**
     * Words that make a secret something a person chose, not something generated: refused as a whole
     * run of letters ({@code Password12345}, {@code admin}, {@code egov-dev}) or, when five letters or
     * more, anywhere ({@code MyAdminPass}). Short words only as whole runs, so that a random string that
     * happens to contain {@code dev} inside a longer run of letters passes.
     */
    private static final List<String> WEAK_WORDS = List.of(
            "password",
            "passwd",
            "secret",
            "changeme",
            "changeit",
            "admin",
            "qwerty",
            "letmein",
            "default",
            "example",
            "local",
            "dev",
            "test",
            "demo",
            "egov",
            "pass",
            "key");

    private static final int KEY_BYTES = 32;
    /** 32 random bytes have about 30 different values; a repeated pattern or a text has far fewer. */
    private static final int MIN_DISTINCT_KEY_BYTES = 20;

    private SecretRules() {}

    /** A shared secret (a password, a client secret, an API key): long, generated, not a development value. */
    public static Optional<String> secretProblem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is not set");
        }
        if (DevelopmentValues.isDevelopmentValue(value)) {
            return Optional.of("has a development value");
        }
        if (value.strip().length() < MIN_SECRET_LENGTH) {
            return Optional.of("is shorter than " + MIN_SECRET_LENGTH + " characters");
        }
        Optional<String> word = weakWord(value);
        if (word.isPresent()) {
            return Optional.of("contains the word \"" + word.get() + "\" (generate it: openssl rand -base64 24)");
        }
        return Optional.empty();
    }

    /**
     * An encryption or HMAC key: base64 of exactly 32 random bytes ({@code openssl rand -base64 32}). The
     * services would stretch any other text with SHA-256 to make a key of it, which is right for a local
     * passphrase and wrong for production: a passphrase, even encoded in base64, is guessable.
     */
    public static Optional<String> keyProblem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is not set");
        }
        if (DevelopmentValues.isDevelopmentValue(value)) {
            return Optional.of("has a development value");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException notBase64) {
            return Optional.of("is not base64 (a key is 32 random bytes in base64: openssl rand -base64 32)");
        }
        if (key.length != KEY_BYTES) {
            return Optional.of("is " + key.length + " bytes, not 32 (openssl rand -base64 32)");
        }
        if (printable(key)) {
            return Optional.of("is text encoded in base64, not random bytes (openssl rand -base64 32)");
        }
        if (distinct(key) < MIN_DISTINCT_KEY_BYTES) {
            return Optional.of("repeats too few byte values to be random (openssl rand -base64 32)");
        }
        return Optional.empty();
    }

    static Optional<String> weakWord(String value) {
        List<String> runs = letterRuns(value.toLowerCase(Locale.ROOT));
        for (String word : WEAK_WORDS) {
            for (String run : runs) {
                if (run.equals(word) || (word.length() >= 5 && run.contains(word))) {
                    return Optional.of(word);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> letterRuns(String value) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (Character.isLetter(c)) {
                run.append(c);
            } else if (!run.isEmpty()) {
                runs.add(run.toString());
                run.setLength(0);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        return runs;
    }

    private static boolean printable(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static int distinct(byte[] bytes) {
        Set<Byte> seen = new HashSet<>();
        for (byte b : bytes) {
            seen.add(b);
        }
        return seen.size();
    }
}

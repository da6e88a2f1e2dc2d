package vn.egov.dossier.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secret that, with the code, opens a dossier's public status ({@code GET /api/v1/public/dossiers/{code}}).
 * Codes are sequential per agency and day, so a code alone can be guessed; eight characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L) give 31⁸ ≈ 8.5 × 10¹¹ values, which the gateway's lookup quota per address
 * keeps out of reach. People type it from a receipt: case, spaces and hyphens do not matter.
 */
@Component
public class LookupSecrets {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    LookupSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new dossier's secret, in the submission's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(UUID dossierId) {
        String secret = generate();
        jdbc.sql("insert into dossier_lookup_secret (dossier_id, secret) values (:id, :secret)")
                .param("id", dossierId)
                .param("secret", secret)
                .update();
        return secret;
    }

    /** The secret, for the applicant and the agency's officers (the receipt), never for the public. */
    public Optional<String> of(UUID dossierId) {
        return jdbc.sql("select secret from dossier_lookup_secret where dossier_id = :id")
                .param("id", dossierId)
                .query(String.class)
                .optional();
    }

    /** Whether {@code given} is the dossier's secret (compared in constant time, as typed from the receipt). */
    boolean matches(UUID dossierId, String given) {
        Optional<String> secret = of(dossierId);
        if (secret.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(
                secret.get().getBytes(StandardCharsets.US_ASCII),
                normalised(given).getBytes(StandardCharsets.US_ASCII));
    }

    static String normalised(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static String generate() {
        StringBuilder secret = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}

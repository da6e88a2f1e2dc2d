package vn.egov.dossier.dataprotection;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The desk's search of an agency's queue by the applicant's CCCD or full name (issue 15, decision 44). Both are
 * personal data sealed at rest, so the search goes through blind indexes: a keyed hash of the 12-digit CCCD (the same
 * one walk-ins are claimed by) and of the full name folded (accents and case removed, spaces collapsed), one row each
 * in {@code dossier_applicant_index}. An equality lookup only: "Nguyễn Văn An" finds "nguyen van  AN" but not "Văn An"
 * (a partial name would need the name itself, or n-grams of it, in the database: a dictionary attack on a hash of a
 * short name part is cheap, and the search is for the person at the counter, whose full name is on their card).
 */
@Component
public class ApplicantIndex {

    /** Longest search term taken (a full name is far shorter). */
    public static final int TERM_LIMIT = 100;

    /** What a term is looked up by: its kind and its digests under every configured key. */
    public record Lookup(String kind, List<String> digests) {}

    private final JdbcClient jdbc;
    private final ApplicantIdentities identities;

    ApplicantIndex(JdbcClient jdbc, ApplicantIdentities identities) {
        this.jdbc = jdbc;
        this.identities = identities;
    }

    /** Indexes a new dossier's applicant (in the dossier's transaction); a value that is absent is not indexed. */
    public void record(UUID dossierId, String nationalId, String fullName) {
        if (nationalId != null && nationalId.strip().matches("\\d{12}")) {
            insert(dossierId, "NATIONAL_ID", identities.hash(nationalId.strip()));
        }
        String folded = foldedName(fullName);
        if (folded != null) {
            insert(dossierId, "FULL_NAME", identities.nameHashes(folded).get(0));
        }
    }

    /**
     * The lookup of a search term: 12 digits are a CCCD, anything else a full name; empty when the term has nothing
     * to look up (only spaces or punctuation).
     */
    public Optional<Lookup> lookup(String term) {
        String t = term == null ? "" : term.strip();
        if (t.matches("\\d{12}")) {
            return Optional.of(new Lookup("NATIONAL_ID", identities.hashes(t)));
        }
        String folded = foldedName(t);
        return folded == null ? Optional.empty() : Optional.of(new Lookup("FULL_NAME", identities.nameHashes(folded)));
    }

    /** "  Nguyễn  Văn ĐỨC " → "nguyen van duc"; null when nothing of a name is left. */
    public static String foldedName(String name) {
        if (name == null) {
            return null;
        }
        String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return plain.isEmpty() ? null : plain;
    }

    private void insert(UUID dossierId, String kind, String digest) {
        jdbc.sql("""
                        insert into dossier_applicant_index (dossier_id, kind, digest) values (?, ?, ?)
                        on conflict do nothing""").params(dossierId, kind, digest).update();
    }
}

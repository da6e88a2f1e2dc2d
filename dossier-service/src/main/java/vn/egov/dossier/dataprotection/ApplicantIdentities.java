package vn.egov.dossier.dataprotection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import vn.egov.commons.crypto.AesGcmSealer;

/**
 * The applicant of a dossier taken at the counter (national id, name, date of birth, contacts), at rest: sealed like
 * form data (bound to the dossier), and the national id also as a keyed hash (HMAC-SHA256 under a key derived from
 * each data key) so that the person, verified later, finds their dossiers by an equality lookup without the number
 * being stored or searched in clear. A hash made under an older key still matches while that key is configured
 * ({@link #hashes}: one per key); the keys' own values never leave this class.
 */
@Component
public class ApplicantIdentities {

    private static final String HASH_LABEL = "egov.dossier.applicant-national-id:";
    private static final String NAME_LABEL = "egov.dossier.applicant-full-name:";

    private final AesGcmSealer sealer;
    /** Current key first. */
    private final Map<String, byte[]> hashKeys = new LinkedHashMap<>();

    ApplicantIdentities(AesGcmSealer sealer, DataProtectionProperties properties) {
        this.sealer = sealer;
        hashKeys.put(properties.dataKeyId(), derive(properties.dataKey()));
        properties.previousDataKeys().forEach((id, key) -> hashKeys.putIfAbsent(id, derive(key)));
    }

    public static String purpose(UUID dossierId) {
        return "egov.dossier.walk-in-applicant:" + dossierId;
    }

    public AesGcmSealer.Sealed seal(UUID dossierId, String applicantJson) {
        return sealer.sealString(applicantJson, purpose(dossierId));
    }

    public String open(UUID dossierId, String keyId, byte[] sealed) {
        return sealer.openString(new AesGcmSealer.Sealed(keyId, sealed), purpose(dossierId));
    }

    /** Who collected a result at the counter (name, national id), sealed bound to the dossier. */
    public AesGcmSealer.Sealed sealCollector(UUID dossierId, String collectorJson) {
        return sealer.sealString(collectorJson, "egov.dossier.result-collector:" + dossierId);
    }

    public String openCollector(UUID dossierId, String keyId, byte[] sealed) {
        return sealer.openString(new AesGcmSealer.Sealed(keyId, sealed), "egov.dossier.result-collector:" + dossierId);
    }

    /** The keyed hash stored with a new walk-in dossier (current key). */
    public String hash(String nationalId) {
        return hashes(nationalId).get(0);
    }

    /** The keyed hash of {@code nationalId} under every configured key, the current one first. */
    public List<String> hashes(String nationalId) {
        List<String> all = new ArrayList<>();
        for (byte[] key : hashKeys.values()) {
            all.add(hmac(key, HASH_LABEL + nationalId));
        }
        return all;
    }

    /**
     * The keyed hash of a full name already folded ({@link ApplicantIndex#foldedName}) under every configured key, the
     * current one first: the desk's search by name (an exact match of the folded name, never a partial one).
     */
    public List<String> nameHashes(String foldedName) {
        List<String> all = new ArrayList<>();
        for (byte[] key : hashKeys.values()) {
            all.add(hmac(key, NAME_LABEL + foldedName));
        }
        return all;
    }

    // a key of its own for hashing, derived from the data key (never the AES key itself)
    private static byte[] derive(String configured) {
        byte[] dataKey = AesGcmSealer.keyBytes(configured);
        return HexFormat.of().parseHex(hmac(dataKey, "egov.dossier.applicant-hash-key"));
    }

    private static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

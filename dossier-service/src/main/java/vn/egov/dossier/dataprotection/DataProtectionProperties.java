package vn.egov.dossier.dataprotection;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.dossier.*} keys that protect personal data at rest (form data and document bytes).
 *
 * @param dataKey          the current AES-256 key: base64 of 32 random bytes in any real environment (a
 *                         development value of another shape is stretched with SHA-256 and refused in the
 *                         {@code prod} profile, see {@code egov.security.checked-secrets})
 * @param dataKeyId        the id stored with every sealed value, so that a rotated key still opens it
 * @param previousDataKeys older keys by id: they only open. Rotation = new key and id, the old one moved
 *                         here; at the next start form data and PostgreSQL-stored documents are re-sealed
 *                         with the new key (files are not: keep the old key while files sealed with it remain)
 * @param resealOnStart    seal rows still in clear (written before encryption existed) and re-seal rows
 *                         of a previous key, in small batches, once the service has started
 */
@ConfigurationProperties("egov.dossier")
public record DataProtectionProperties(
        String dataKey,
        @DefaultValue("k1") String dataKeyId,
        @DefaultValue Map<String, String> previousDataKeys,
        @DefaultValue("true") boolean resealOnStart) {}

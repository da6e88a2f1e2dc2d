package vn.egov.identity.personaldata;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.identity.*} keys that protect personal data at rest.
 *
 * @param dataKey the current AES-256 key for encrypting identity numbers: base64 of 32 random bytes in
 *     any real environment (a development value of another shape is stretched with SHA-256 and is
 *     refused in the {@code prod} profile)
 * @param dataKeyId the id stored next to every ciphertext, so that a rotated key still decrypts
 * @param previousDataKeys older keys by id: they only decrypt; rotation = new key and id here, old key
 *     moved to this map, then records re-encrypted at leisure (no downtime)
 * @param blindIndexKey the HMAC-SHA256 key of the blind index used for uniqueness and lookups; it is
 *     not rotated with the data key (the index must stay comparable)
 */
@ConfigurationProperties("egov.identity")
public record PersonalDataProperties(
        String dataKey,
        @DefaultValue("k1") String dataKeyId,
        @DefaultValue Map<String, String> previousDataKeys,
        String blindIndexKey) {}

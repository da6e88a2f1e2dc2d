package vn.egov.portal.submission;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.portal.signin.SignInProperties;

/**
 * Uploaded files of open wizards, in the portal's own database ({@code wizard_draft_file}), sealed with the
 * sessions' key (AES-256-GCM, the row's id bound in as associated data so that a row's bytes cannot be moved to
 * another row). Bounded: a draft holds at most one file per requirement and at most the API's dossier limit in
 * all (the controller checks before {@link #store}); a session at most {@code draftsPerSession} drafts; an
 * abandoned file lives at most {@code draftFileLifetime}, swept whenever a file is stored.
 */
@Component
class DraftFiles {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcClient db;
    private final WizardProperties properties;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    DraftFiles(JdbcClient db, WizardProperties properties, SignInProperties signIn) {
        this.db = db;
        this.properties = properties;
        this.key =
                new SecretKeySpec(Base64.getDecoder().decode(signIn.sessionKey().trim()), "AES");
    }

    /** Stores the file for this requirement of the draft, replacing the one chosen before. */
    @Transactional
    UUID store(String owner, UUID draft, String requirementCode, byte[] content) {
        db.sql("delete from wizard_draft_file where created_at < :before")
                .param("before", java.sql.Timestamp.from(Instant.now().minus(properties.draftFileLifetime())))
                .update();
        db.sql("delete from wizard_draft_file where owner_subject = :owner and draft_id = :draft"
                        + " and requirement_code = :requirement")
                .param("owner", owner)
                .param("draft", draft)
                .param("requirement", requirementCode)
                .update();
        UUID id = UUID.randomUUID();
        db.sql("insert into wizard_draft_file (id, owner_subject, draft_id, requirement_code, size_bytes, content)"
                        + " values (:id, :owner, :draft, :requirement, :size, :content)")
                .param("id", id)
                .param("owner", owner)
                .param("draft", draft)
                .param("requirement", requirementCode)
                .param("size", content.length)
                .param("content", seal(id, content))
                .update();
        return id;
    }

    /** The file's bytes, if it is still there and the owner's. */
    Optional<byte[]> read(String owner, UUID id) {
        return db.sql("select content from wizard_draft_file where id = :id and owner_subject = :owner")
                .param("id", id)
                .param("owner", owner)
                .query(byte[].class)
                .optional()
                .map(stored -> open(id, stored));
    }

    void delete(String owner, UUID id) {
        db.sql("delete from wizard_draft_file where id = :id and owner_subject = :owner")
                .param("id", id)
                .param("owner", owner)
                .update();
    }

    void deleteDraft(String owner, UUID draft) {
        db.sql("delete from wizard_draft_file where owner_subject = :owner and draft_id = :draft")
                .param("owner", owner)
                .param("draft", draft)
                .update();
    }

    private byte[] seal(UUID id, byte[] clear) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose(id));
            byte[] encrypted = cipher.doFinal(clear);
            return ByteBuffer.allocate(NONCE_BYTES + encrypted.length)
                    .put(nonce)
                    .put(encrypted)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a draft file", e);
        }
    }

    private byte[] open(UUID id, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(purpose(id));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // another key (PORTAL_SESSION_KEY changed) or altered bytes: the user chooses the file again
            return null;
        }
    }

    private static byte[] purpose(UUID id) {
        return ("egov-portal-draft-file:" + id).getBytes(StandardCharsets.US_ASCII);
    }
}

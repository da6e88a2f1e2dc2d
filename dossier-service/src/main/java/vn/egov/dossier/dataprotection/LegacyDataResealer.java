package vn.egov.dossier.dataprotection;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.crypto.AesGcmSealer;
import vn.egov.dossier.document.SealedDocumentStorage;
import vn.egov.dossier.dossier.DossierRow;

/**
 * Seals what is still in clear from before encryption at rest existed, and re-seals what an older key
 * sealed, once the service has started (in the background, so start-up is not held up by a big table):
 * <ul>
 *   <li>{@code dossier.form_data} in clear → {@code form_data_sealed} (form_data back to {@code {}});</li>
 *   <li>rows whose {@code data_key_id} is not the current key → sealed again with it;</li>
 *   <li>{@code document_content.content} that is not an envelope, or an envelope of an older key →
 *       sealed with the current key (whatever storage is configured: clear bytes must not stay).</li>
 * </ul>
 * Small batches, each in its own short transaction, rows taken with {@code for update skip locked}: it is
 * idempotent, safe with several instances starting at once, and resumable after a crash. Readers accept
 * both forms meanwhile, so nothing waits for it. Files of the filesystem storage are always sealed; they
 * are not re-keyed here (keep a previous key while files sealed with it exist).
 *
 * <p>Logs counts and ids only, never a value.
 */
@Component
class LegacyDataResealer {

    private static final Logger log = LoggerFactory.getLogger(LegacyDataResealer.class);
    static final int FORM_BATCH = 200;
    /** documents are up to megabytes each: few at a time */
    static final int DOCUMENT_BATCH = 10;

    record Resealed(int forms, int documents) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AesGcmSealer sealer;
    private final FormDataSealer forms;
    private final DataProtectionProperties properties;

    LegacyDataResealer(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            AesGcmSealer sealer,
            FormDataSealer forms,
            DataProtectionProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sealer = sealer;
        this.forms = forms;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (properties.resealOnStart()) {
            Thread worker = new Thread(
                    () -> {
                        try {
                            Resealed done = resealAll();
                            if (done.forms() > 0 || done.documents() > 0) {
                                log.info(
                                        "sealed at rest with key {}: {} dossier forms, {} documents",
                                        sealer.currentKeyId(),
                                        done.forms(),
                                        done.documents());
                            }
                        } catch (RuntimeException e) {
                            log.warn(
                                    "sealing data left in clear or under an older key stopped: {} (it resumes at the next start)",
                                    e.getClass().getSimpleName());
                        }
                    },
                    "dossier-reseal");
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** Everything left, batch after batch; also what a test calls. */
    Resealed resealAll() {
        int formCount = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            Batch batch = transactions.execute(tx -> resealForms(from));
            formCount += batch.changed();
            if (batch.last() == null) {
                break;
            }
            after = batch.last();
        }
        int documentCount = 0;
        after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            Batch batch = transactions.execute(tx -> resealDocuments(from));
            documentCount += batch.changed();
            if (batch.last() == null) {
                break;
            }
            after = batch.last();
        }
        return new Resealed(formCount, documentCount);
    }

    /** {@code last}: the highest id looked at, or null when there was nothing left. */
    private record Batch(int changed, UUID last) {}

    private record FormRow(UUID id, String clearJson, String keyId, byte[] sealed) {}

    private Batch resealForms(UUID after) {
        List<FormRow> rows = jdbc.sql("""
                        select id, form_data::text, data_key_id, form_data_sealed from dossier
                        where id > :after
                          and ((form_data_sealed is null and form_data <> '{}'::jsonb) or data_key_id <> :current)
                        order by id limit :batch for update skip locked""")
                .param("after", after)
                .param("current", sealer.currentKeyId())
                .param("batch", FORM_BATCH)
                .query((rs, i) ->
                        new FormRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .list();
        int changed = 0;
        for (FormRow row : rows) {
            if (row.sealed() != null && !sealer.holdsKey(row.keyId())) {
                log.warn(
                        "dossier {}: its form was sealed with key {}, which is not configured; left as it is",
                        row.id(),
                        row.keyId());
                continue;
            }
            String json = forms.open(row.id(), new DossierRow.StoredForm(row.clearJson(), row.keyId(), row.sealed()));
            AesGcmSealer.Sealed sealed = forms.seal(row.id(), json);
            jdbc.sql("update dossier set form_data = '{}', form_data_sealed = ?, data_key_id = ? where id = ?")
                    .params(sealed.bytes(), sealed.keyId(), row.id())
                    .update();
            changed++;
        }
        return new Batch(
                changed, rows.isEmpty() ? null : rows.get(rows.size() - 1).id());
    }

    private Batch resealDocuments(UUID after) {
        // data_key_id null: stored in clear before this change (or by an older instance during a rolling update)
        List<UUID> ids = jdbc.sql("""
                        select document_id from document_content
                        where document_id > :after and (data_key_id is null or data_key_id <> :current)
                        order by document_id limit :batch""")
                .param("after", after)
                .param("current", sealer.currentKeyId())
                .param("batch", DOCUMENT_BATCH)
                .query(UUID.class)
                .list();
        int changed = 0;
        for (UUID id : ids) {
            byte[] stored = jdbc.sql(
                            "select content from document_content where document_id = ? for update skip locked")
                    .param(id)
                    .query((rs, i) -> rs.getBytes(1))
                    .optional()
                    .orElse(null);
            if (stored == null) {
                continue;
            }
            byte[] clear;
            if (AesGcmSealer.isEnvelope(stored)) {
                String keyId = AesGcmSealer.unwrap(stored).keyId();
                if (keyId.equals(sealer.currentKeyId())) {
                    jdbc.sql("update document_content set data_key_id = ? where document_id = ?")
                            .params(keyId, id)
                            .update();
                    continue;
                }
                if (!sealer.holdsKey(keyId)) {
                    log.warn("document {}: sealed with key {}, which is not configured; left as it is", id, keyId);
                    continue;
                }
                clear = sealer.openEnvelope(stored, SealedDocumentStorage.purpose(id));
            } else {
                clear = stored;
            }
            jdbc.sql("update document_content set content = ?, data_key_id = ? where document_id = ?")
                    .params(sealer.sealEnvelope(clear, SealedDocumentStorage.purpose(id)), sealer.currentKeyId(), id)
                    .update();
            changed++;
        }
        return new Batch(changed, ids.isEmpty() ? null : ids.get(ids.size() - 1));
    }
}

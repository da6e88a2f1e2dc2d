package vn.egov.dossier.document;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.egov.commons.crypto.AesGcmSealer;

/**
 * Documents as bytea in the service's own database: stored in the submission's transaction, so a
 * dossier and its files commit or vanish together. Swap for an object store behind the same interface
 * when volumes grow (or use {@link FilesystemDocumentStorage}). Built by {@link DocumentStorageConfiguration}
 * behind {@link SealedDocumentStorage}: the bytea holds sealed bytes.
 */
final class PostgresDocumentStorage implements DocumentStorage {

    private final JdbcClient jdbc;

    PostgresDocumentStorage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(UUID documentId, byte[] content) {
        // the envelope's key id beside it: what a key rotation still has to re-seal is found without reading bytes
        String keyId =
                AesGcmSealer.isEnvelope(content) ? AesGcmSealer.unwrap(content).keyId() : null;
        jdbc.sql("insert into document_content (document_id, content, data_key_id) values (?, ?, ?)")
                .params(documentId, content, keyId)
                .update();
    }

    @Override
    public Optional<byte[]> load(UUID documentId) {
        return jdbc.sql("select content from document_content where document_id = ?")
                .param(documentId)
                .query((rs, i) -> rs.getBytes(1))
                .optional();
    }
}

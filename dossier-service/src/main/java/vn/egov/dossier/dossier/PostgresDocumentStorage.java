package vn.egov.dossier.dossier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Documents as bytea in the service's own database: stored in the submission's transaction, so a
 * dossier and its files commit or vanish together. Swap for an object store behind the same interface
 * when volumes grow.
 */
@Component
class PostgresDocumentStorage implements DocumentStorage {

    private final JdbcClient jdbc;

    PostgresDocumentStorage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(UUID documentId, byte[] content) {
        jdbc.sql("insert into document_content (document_id, content) values (?, ?)").params(documentId, content).update();
    }

    @Override
    public Optional<byte[]> load(UUID documentId) {
        return jdbc.sql("select content from document_content where document_id = ?").param(documentId)
                .query((rs, i) -> rs.getBytes(1)).optional();
    }
}

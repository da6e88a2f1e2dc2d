package vn.egov.dossier.document;

import java.util.Optional;
import java.util.UUID;

/** Where document bytes live; the metadata (name, type, size, SHA-256) stays in {@code dossier_document}. */
public interface DocumentStorage {

    /** Stores the bytes of a document; joins the caller's transaction when the store is transactional. */
    public void store(UUID documentId, byte[] content);

    public Optional<byte[]> load(UUID documentId);
}

package vn.egov.dossier.dossier;

import java.util.Optional;
import java.util.UUID;

/** Where document bytes live; the metadata (name, type, size, SHA-256) stays in {@code dossier_document}. */
interface DocumentStorage {

    /** Stores the bytes of a document; joins the caller's transaction when the store is transactional. */
    void store(UUID documentId, byte[] content);

    Optional<byte[]> load(UUID documentId);
}

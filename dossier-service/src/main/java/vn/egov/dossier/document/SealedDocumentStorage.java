package vn.egov.dossier.document;

import java.util.Optional;
import java.util.UUID;
import vn.egov.commons.crypto.AesGcmSealer;

/**
 * Seals document bytes on their way into whichever storage is configured and opens them on the way out.
 * Each document is an envelope (key id inside) bound to its document id, so bytes moved onto another
 * document's row or file do not open. The SHA-256 kept in {@code dossier_document} stays the digest of
 * the plaintext (the caller computes it before this point).
 *
 * <p>Bytes stored in clear before sealing existed (PostgreSQL only) are returned as they are: an envelope
 * starts with a NUL byte and no accepted file type does. {@link LegacyDataResealer} seals them.
 */
public final class SealedDocumentStorage implements DocumentStorage {

    private final DocumentStorage delegate;
    private final AesGcmSealer sealer;

    public SealedDocumentStorage(DocumentStorage delegate, AesGcmSealer sealer) {
        this.delegate = delegate;
        this.sealer = sealer;
    }

    public static String purpose(UUID documentId) {
        return "egov.dossier.document:" + documentId;
    }

    @Override
    public void store(UUID documentId, byte[] content) {
        delegate.store(documentId, sealer.sealEnvelope(content, purpose(documentId)));
    }

    @Override
    public Optional<byte[]> load(UUID documentId) {
        return delegate.load(documentId)
                .map(stored ->
                        AesGcmSealer.isEnvelope(stored) ? sealer.openEnvelope(stored, purpose(documentId)) : stored);
    }

    public DocumentStorage delegate() {
        return delegate;
    }
}

package vn.egov.dossier.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.commons.web.PageResponse;

/**
 * A citizen's personal document store (once-only): the documents of the dossiers they submitted — their
 * own uploads and the results agencies issued to them. Nothing here is ever someone else's: every query
 * is bound to the owner's subject.
 */
@Component
public class PersonalDocuments {

    /** One document as the store lists it; {@code dossierCode} is the dossier it was first given in. */
    public record StoredDocumentView(
            UUID id,
            String requirementCode,
            String kind,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            Instant uploadedAt,
            String dossierCode,
            String procedureCode,
            String procedureName,
            String agencyName) {}

    /** A document with its bytes, ready to be copied into a new dossier. */
    public record StoredDocument(UUID id, String fileName, String contentType, String sha256, byte[] content) {}

    private final JdbcClient jdbc;
    private final DocumentStorage storage;

    PersonalDocuments(JdbcClient jdbc, DocumentStorage storage) {
        this.jdbc = jdbc;
        this.storage = storage;
    }

    /**
     * The owner's documents, newest first; a file given several times (same requirement, same bytes) is
     * listed once, at its newest copy. {@code requirementCode} and {@code kind} filter when given.
     */
    public PageResponse<StoredDocumentView> list(
            String owner, String requirementCode, String kind, int page, int size) {
        String latest = """
                select distinct on (dd.requirement_code, dd.sha256)
                       dd.id, dd.requirement_code, dd.kind, dd.file_name, dd.content_type, dd.size_bytes, dd.sha256,
                       dd.uploaded_at, d.code, d.procedure_code, d.procedure_name, d.agency_name
                from dossier_document dd join dossier d on d.id = dd.dossier_id
                where d.applicant_subject = :owner
                  and (:requirement::text is null or dd.requirement_code = :requirement)
                  and (:kind::text is null or dd.kind = :kind)
                order by dd.requirement_code, dd.sha256, dd.uploaded_at desc""";
        long total = jdbc.sql("select count(*) from (" + latest + ") latest")
                .param("owner", owner)
                .param("requirement", requirementCode)
                .param("kind", kind)
                .query(Long.class)
                .single();
        List<StoredDocumentView> items = jdbc.sql("select * from (" + latest + ") latest"
                        + " order by uploaded_at desc, id limit :size offset :offset")
                .param("owner", owner)
                .param("requirement", requirementCode)
                .param("kind", kind)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> new StoredDocumentView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12)))
                .list();
        return PageResponse.of(items, page, size, total);
    }

    /** The owner's document with its bytes, or empty when it does not exist or belongs to someone else. */
    public Optional<StoredDocument> find(String owner, UUID id) {
        return jdbc.sql("""
                        select dd.id, dd.file_name, dd.content_type, dd.sha256
                        from dossier_document dd join dossier d on d.id = dd.dossier_id
                        where dd.id = ? and d.applicant_subject = ?""")
                .params(id, owner)
                .query((rs, i) -> new StoredDocument(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), null))
                .optional()
                .flatMap(doc -> storage.load(doc.id())
                        .map(content -> new StoredDocument(
                                doc.id(), doc.fileName(), doc.contentType(), doc.sha256(), content)));
    }
}

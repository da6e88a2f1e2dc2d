package vn.egov.dossier.document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes checked files: metadata row, then the bytes through the storage. */
public final class Documents {

    private Documents() {}

    public static void store(
            JdbcClient jdbc,
            DocumentStorage storage,
            UUID dossierId,
            List<AcceptedFile> files,
            String kind,
            String uploadedBy,
            Instant at) {
        for (AcceptedFile file : files) {
            UUID documentId = UUID.randomUUID();
            jdbc.sql("""
                            insert into dossier_document (id, dossier_id, requirement_code, kind, file_name, content_type,
                                                          size_bytes, sha256, uploaded_by, uploaded_at, reused_from)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            documentId,
                            dossierId,
                            file.requirementCode(),
                            kind,
                            file.fileName(),
                            file.contentType(),
                            (long) file.content().length,
                            file.sha256(),
                            uploadedBy,
                            OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                            file.reusedFrom())
                    .update();
            storage.store(documentId, file.content());
        }
    }

    /** A document as a download: its stored type, never sniffed by the browser, named safely, tagged by digest. */
    public static ResponseEntity<byte[]> download(String fileName, String contentType, String sha256, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .eTag("\"" + sha256 + "\"")
                .body(content);
    }
}

package vn.egov.dossier.tracking;

import java.time.Instant;
import java.util.UUID;

/**
 * One document of a dossier as its views show it (metadata; the file has its own endpoint). {@code copyKind}: for a
 * paper scanned at the counter, ORIGINAL or COPY (what it was scanned from); null for an upload.
 */
public record DocumentView(
        UUID id,
        String requirementCode,
        String kind,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        Instant uploadedAt,
        String copyKind) {}

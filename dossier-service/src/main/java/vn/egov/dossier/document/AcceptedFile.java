package vn.egov.dossier.document;

import java.util.UUID;

/** A file that passed every check, ready to store; {@code reusedFrom}: the stored document it copies, or null. */
public record AcceptedFile(
        String requirementCode, String fileName, String contentType, byte[] content, String sha256, UUID reusedFrom) {}

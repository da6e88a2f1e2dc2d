package vn.egov.portal.submission;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One wizard: what the user typed and chose, kept in the session between steps and after an error. Its id is
 * also the submission's Idempotency-Key, so a double click, a refresh or a retry of the last step is the same
 * request for the API, and at most one dossier comes of one wizard. Small by design: uploaded files are in
 * {@link DraftFiles}, the draft only names them.
 */
final class WizardDraft implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * A document chosen for a requirement: an upload waiting in {@link DraftFiles} ({@code uploadId}) or a document
     * of the citizen's store ({@code storedDocumentId}).
     */
    record Chosen(
            String requirementCode,
            UUID uploadId,
            UUID storedDocumentId,
            String fileName,
            String contentType,
            long sizeBytes)
            implements Serializable {

        public boolean uploaded() {
            return uploadId != null;
        }
    }

    /** The API's answer to the submission ({@code POST /api/v1/dossiers}, 201). */
    record Submitted(
            String code,
            String status,
            LocalDate dueDate,
            Long paymentAmount,
            String paymentUrl,
            boolean paymentPending)
            implements Serializable {}

    private final UUID id;
    private final String procedureCode;
    private final LinkedHashMap<String, String> formData = new LinkedHashMap<>();
    private final LinkedHashMap<String, Chosen> documents = new LinkedHashMap<>();
    private String agencyCode;
    private String caseCode;
    private boolean formDone;
    private Submitted submitted;

    WizardDraft(UUID id, String procedureCode) {
        this.id = id;
        this.procedureCode = procedureCode;
    }

    public UUID id() {
        return id;
    }

    public String procedureCode() {
        return procedureCode;
    }

    /** Field name → the text typed (a checked box is "true"); empty fields are not kept. */
    public Map<String, String> formData() {
        return formData;
    }

    /** Requirement code → the document chosen for it, in the procedure's order. */
    public Map<String, Chosen> documents() {
        return documents;
    }

    /** The agency chosen on the form step, or null (the only one that offers the procedure online). */
    public String agencyCode() {
        return agencyCode;
    }

    void agencyCode(String code) {
        this.agencyCode = code;
    }

    /** The procedure's case chosen on the form step (decision 58), or null (the procedure has none). */
    public String caseCode() {
        return caseCode;
    }

    void caseCode(String code) {
        this.caseCode = code;
    }

    boolean formDone() {
        return formDone;
    }

    void formDone(boolean done) {
        this.formDone = done;
    }

    Submitted submitted() {
        return submitted;
    }

    void submitted(Submitted answer) {
        this.submitted = answer;
    }

    @Override
    public String toString() {
        return "WizardDraft[" + id + ", " + procedureCode + "]"; // never the form's personal data in a log line
    }
}

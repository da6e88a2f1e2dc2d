package vn.egov.portal.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.UserApi;

/**
 * {@code POST /api/v1/dossiers} with the user's token: part {@code dossier} (JSON: procedure, form data, the
 * documents by requirement — a file's name or a stored document's id) and one {@code files} part per uploaded
 * document, with the wizard's id as the Idempotency-Key.
 */
@Component
class Submissions {

    /** The API's 201: {@code {"code","status","dueDate","payment":{"id","amount","paymentUrl"}|null,"paymentPending"}}. */
    record Answer(String code, String status, LocalDate dueDate, Payment payment, boolean paymentPending) {}

    record Payment(UUID id, long amount, String paymentUrl) {}

    /** A file the wizard sends: its bytes were read from {@link DraftFiles}. */
    record Upload(String fileName, String contentType, byte[] content) {}

    /** While the first of two identical requests is still being stored, the API answers 409 request-in-progress. */
    static final int IN_PROGRESS_TRIES = 5;

    private final RestClient api;

    Submissions(@UserApi RestClient api) {
        this.api = api;
    }

    /**
     * Submits; a second identical request (same key, same body) answers the same dossier as it is now. The
     * documents are sent in the draft's order, so the API's {@code documents[i]} errors name {@code documents.get(i)}.
     */
    Answer submit(WizardDraft draft, List<WizardDraft.Chosen> documents, Map<UUID, Upload> uploads) {
        MultiValueMap<String, HttpEntity<?>> parts = new LinkedMultiValueMap<>();
        Map<String, Object> dossier = new LinkedHashMap<>();
        dossier.put("procedureCode", draft.procedureCode());
        if (draft.caseCode() != null) {
            dossier.put("caseCode", draft.caseCode());
        }
        if (draft.agencyCode() != null) {
            dossier.put("agencyCode", draft.agencyCode());
        }
        dossier.put("formData", new LinkedHashMap<>(draft.formData()));
        List<Map<String, String>> refs = new ArrayList<>();
        for (WizardDraft.Chosen chosen : documents) {
            Map<String, String> ref = new LinkedHashMap<>();
            ref.put("requirementCode", chosen.requirementCode());
            if (chosen.uploaded()) {
                Upload upload = uploads.get(chosen.uploadId());
                ref.put("fileName", upload.fileName());
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.parseMediaType(upload.contentType()));
                parts.add("files", new HttpEntity<>(new NamedBytes(upload.content(), upload.fileName()), headers));
            } else {
                ref.put("storedDocumentId", chosen.storedDocumentId().toString());
            }
            refs.add(ref);
        }
        dossier.put("documents", refs);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("dossier", new HttpEntity<>(dossier, json));
        for (int attempt = 1; ; attempt++) {
            try {
                return api.post()
                        .uri("/api/v1/dossiers")
                        .header("Idempotency-Key", draft.id().toString())
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(parts)
                        .retrieve()
                        .body(Answer.class);
            } catch (ApiProblemException problem) {
                // a double click: the other request is storing this very dossier; ask again for its answer
                if (!"request-in-progress".equals(problem.code()) || attempt >= IN_PROGRESS_TRIES) {
                    throw problem;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ApiProblemException(503, "request-in-progress", interrupted);
        }
    }

    /** Bytes with a file name (the multipart writer takes the part's file name from the resource). */
    private static final class NamedBytes extends ByteArrayResource {
        private final String name;

        NamedBytes(byte[] content, String name) {
            super(content);
            this.name = name;
        }

        @Override
        public String getFilename() {
            return name;
        }
    }
}

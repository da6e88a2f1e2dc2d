package vn.egov.portal.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
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
 * The signed-in citizen's dossiers as dossier-service's API gives them, called with the user's own token: the
 * API answers only the user's dossiers (another's is 404, the same as one that does not exist), so the portal
 * never decides who may see what.
 */
@Component
class MyDossiers {

    /** An item of {@code GET /api/v1/dossiers} (a citizen's own, newest first). */
    record Summary(String code, String procedureCode, String status, Instant submittedAt, LocalDate dueDate) {}

    record Page(List<Summary> items, int page, int size, long totalItems, int totalPages) {}

    /** {@code GET /api/v1/dossiers/{code}}: what the dossier page shows of it. */
    record Dossier(
            String code,
            String procedureCode,
            String procedureName,
            String agencyName,
            String status,
            Instant submittedAt,
            LocalDate receivedDate,
            LocalDate dueDate,
            boolean overdue,
            long feeVnd,
            Payment payment,
            List<String> missingDocuments,
            List<Document> documents,
            String lookupSecret,
            // decision 58: the procedure's case it was submitted for, or null
            String caseName) {}

    /** The dossier's payment order (dossier-service's PaymentLink): null until payment-service has created it. */
    record Payment(UUID id, long amount, String paymentUrl) {}

    /** The catalogue's document requirement: what a requested document is called and which types it takes. */
    record Requirement(String code, String name, String nameEn, List<String> allowedTypes) {

        /** The allowed types as people know them: "PDF, JPEG". */
        public String kinds() {
            List<String> types = allowedTypes == null || allowedTypes.isEmpty()
                    ? List.of("application/pdf", "image/jpeg", "image/png")
                    : allowedTypes;
            return String.join(
                    ", ",
                    types.stream()
                            .map(t -> t.substring(t.indexOf('/') + 1).toUpperCase(java.util.Locale.ROOT))
                            .toList());
        }

        /** For the file input's {@code accept}: a hint to the browser's picker, never a check. */
        public String accept() {
            return allowedTypes == null ? "" : String.join(",", allowedTypes);
        }
    }

    record ProcedureDocuments(String code, List<Requirement> documents) {}

    /** A file of a supplement, checked by {@link SupplementFiles}, under the name the API will know it by. */
    record Upload(String requirementCode, String fileName, String contentType, byte[] content) {}

    /** kind: SUBMITTED (the citizen's), SUPPLEMENT (added on request), RESULT (the agency's decision). */
    record Document(
            UUID id,
            String requirementCode,
            String kind,
            String fileName,
            String contentType,
            long sizeBytes,
            Instant uploadedAt) {}

    /** {@code GET /api/v1/dossiers/{code}/history}: every transition, oldest first. */
    record HistoryEntry(
            String action,
            String fromStatus,
            String toStatus,
            String actorRole,
            String reason,
            String note,
            Instant occurredAt) {}

    /** The catalogue's names of a procedure ({@code GET /api/v1/procedures/{code}}). */
    record ProcedureName(String code, String name, String nameEn) {}

    private final RestClient api;
    private final RestClient publicApi;

    MyDossiers(@UserApi RestClient api, RestClient publicApi) {
        this.api = api;
        this.publicApi = publicApi;
    }

    Page list(int page, int size) {
        return api.get()
                .uri(uri -> uri.path("/api/v1/dossiers")
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<Page>() {});
    }

    /**
     * The procedures' names for a page of dossiers: the list API gives the procedure's code only, the public
     * catalogue its names (one call per procedure on the page). A procedure the catalogue no longer has keeps
     * its code.
     */
    Map<String, ProcedureName> procedureNames(List<Summary> dossiers) {
        Map<String, ProcedureName> names = new LinkedHashMap<>();
        for (Summary dossier : dossiers) {
            names.computeIfAbsent(dossier.procedureCode(), code -> {
                try {
                    return publicApi
                            .get()
                            .uri("/api/v1/procedures/{code}", code)
                            .retrieve()
                            .body(ProcedureName.class);
                } catch (ApiProblemException problem) {
                    if (!problem.isNotFound()) {
                        throw problem;
                    }
                    return new ProcedureName(code, code, null);
                }
            });
        }
        return names;
    }

    Dossier find(String code) {
        return api.get().uri("/api/v1/dossiers/{code}", code).retrieve().body(Dossier.class);
    }

    /** The procedure's document requirements (public catalogue); none when the catalogue no longer has it. */
    List<Requirement> requirements(String procedureCode) {
        try {
            ProcedureDocuments procedure = publicApi
                    .get()
                    .uri("/api/v1/procedures/{code}", procedureCode)
                    .retrieve()
                    .body(ProcedureDocuments.class);
            return procedure == null || procedure.documents() == null ? List.of() : procedure.documents();
        } catch (ApiProblemException problem) {
            if (!problem.isNotFound()) {
                throw problem;
            }
            return List.of();
        }
    }

    /**
     * {@code POST /api/v1/dossiers/{code}/supplements}: part {@code supplement} (the note and which file answers
     * which requested document) and the files as parts {@code files}. The API takes no Idempotency-Key here: a
     * second send finds the dossier no longer waiting for a supplement (409), which the page shows as a sentence.
     */
    void supplement(String code, String note, List<Upload> uploads) {
        Map<String, Object> supplement = new LinkedHashMap<>();
        if (note != null && !note.isBlank()) {
            supplement.put("note", note);
        }
        supplement.put(
                "documents",
                uploads.stream()
                        .map(u -> Map.of("requirementCode", u.requirementCode(), "fileName", u.fileName()))
                        .toList());
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("supplement", new HttpEntity<>(supplement, json));
        for (Upload upload : uploads) {
            HttpHeaders file = new HttpHeaders();
            file.setContentType(MediaType.parseMediaType(upload.contentType()));
            file.setContentDispositionFormData("files", upload.fileName());
            parts.add("files", new HttpEntity<>(new ByteArrayResource(upload.content()), file));
        }
        api.post()
                .uri("/api/v1/dossiers/{code}/supplements", code)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .toBodilessEntity();
    }

    List<HistoryEntry> history(String code) {
        return api.get()
                .uri("/api/v1/dossiers/{code}/history", code)
                .retrieve()
                .body(new ParameterizedTypeReference<List<HistoryEntry>>() {});
    }

    void withdraw(String code, String reason) {
        api.post()
                .uri("/api/v1/dossiers/{code}/actions/withdraw", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason))
                .retrieve()
                .toBodilessEntity();
    }

    void rate(String code, int score, String comment) {
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("score", score);
        if (comment != null && !comment.isBlank()) {
            rating.put("comment", comment);
        }
        api.post()
                .uri("/api/v1/dossiers/{code}/rating", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(rating)
                .retrieve()
                .toBodilessEntity();
    }
}

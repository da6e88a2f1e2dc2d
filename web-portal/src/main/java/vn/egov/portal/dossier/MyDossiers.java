package vn.egov.portal.dossier;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
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
            List<String> missingDocuments,
            List<Document> documents,
            String lookupSecret) {}

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

    /**
     * A document's file, streamed from the API to the browser as it comes (never whole in memory), with the
     * API's type and file name. A problem (404: not this user's, or no such document) becomes the usual page.
     */
    void download(String code, UUID document, HttpServletResponse browser) {
        api.get()
                .uri("/api/v1/dossiers/{code}/documents/{id}", code, document)
                .accept(MediaType.ALL)
                .exchange(
                        (request, response) -> {
                            int status = response.getStatusCode().value();
                            if (status >= 400) {
                                throw new ApiProblemException(status, "document-download-failed", null);
                            }
                            for (String header : List.of(
                                    HttpHeaders.CONTENT_TYPE,
                                    HttpHeaders.CONTENT_DISPOSITION,
                                    HttpHeaders.CONTENT_LENGTH,
                                    HttpHeaders.ETAG)) {
                                String value = response.getHeaders().getFirst(header);
                                if (value != null) {
                                    browser.setHeader(header, value);
                                }
                            }
                            // personal documents: never kept by the browser's or a proxy's cache
                            browser.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                            try {
                                StreamUtils.copy(response.getBody(), browser.getOutputStream());
                            } catch (IOException broken) {
                                throw new UncheckedIOException(broken);
                            }
                            return null;
                        },
                        true);
    }
}

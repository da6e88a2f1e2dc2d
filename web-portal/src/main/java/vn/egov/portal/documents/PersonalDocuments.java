package vn.egov.portal.documents;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.Downloads;
import vn.egov.portal.api.UserApi;

/**
 * dossier-service's personal document store ({@code GET /api/v1/documents}, {@code GET /api/v1/documents/{id}}),
 * with the user's token: the API answers only the user's own documents. A listed id can be given as
 * {@code storedDocumentId} in a new dossier instead of uploading the file again.
 */
@Component
public class PersonalDocuments {

    /** One document of the store; kind: SUBMITTED, SUPPLEMENT (given by the citizen), RESULT (issued to them). */
    public record StoredDocument(
            UUID id,
            String requirementCode,
            String kind,
            String fileName,
            String contentType,
            long sizeBytes,
            Instant uploadedAt,
            String dossierCode,
            String procedureCode,
            String procedureName,
            String agencyName) {}

    public record Page(List<StoredDocument> items, int page, int size, long totalItems, int totalPages) {}

    /** The API's largest page. */
    public static final int MAX_PAGE_SIZE = 100;

    private final RestClient api;

    PersonalDocuments(@UserApi RestClient api) {
        this.api = api;
    }

    public Page list(int page, int size) {
        return api.get()
                .uri(uri -> uri.path("/api/v1/documents")
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<Page>() {});
    }

    /** The file, streamed to the browser as it comes, never cached (personal data). */
    void download(UUID id, HttpServletResponse browser) {
        api.get().uri("/api/v1/documents/{id}", id).accept(MediaType.ALL).exchange(Downloads.to(browser), true);
    }
}

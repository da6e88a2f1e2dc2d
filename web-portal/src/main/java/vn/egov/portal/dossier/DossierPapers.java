package vn.egov.portal.dossier;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.Downloads;
import vn.egov.portal.api.UserApi;

/**
 * A dossier's files as the signed-in user may read them, the citizen's pages and the desk alike: its documents and
 * the official forms (Thông tư 03/2025) that apply to it now, streamed from the API with the user's token as they
 * come (never whole in memory). The API decides who sees what; a refusal becomes the usual page.
 */
@Component
public class DossierPapers {

    /** An official form of the dossier as dossier-service lists it: its number ("01") and title. */
    public record FormLink(String form, String title) {}

    private final RestClient api;

    DossierPapers(@UserApi RestClient api) {
        this.api = api;
    }

    /** The official forms that apply to the dossier now (receipt, supplement request, …), in their order. */
    public List<FormLink> forms(String code) {
        List<FormLink> forms = api.get()
                .uri("/api/v1/dossiers/{code}/forms", code)
                .retrieve()
                .body(new ParameterizedTypeReference<List<FormLink>>() {});
        return forms == null ? List.of() : forms;
    }

    /** An official form's PDF. */
    public void form(String code, String form, HttpServletResponse browser) {
        stream("/api/v1/dossiers/{code}/forms/{form}", browser, code, form);
    }

    /** A document's file, with the API's type and file name. */
    public void document(String code, UUID document, HttpServletResponse browser) {
        stream("/api/v1/dossiers/{code}/documents/{id}", browser, code, document);
    }

    private void stream(String path, HttpServletResponse browser, Object... variables) {
        api.get().uri(path, variables).accept(MediaType.ALL).exchange(Downloads.to(browser), true);
    }
}

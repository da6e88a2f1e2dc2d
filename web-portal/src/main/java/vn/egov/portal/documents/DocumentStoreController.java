package vn.egov.portal.documents;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** "Giấy tờ của tôi": the signed-in citizen's document store, 20 a page, each file downloadable. */
@Controller
class DocumentStoreController {

    static final int PAGE_SIZE = 20;

    private final PersonalDocuments documents;

    DocumentStoreController(PersonalDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/giay-to")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("results", documents.list(Math.max(page, 0), PAGE_SIZE));
        return "documents";
    }

    /** Another citizen's document, or none: the API's 404, so the 404 page. */
    @GetMapping("/giay-to/{id}")
    void download(@PathVariable UUID id, HttpServletResponse response) {
        documents.download(id, response);
    }
}

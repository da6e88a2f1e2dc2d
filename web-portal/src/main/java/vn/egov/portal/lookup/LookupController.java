package vn.egov.portal.lookup;

import jakarta.validation.Valid;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.ApiProblemException;

@Controller
class LookupController {

    /** What {@code GET /api/v1/public/dossiers/{code}} answers: no name, no identity number, no documents. */
    record PublicStatus(
            String code,
            String status,
            String procedureCode,
            String procedureName,
            String agencyName,
            LocalDate receivedDate,
            LocalDate appointmentDate) {}

    private final RestClient api;

    LookupController(RestClient api) {
        this.api = api;
    }

    @GetMapping(value = "/tra-cuu", params = "!code")
    String form(Model model) {
        model.addAttribute("form", new LookupForm(null, null));
        return "lookup";
    }

    /**
     * A GET form, so that a result can be bookmarked and the page works without JavaScript. A wrong secret and an
     * unknown code are the same 404 at the API, so the page cannot tell which of the two is wrong either.
     */
    @GetMapping(value = "/tra-cuu", params = "code")
    String lookup(@Valid @ModelAttribute("form") LookupForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return "lookup";
        }
        try {
            model.addAttribute(
                    "dossier",
                    api.get()
                            .uri("/api/v1/public/dossiers/{code}?secret={secret}", form.code(), form.secret())
                            .retrieve()
                            .body(PublicStatus.class));
        } catch (ApiProblemException problem) {
            if (!problem.isNotFound()) {
                throw problem; // the error page says what went wrong, in the user's language
            }
            errors.rejectValue("code", "lookup.code.not-found");
        }
        return "lookup";
    }
}

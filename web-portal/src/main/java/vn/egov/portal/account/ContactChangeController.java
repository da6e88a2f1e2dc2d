package vn.egov.portal.account;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.ProblemMessages;
import vn.egov.portal.api.UserApi;

/**
 * A change of email address or mobile number: identity-service sends a one-time code to the new destination;
 * the change applies once the code comes back. Two pages: the new value, then the code.
 */
@Controller
class ContactChangeController {

    record Accepted(String id, String channel) {}

    private final RestClient api;
    private final ProblemMessages messages;

    ContactChangeController(@UserApi RestClient api, ProblemMessages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/tai-khoan/lien-he")
    String form(Model model) {
        model.addAttribute("form", new ContactChangeForm("EMAIL", null));
        return "account/contact";
    }

    @PostMapping("/tai-khoan/lien-he")
    String request(@ModelAttribute("form") ContactChangeForm form, BindingResult errors, Locale locale) {
        Accepted accepted;
        try {
            accepted = api.post()
                    .uri("/api/v1/identity/me/contact-changes")
                    // a retried click does not send a second code
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("channel", String.valueOf(form.channel()), "value", String.valueOf(form.value())))
                    .retrieve()
                    .body(Accepted.class);
        } catch (ApiProblemException problem) {
            if (problem.status() == 401 || problem.status() >= 500) {
                throw problem;
            }
            FieldErrors.show(problem, errors, Set.of("channel", "value"), messages, locale);
            return "account/contact";
        }
        return "redirect:/tai-khoan/lien-he/" + accepted.id() + "?kenh=" + accepted.channel();
    }

    @GetMapping("/tai-khoan/lien-he/{id}")
    String codeForm(
            @PathVariable UUID id, @RequestParam(name = "kenh", defaultValue = "EMAIL") String channel, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("channel", "SMS".equals(channel) ? "SMS" : "EMAIL");
        return "account/contact-code";
    }

    @PostMapping("/tai-khoan/lien-he/{id}")
    String confirm(
            @PathVariable UUID id,
            @RequestParam(name = "kenh", defaultValue = "EMAIL") String channel,
            @RequestParam(defaultValue = "") String code,
            Model model,
            Locale locale) {
        try {
            api.post()
                    .uri("/api/v1/identity/me/contact-changes/{id}/confirm", id)
                    .body(Map.of("code", code.strip()))
                    .retrieve()
                    .toBodilessEntity();
        } catch (ApiProblemException problem) {
            if (problem.status() == 401 || problem.status() >= 500) {
                throw problem;
            }
            model.addAttribute("id", id);
            model.addAttribute("channel", "SMS".equals(channel) ? "SMS" : "EMAIL");
            model.addAttribute(
                    "codeError",
                    problem.fieldErrors().isEmpty()
                            ? messages.sentence(problem.code(), locale)
                            : problem.fieldErrors().get(0).message());
            // a wrong code may be typed again; an expired, used-up or replaced one needs a new request
            model.addAttribute("again", problem.status() == 422 || problem.status() == 400);
            return "account/contact-code";
        }
        return "redirect:/tai-khoan?lien-he=da-doi";
    }
}

package vn.egov.portal.account;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.ProblemMessages;

/** "Đăng ký": a new citizen account (level of assurance 1) through identity-service's public registration. */
@Controller
class RegistrationController {

    static final Set<String> FIELDS =
            Set.of("fullName", "nationalId", "dateOfBirth", "sex", "email", "phone", "password");

    private final RestClient api;
    private final ProblemMessages messages;
    private final RegistrationSwitch registration;

    RegistrationController(RestClient api, ProblemMessages messages, RegistrationSwitch registration) {
        this.api = api;
        this.messages = messages;
        this.registration = registration;
    }

    @GetMapping("/dang-ky")
    String form(Model model) {
        if (!registration.isOpen()) {
            return "account/register-closed";
        }
        model.addAttribute("form", RegistrationForm.empty());
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "account/register";
    }

    @PostMapping("/dang-ky")
    String register(@ModelAttribute("form") RegistrationForm form, BindingResult errors, Model model, Locale locale) {
        if (!registration.isOpen()) {
            return "account/register-closed";
        }
        try {
            api.post()
                    .uri("/api/v1/identity/registrations")
                    .header("Idempotency-Key", idempotencyKey(form.requestId()))
                    .body(form.request())
                    .retrieve()
                    .toBodilessEntity();
        } catch (ApiProblemException problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem; // the API is down or refuses: the error page says so
            }
            FieldErrors.show(problem, errors, FIELDS, messages, locale);
            // the corrected form is a new request (a new key); the template never shows the password again
            model.addAttribute("requestId", UUID.randomUUID().toString());
            return "account/register";
        }
        // Post/Redirect/Get: a reload of the next page does not register again
        return "redirect:/dang-ky/da-xong";
    }

    @GetMapping("/dang-ky/da-xong")
    String registered() {
        return "account/registered";
    }

    /** The form's own key when it looks like one, else a fresh one (a hand-made post). */
    private static String idempotencyKey(String requestId) {
        try {
            return UUID.fromString(requestId).toString();
        } catch (IllegalArgumentException | NullPointerException notAKey) {
            return UUID.randomUUID().toString();
        }
    }
}

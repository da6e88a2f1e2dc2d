package vn.egov.portal.account;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.validation.BindingResult;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.ProblemMessages;

/** An API problem on a form: its field errors next to the form's fields, anything else as one sentence. */
final class FieldErrors {

    private FieldErrors() {}

    /**
     * Puts the problem's field errors on the form's fields (the API's message, in the page's language); a
     * problem without field errors the form knows becomes a global error with the problem's sentence.
     */
    static void show(
            ApiProblemException problem,
            BindingResult form,
            Set<String> fields,
            ProblemMessages messages,
            Locale locale) {
        List<ApiProblemException.FieldError> known = problem.fieldErrors().stream()
                .filter(e -> fields.contains(e.field()))
                .toList();
        known.forEach(e -> form.rejectValue(e.field(), "api", e.message()));
        if (known.isEmpty()) {
            form.reject("api", messages.sentence(problem.code(), locale));
        }
    }
}

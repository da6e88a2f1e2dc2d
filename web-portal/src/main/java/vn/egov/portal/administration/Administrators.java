package vn.egov.portal.administration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.signin.SignedInUser;

/** What both administration pages share: who may open them, and an API problem turned into field errors. */
final class Administrators {

    /** The key of an error shown at the top of the form rather than next to a field. */
    static final String GENERAL = "general";

    private Administrators() {}

    /**
     * The signed-in user when they hold the role; a 403 otherwise. The page is only a convenience: the API refuses
     * the calls of anyone else with its own 403.
     */
    static SignedInUser require(String role) {
        SignedInUser user = SignedInUser.current();
        if (user == null || !user.roles().contains(role)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return user;
    }

    /**
     * The API's field errors next to the page's fields ({@code fields}); any other field, or a problem without
     * field errors, in one sentence at the top ({@code general}).
     */
    static Map<String, String> errors(ApiProblemException problem, Set<String> fields, String general) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ApiProblemException.FieldError e : problem.fieldErrors()) {
            String field = e.field() == null ? "" : e.field();
            errors.putIfAbsent(fields.contains(field) ? field : GENERAL, e.message());
        }
        if (errors.isEmpty()) {
            errors.put(GENERAL, general);
        }
        return errors;
    }

    /** A form field as typed, stripped; null when empty. */
    static String value(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}

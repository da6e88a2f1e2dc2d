package vn.egov.identity.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.ProblemFactory;

/**
 * Collects every field violation of a request, so that one answer names all bad fields
 * ({@code validation-failed} with an {@code errors} list); messages from {@code validation.<code>}.
 */
public final class ValidationErrors {

    public static final String REQUIRED = "required";

    private record Entry(String field, String code, Object[] args) {
        Entry(String field, String code) {
            this(field, code, null);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public ValidationErrors add(String field, String code) {
        entries.add(new Entry(field, code));
        return this;
    }

    public ValidationErrors addAll(String field, Collection<String> codes) {
        codes.forEach(c -> add(field, c));
        return this;
    }

    /** Records {@code required} when the value is missing and answers whether it is present. */
    public boolean require(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(field, REQUIRED);
            return false;
        }
        return true;
    }

    /**
     * Records a length limit broken ({@code Size}, worded like Bean Validation's {@code @Size}: "between 0 and
     * max") and answers whether the value is within it. Null is within any limit.
     */
    public boolean maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            entries.add(new Entry(field, "Size", new Object[] {field, max, 0}));
            return false;
        }
        return true;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public boolean has(String field) {
        return entries.stream().anyMatch(e -> e.field().equals(field));
    }

    public void throwIfAny(ProblemFactory problems) {
        if (!isEmpty()) {
            throw toProblem(problems, HttpStatus.BAD_REQUEST, "validation-failed");
        }
    }

    public ApiProblem toProblem(ProblemFactory problems, HttpStatus status, String code) {
        // worded when the answer is written, in the request's language (ProblemFactory)
        List<ApiProblem.FieldError> errors = entries.stream()
                .map(e -> ApiProblem.FieldError.of(e.field(), e.code(), e.args() == null ? new Object[0] : e.args()))
                .toList();
        return new ApiProblem(status, code, errors, Map.of());
    }
}

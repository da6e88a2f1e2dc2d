package vn.egov.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.Criteria;
import com.jayway.jsonpath.Filter;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Checks a problem that names a field: status, {@code code}, and an entry of {@code errors} for that field
 * (as {@code ProblemDetailsAdvice} writes it: {@code {"field","code","message"}}).
 */
public final class FieldProblems {

    private FieldProblems() {}

    /** Asserts the problem and answers the field's message (in the language the request asked for). */
    public static String assertFieldProblem(HttpResponse<String> response, int status, String code, String field) {
        ServiceConformance.assertProblem(response, status, code);
        List<Map<String, Object>> errors = ServiceConformance.json(response)
                .read("$.errors[?]", Filter.filter(Criteria.where("field").is(field)));
        assertThat(errors)
                .as("an error naming %s in %s", field, response.body())
                .isNotEmpty();
        Map<String, Object> error = errors.get(0);
        assertThat(error).containsKey("code");
        assertThat(error.get("message")).as("the message of %s", field).isInstanceOf(String.class);
        return (String) error.get("message");
    }

    /**
     * Asserts the problem and that its error for {@code field} has the stable code {@code fieldCode} (a policy's
     * own, such as {@code email-format}); answers the field's message.
     */
    public static String assertFieldProblem(
            HttpResponse<String> response, int status, String code, String field, String fieldCode) {
        String message = assertFieldProblem(response, status, code, field);
        List<String> codes = ServiceConformance.json(response)
                .read("$.errors[?].code", Filter.filter(Criteria.where("field").is(field)));
        assertThat(codes)
                .as("the codes of the errors naming %s in %s", field, response.body())
                .contains(fieldCode);
        return message;
    }
}

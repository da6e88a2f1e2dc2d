package vn.egov.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a problem that names a field: status, {@code code}, and an entry of {@code errors} for that field
 * (as {@code ProblemDetailsAdvice} writes it: {@code {"field","code","message"}}).
 */
public final class FieldProblems {

    private FieldProblems() {}

    /** Asserts the problem and answers the field's message (in the language the request asked for). */
    public static String assertFieldProblem(HttpResponse<String> response, int status, String code, String field) {
        ServiceConformance.assertProblem(response, status, code);
        Matcher m = Pattern.compile("\\{\"field\":\"" + Pattern.quote(field)
                        + "\",\"code\":\"([^\"]*)\",\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"}")
                .matcher(response.body());
        assertThat(m.find())
                .as("an error naming %s in %s", field, response.body())
                .isTrue();
        return m.group(2);
    }
}

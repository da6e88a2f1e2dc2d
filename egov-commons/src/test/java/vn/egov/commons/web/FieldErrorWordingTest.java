package vn.egov.commons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * A field error built with a message key is worded when the problem is written, in the problem's language
 * (whatever the JVM's own locale), and its key and arguments stay out of the JSON.
 */
class FieldErrorWordingTest {

    final ProblemFactory problems = new ProblemFactory();

    @SuppressWarnings("unchecked")
    List<ApiProblem.FieldError> errors(Locale locale, ApiProblem.FieldError error) {
        ProblemDetail problem =
                problems.create(HttpStatus.BAD_REQUEST, "validation-failed", locale, "c-1", List.of(error));
        return (List<ApiProblem.FieldError>) problem.getProperties().get("errors");
    }

    @Test
    void aKeyedFieldErrorIsWordedInTheProblemsLanguage() {
        Locale jvm = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH); // as on a machine set to English: it must not matter
        try {
            ApiProblem.FieldError size = ApiProblem.FieldError.of("reason", "Size", "reason", 2000, 0);
            assertThat(errors(Locale.forLanguageTag("vi"), size))
                    .containsExactly(new ApiProblem.FieldError(
                            "reason", "Size", "Độ dài (số ký tự hoặc số mục) phải từ 0 đến 2.000."));
            assertThat(errors(null, size).get(0).message()).startsWith("Độ dài");
            assertThat(errors(Locale.ENGLISH, size).get(0).message())
                    .isEqualTo("Length (characters or items) must be between 0 and 2,000.");
            // an unknown key: the code, never nothing
            assertThat(errors(Locale.ENGLISH, ApiProblem.FieldError.keyed("x", "odd", "validation.no-such-key"))
                            .get(0)
                            .message())
                    .isEqualTo("odd");
        } finally {
            Locale.setDefault(jvm);
        }
    }

    @Test
    void theJsonHasFieldCodeAndMessageOnly() {
        ProblemDetail problem = problems.create(
                HttpStatus.BAD_REQUEST,
                "validation-failed",
                Locale.ENGLISH,
                null,
                List.of(ApiProblem.FieldError.of("status", "NotNull")));
        String json = JsonMapper.builder()
                .build()
                .writeValueAsString(problem.getProperties().get("errors"));
        assertThat(json).isEqualTo("[{\"field\":\"status\",\"code\":\"NotNull\",\"message\":\"Required.\"}]");
    }
}

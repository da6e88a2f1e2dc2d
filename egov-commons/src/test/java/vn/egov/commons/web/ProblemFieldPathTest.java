package vn.egov.commons.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Fields of a violation are named as the client wrote the request, whatever Bean Validation's path looks like. */
class ProblemFieldPathTest {

    record Ref(@Size(max = 3) String fileName) {}

    record Request(
            @Size(max = 2) String reason,
            @Size(max = 1) List<@Size(max = 2) String> codes,
            List<@Valid Ref> documents,
            Map<String, @Size(max = 1) String> form) {}

    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    List<String> fields(Object bean) {
        return VALIDATOR.validate(bean).stream()
                .map(v -> ProblemDetailsAdvice.fieldPath(v.getPropertyPath()))
                .sorted()
                .toList();
    }

    @Test
    void propertiesListElementsNestedBeansAndMapValues() {
        assertThat(fields(new Request(
                        "abc", List.of("ok", "long"), List.of(new Ref("a"), new Ref("long")), Map.of("k", "vv"))))
                .containsExactly("codes", "codes[1]", "documents[1].fileName", "form[k]", "reason");
    }

    @Test
    void aMethodParameterIsNamedByItself() throws Exception {
        var method = ProblemFieldPathTest.class.getDeclaredMethod("search", String.class);
        var violations = VALIDATOR.forExecutables().validateParameters(this, method, new Object[] {"toolong"});
        assertThat(violations)
                .singleElement()
                .satisfies(v -> assertThat(ProblemDetailsAdvice.fieldPath(v.getPropertyPath()))
                        .isEqualTo("q"));
    }

    void search(@Size(max = 3) String q) {}
}

package vn.egov.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ProblemsTest {

    @ParameterizedTest(name = "Accept-Language ''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "                         | vi",
                "vi                       | vi",
                "vi-VN                    | vi",
                "en                       | en",
                "en-US,en;q=0.9           | en",
                "en-GB;q=0.8, vi;q=0.9    | vi",
                "fr-FR                    | vi",
                "fr-FR, en;q=0.5          | en",
                "*                        | vi",
                "not a language !!        | vi",
            })
    void answersInVietnameseUnlessTheCallerPrefersEnglish(String acceptLanguage, String expected) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/dossiers");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }

        assertThat(Problems.language(request.build())).isEqualTo(Locale.forLanguageTag(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "400, bad-request",
        "401, unauthorized",
        "403, forbidden",
        "404, not-found",
        "405, method-not-allowed",
        "413, payload-too-large",
        "415, unsupported-media-type",
        "422, bad-request",
        "500, internal-error",
        "502, upstream-unavailable",
        "503, upstream-unavailable",
        "504, upstream-timeout"
    })
    void statusesHaveStableCodes(int status, String code) {
        assertThat(ProblemExceptionHandler.codeFor(HttpStatus.valueOf(status))).isEqualTo(code);
    }
}

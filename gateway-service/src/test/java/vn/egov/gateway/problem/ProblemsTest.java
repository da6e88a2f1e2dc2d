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

    @ParameterizedTest(name = "Accept ''{0}'' -> a page: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8 | true",
                "application/json                                                                    | false",
                "application/problem+json, text/html;q=0.5                                           | false",
                "text/html;q=0.9, application/json                                                   | false",
                "*/*                                                                                 | false",
                "                                                                                    | false",
                "text/*                                                                              | false",
                "not a type                                                                          | false",
            })
    void aPageOnlyForACallerThatTakesHtmlBeforeJson(String accept, boolean page) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/auth/realms/egov/login-actions/x");
        if (accept != null) {
            request.header("Accept", accept);
        }

        assertThat(Problems.prefersHtml(request.build())).isEqualTo(page);
    }

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({"3, 3 giây", "59, 59 giây", "60, 1 phút", "61, 2 phút", "3599, 60 phút", "3600, 1 giờ", "86400, 24 giờ"
    })
    void thePageSaysWhenToTryAgainInUnitsAPersonReads(long seconds, String said) {
        assertThat(problems().page("sign-in-paused", Problems.VIETNAMESE, seconds, "abc"))
                .contains("Bạn có thể thử lại sau khoảng " + said + ".");
    }

    @org.junit.jupiter.api.Test
    void thePageEscapesWhatItRepeats() {
        String page = problems().page("sign-in-paused", Locale.ENGLISH, 60, "<script>x</script>");

        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains(
                        "<html lang=\"en\">", "<title>Sign-in to this account paused · Public Services Portal</title>")
                .contains("reference: &lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("<script>");
    }

    private static Problems problems() {
        org.springframework.context.support.ResourceBundleMessageSource messages =
                new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Problems(
                messages, tools.jackson.databind.json.JsonMapper.builder().build());
    }
}

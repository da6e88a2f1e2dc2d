package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own problems (it has no field errors: it refuses whole requests) speak the request's language
 * like the services' ones: Vietnamese by default, English on {@code Accept-Language: en}, the {@code code} the same.
 */
class ProblemLanguageIT extends GatewayIntegrationTest {

    private static final int MB = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @SuppressWarnings("unchecked")
    private Map<String, Object> bodyTooLarge(String... headers) {
        Map<String, String> all = new LinkedHashMap<>(
                Map.of("Content-Type", "application/json", "X-Correlation-Id", "lang-" + UUID.randomUUID()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        RawHttp.Response response = RawHttp.announce(port, "POST", "/api/v1/identity/registrations", MB + 1, all);
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        return JSON.readValue(response.body(), Map.class);
    }

    @Test
    void aBodyTooLargeIsRefusedInVietnameseByDefaultAndInEnglishOnRequest() {
        assertThat(bodyTooLarge())
                .containsEntry("code", "payload-too-large")
                .containsEntry("title", "Dữ liệu quá lớn")
                .containsEntry("detail", "Dữ liệu gửi lên vượt quá giới hạn cho phép.");
        assertThat(bodyTooLarge("Accept-Language", "en"))
                .containsEntry("code", "payload-too-large")
                .containsEntry("title", "Payload too large")
                .containsEntry("detail", "The request body exceeds the allowed size.");
    }

    @Test
    void aRequestWithoutTokenIsRefusedInVietnameseByDefaultAndInEnglishOnRequest() {
        HttpResponse<String> vi = gateway.get("/api/v1/dossiers").send();
        assertThat(assertProblem(vi, 401, "unauthorized"))
                .containsEntry("title", "Chưa đăng nhập")
                .containsEntry("detail", VI_UNAUTHORIZED);
        assertThat(vi.headers().firstValue("Content-Language")).hasValue("vi");

        HttpResponse<String> en =
                gateway.get("/api/v1/dossiers").header("Accept-Language", "en").send();
        assertThat(assertProblem(en, 401, "unauthorized"))
                .containsEntry("title", "Not signed in")
                .containsEntry("detail", EN_UNAUTHORIZED);
        assertThat(en.headers().firstValue("Content-Language")).hasValue("en");
    }
}

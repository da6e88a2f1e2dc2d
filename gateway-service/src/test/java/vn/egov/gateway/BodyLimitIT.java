package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Dossier routes take documents up to 25 MB; other routes 1 MB; beyond that a 413 problem. */
class BodyLimitIT extends GatewayIntegrationTest {

    private static final int MB = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void dossierUploadOver25MegabytesIsRefusedBeforeItIsSent() {
        String id = "upload-" + UUID.randomUUID();

        RawHttp.Response response = RawHttp.announce(
                port,
                "POST",
                "/api/v1/dossiers",
                25L * MB + 1,
                Map.of(
                        "Authorization",
                        "Bearer " + ISSUER.citizen("001090000001"),
                        "Content-Type",
                        "multipart/form-data; boundary=x",
                        "X-Correlation-Id",
                        id));

        assertPayloadTooLarge(response, id);
        assertThat(DOSSIER.requestWith(id)).isEmpty();
    }

    @Test
    void dossierUploadUnder25MegabytesPasses() {
        HttpResponse<String> response = gateway.post("/api/v1/dossiers")
                .bearer(ISSUER.citizen("001090000001"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .body(HttpRequest.BodyPublishers.ofByteArray(new byte[5 * MB]))
                .send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(relayedTo(DOSSIER, response).bodyLength()).isEqualTo(5 * MB);
    }

    @Test
    void otherRoutesStopAtOneMegabyte() {
        String id = "register-" + UUID.randomUUID();

        RawHttp.Response response = RawHttp.announce(
                port,
                "POST",
                "/api/v1/identity/registrations",
                MB + 1,
                Map.of("Content-Type", "application/json", "X-Correlation-Id", id));

        assertPayloadTooLarge(response, id);
        assertThat(IDENTITY.requestWith(id)).isEmpty();
    }

    @Test
    void aChunkedBodyIsCountedAsItArrives() {
        String id = "chunked-" + UUID.randomUUID();

        RawHttp.Response response = RawHttp.chunked(
                port,
                "POST",
                "/api/v1/identity/registrations",
                MB + 64 * 1024,
                Map.of("Content-Type", "application/json", "X-Correlation-Id", id));

        assertPayloadTooLarge(response, id);
        assertThat(IDENTITY.requestWith(id)).isEmpty();
    }

    @Test
    void aSmallChunkedBodyPasses() {
        String id = "chunked-small-" + UUID.randomUUID();

        RawHttp.Response response = RawHttp.chunked(
                port,
                "POST",
                "/api/v1/identity/registrations",
                200 * 1024,
                Map.of("Content-Type", "application/json", "X-Correlation-Id", id));

        assertThat(response.status()).isEqualTo(200);
        assertThat(IDENTITY.requestWith(id))
                .hasValueSatisfying(r -> assertThat(r.bodyLength()).isEqualTo(200 * 1024));
    }

    @SuppressWarnings("unchecked")
    private static void assertPayloadTooLarge(RawHttp.Response response, String correlationId) {
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("X-Correlation-Id")).isEqualTo(correlationId);
        Map<String, Object> problem = JSON.readValue(response.body(), Map.class);
        assertThat(problem)
                .containsEntry("code", "payload-too-large")
                .containsEntry("status", 413)
                .containsEntry("detail", "Dữ liệu gửi lên vượt quá giới hạn cho phép.")
                .containsEntry("correlationId", correlationId);
    }
}

package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** X-Road-style headers from ministry integrators: checked for form, logged (except the user id) and passed on. */
@ExtendWith(OutputCaptureExtension.class)
class XRoadHeadersIT extends GatewayIntegrationTest {

    @Test
    void wellFormedHeadersArePassedOnAndLogged(CapturedOutput output) {
        HttpResponse<String> response = gateway.post("/api/v1/identity/verifications")
                .bearer(ISSUER.client("bo-cong-an", "identity.verify"))
                .header("X-Correlation-Id", "xroad-ok")
                .header("X-Road-Client", "VN/GOV/000.00.00.G10/csdl-dan-cu")
                .header("X-Road-UserId", "VN001090000999")
                .header("X-Road-Issue", "HS-2026/000123")
                .send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        UpstreamStub.Received relayed = relayedTo(IDENTITY, response);
        assertThat(relayed.header("X-Road-Client")).isEqualTo("VN/GOV/000.00.00.G10/csdl-dan-cu");
        assertThat(relayed.header("X-Road-UserId")).isEqualTo("VN001090000999");
        assertThat(relayed.header("X-Road-Issue")).isEqualTo("HS-2026/000123");
        assertThat(AccessLogIT.accessLine(output, "xroad-ok"))
                .contains("xRoadClient=VN/GOV/000.00.00.G10/csdl-dan-cu")
                .contains("xRoadIssue=\"HS-2026/000123\"")
                .contains("xRoadUserId=present");
        // the acting official's id is personal data: relayed, never logged
        assertThat(output.getAll()).doesNotContain("001090000999");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "X-Road-Client | VN/GOV",
                "X-Road-Client | VN/GOV/G10/sub/extra",
                "X-Road-Client | VN/GOV/G10 sub",
                "X-Road-UserId | 001090000999",
                "X-Road-UserId | vn001090000999",
                "X-Road-Issue  | <script>",
                "X-Road-Issue  | HS-1;DROP",
            })
    void malformedHeaderIs400Problem(String header, String value) {
        HttpResponse<String> response = gateway.get("/api/v1/procedures")
                .header(header, value)
                .header("Accept-Language", "en")
                .send();

        assertThat(assertProblem(response, 400, "invalid-x-road-header"))
                .containsEntry("detail", "The X-Road-Client, X-Road-UserId or X-Road-Issue header is malformed.");
        assertAllUpstreamsUntouched(response);
    }

    @Test
    void theHeaderMayNotBeRepeated() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + gateway.hostAndPort() + "/api/v1/procedures"))
                .header("X-Road-Client", "VN/GOV/G10/a")
                .header("X-Road-Client", "VN/GOV/G10/b")
                .build();

        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 400, "invalid-x-road-header");
    }

    @Test
    void requestsWithoutThemAreUnaffected() {
        assertThat(gateway.get("/api/v1/procedures").send().statusCode()).isEqualTo(200);
    }
}

package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every upstream is down: the circuit breakers' fallback answers 503 problems, whatever the method. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class UpstreamDownIT extends GatewayUnderTest {

    @DynamicPropertySource
    static void deadUpstreams(DynamicPropertyRegistry registry) {
        upstreams(
                registry,
                UpstreamStub::deadUrl,
                UpstreamStub::deadUrl,
                UpstreamStub::deadUrl,
                UpstreamStub::deadUrl,
                UpstreamStub::deadUrl);
    }

    @Test
    void getGetsTheUpstreamProblem() {
        HttpResponse<String> response = gateway.get("/api/v1/procedures").send();

        Map<String, Object> problem = GatewayIntegrationTest.assertProblem(response, 503, "upstream-unavailable");
        assertThat(problem)
                .containsEntry("detail", "Dịch vụ đang tạm thời gián đoạn. Vui lòng thử lại sau ít phút.")
                .containsEntry("instance", "/api/v1/procedures");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
    }

    @Test
    void postGetsTheSameProblem() {
        HttpResponse<String> response = gateway.post("/api/v1/dossiers")
                .bearer(ISSUER.citizen("001090000001"))
                .header("Idempotency-Key", "k-1")
                .body("{\"procedureCode\":\"1.001234\"}")
                .send();

        Map<String, Object> problem = GatewayIntegrationTest.assertProblem(response, 503, "upstream-unavailable");
        assertThat(problem).containsEntry("instance", "/api/v1/dossiers");
    }

    @Test
    void otherMethodsAndEnglishToo() {
        HttpResponse<String> response = gateway.call("PUT", "/api/v1/notifications/preferences")
                .bearer(ISSUER.citizen("001090000001"))
                .header("Accept-Language", "en")
                .body("{}")
                .send();

        assertThat(GatewayIntegrationTest.assertProblem(response, 503, "upstream-unavailable"))
                .containsEntry("detail", "The service is temporarily unavailable. Please try again in a few minutes.");
    }

    @Test
    void keycloakDownIsAProblemToo() {
        HttpResponse<String> response = gateway.post("/auth/realms/egov/protocol/openid-connect/token")
                .body("grant_type=password")
                .send();

        GatewayIntegrationTest.assertProblem(response, 503, "upstream-unavailable");
    }

    @Test
    void theGatewaysLogLineCarriesTheCorrelationId(CapturedOutput output) {
        gateway.get("/api/v1/statistics/agencies")
                .header("X-Correlation-Id", "trace-me-123")
                .send();

        assertThat(output.getAll()
                        .lines()
                        .filter(line ->
                                line.contains("Upstream unavailable") && line.contains("/api/v1/statistics/agencies")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).containsPattern("\\[[0-9a-f]{32},[0-9a-f]{16},trace-me-123\\]"));
    }
}

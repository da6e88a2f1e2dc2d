package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port in front of real HTTP upstreams (one stub per service and one for
 * Keycloak) and a real OIDC issuer. Subclasses share one application context. The response timeout
 * is shortened so that the timeout tests stay quick.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout="
                + GatewayIntegrationTest.RESPONSE_TIMEOUT)
abstract class GatewayIntegrationTest extends GatewayUnderTest {

    static final String RESPONSE_TIMEOUT = "2s";
    static final Duration LONGER_THAN_RESPONSE_TIMEOUT = Duration.ofSeconds(3);

    static final UpstreamStub IDENTITY = UpstreamStub.start("identity");
    static final UpstreamStub DOSSIER = UpstreamStub.start("dossier");
    /** Its document is shaped as springdoc writes it at a service: with the service's own address. */
    static final UpstreamStub PAYMENT = UpstreamStub.start("payment").json("/v3/api-docs", """
            {"service": "payment", "openapi": "3.1.0", "info": {"title": "payment-service", "version": "v1"},
             "servers": [{"url": "http://payment-service:8083", "description": "Generated server url"}],
             "paths": {"/api/v1/payments/{id}": {"get": {"responses": {"200": {"description": "OK"}}}}}}
            """);

    static final UpstreamStub NOTIFICATION = UpstreamStub.start("notification")
            .eventStream("/api/v1/notifications/stream", LONGER_THAN_RESPONSE_TIMEOUT, "inbox-changed")
            .slow("/api/v1/notifications/slow", LONGER_THAN_RESPONSE_TIMEOUT);
    static final UpstreamStub KEYCLOAK = UpstreamStub.start("keycloak");

    static final String VI_UNAUTHORIZED =
            "Yêu cầu này cần đăng nhập. Vui lòng đăng nhập và gửi kèm mã truy cập (Bearer token).";
    static final String EN_UNAUTHORIZED =
            "This request requires signing in. Please sign in and send your access token (Bearer token).";

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        upstreams(registry, IDENTITY::url, DOSSIER::url, PAYMENT::url, NOTIFICATION::url, KEYCLOAK::url);
    }

    static String correlationId(HttpResponse<?> response) {
        return response.headers().firstValue("X-Correlation-Id").orElseThrow();
    }

    /** The upstream request that the gateway relayed for this response. */
    static UpstreamStub.Received relayedTo(UpstreamStub upstream, HttpResponse<?> response) {
        return upstream.requestWith(correlationId(response))
                .orElseThrow(() -> new AssertionError("the request did not reach " + upstream.url()));
    }

    static void assertNotRelayed(HttpResponse<?> response, UpstreamStub... upstreams) {
        String id = correlationId(response);
        for (UpstreamStub upstream : upstreams) {
            assertThat(upstream.requestWith(id))
                    .as("request relayed to %s", upstream.url())
                    .isEmpty();
        }
    }

    static void assertAllUpstreamsUntouched(HttpResponse<?> response) {
        assertNotRelayed(response, IDENTITY, DOSSIER, PAYMENT, NOTIFICATION, KEYCLOAK);
    }

    static Map<String, Object> assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Map<String, Object> problem = GatewayClient.json(response);
        assertThat(problem)
                .containsEntry("status", status)
                .containsEntry("code", code)
                .containsEntry("type", "urn:egov:problem:" + code)
                .containsEntry("correlationId", correlationId(response));
        assertThat(problem.get("title")).isNotNull();
        return problem;
    }

    static UpstreamStub stub(String service) {
        return switch (service) {
            case "identity" -> IDENTITY;
            case "dossier" -> DOSSIER;
            case "payment" -> PAYMENT;
            case "notification" -> NOTIFICATION;
            case "keycloak" -> KEYCLOAK;
            default -> throw new IllegalArgumentException(service);
        };
    }
}

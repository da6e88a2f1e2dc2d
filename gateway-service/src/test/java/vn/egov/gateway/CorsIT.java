package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Browsers on the configured web origins may call the API; others may not. */
class CorsIT extends GatewayIntegrationTest {

    @Test
    void preflightFromConfiguredOriginIsAllowedWithoutToken() {
        HttpResponse<String> response = gateway.call("OPTIONS", "/api/v1/dossiers")
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,x-correlation-id")
                .send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(headers -> assertThat(headers.toLowerCase())
                        .contains("authorization", "content-type", "idempotency-key", "x-correlation-id"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
        assertAllUpstreamsUntouched(response);
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        HttpResponse<String> response = gateway.call("OPTIONS", "/api/v1/dossiers")
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .send();

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertAllUpstreamsUntouched(response);
    }

    @Test
    void preflightAskingForAnotherHeaderIsRefused() {
        HttpResponse<String> response = gateway.call("OPTIONS", "/api/v1/dossiers")
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-admin-override")
                .send();

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void actualRequestFromConfiguredOriginExposesTheAgreedHeaders() {
        HttpResponse<String> response = gateway.get("/api/v1/procedures")
                .header("Origin", "http://127.0.0.1:8080")
                .send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin"))
                .containsExactly("http://127.0.0.1:8080");
        assertThat(String.join(",", response.headers().allValues("Access-Control-Expose-Headers")))
                .contains("X-Correlation-Id", "Location", "Retry-After");
    }

    @Test
    void actualRequestFromAnotherOriginIsRefused() {
        HttpResponse<String> response = gateway.get("/api/v1/procedures")
                .header("Origin", "http://evil.example")
                .send();

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertAllUpstreamsUntouched(response);
    }
}

package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The response timeout guards every route but the notification stream: the stub there is slower than
 * the timeout configured for this test, and still gets through.
 */
class StreamingIT extends GatewayIntegrationTest {

    @Test
    void notificationStreamIsNotCutByTheResponseTimeout() {
        HttpResponse<String> response = gateway.get("/api/v1/notifications/stream")
                .bearer(ISSUER.citizen("001090000001"))
                .header("Accept", "text/event-stream")
                .send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(response.body()).contains("data: inbox-changed");
    }

    @Test
    void otherRoutesTimeOutIntoTheUpstreamProblem() {
        HttpResponse<String> response = gateway.get("/api/v1/notifications/slow")
                .bearer(ISSUER.citizen("001090000001"))
                .send();

        assertProblem(response, 503, "upstream-unavailable");
        assertThat(relayedTo(NOTIFICATION, response).path()).isEqualTo("/api/v1/notifications/slow");
    }
}

package vn.egov.commons.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * One trace from the request that writes an outbox row to the listener that handles the event, over the real
 * relay and a real broker (decision 32): the event's {@code traceparent} is the request's, the handler runs in the
 * request's trace with the request's correlation id in its logging context, and the relay's send is timed.
 */
@SpringBootTest(
        classes = TracingTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"egov.security.public-paths=POST /api/v1/trace-probe", "spring.application.name=tracing-probe"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class TracingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TracingTestApplication.TracedListener listener;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void theConsumerHandlesTheEventInTheTraceOfTheRequestThatWroteIt() throws Exception {
        String correlationId = "corr-" + UUID.randomUUID();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/trace-probe"))
                                .header("X-Correlation-Id", correlationId)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        TracingTestApplication.Written written = JSON.readValue(response.body(), TracingTestApplication.Written.class);
        assertThat(written.traceId()).hasSize(32).isNotEqualTo("0".repeat(32));
        assertThat(written.correlationId()).isEqualTo(correlationId);

        // the row keeps the request's trace context in its envelope, written at publish time
        String stored = jdbc.sql("select payload from outbox_event where event_id = ?::uuid")
                .param(written.eventId())
                .query(String.class)
                .single();
        assertThat(JSON.readTree(stored).get("traceparent").asString())
                .startsWith("00-" + written.traceId() + "-")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");

        await().atMost(Duration.ofSeconds(60)).until(() -> listener.handled.containsKey(written.eventId()));
        TracingTestApplication.Handled handled = listener.handled.get(written.eventId());
        assertThat(handled.traceparent()).startsWith("00-" + written.traceId() + "-");
        assertThat(handled.eventCorrelationId()).isEqualTo(correlationId);
        assertThat(handled.traceId())
                .as("the handler's logging context is in the request's trace")
                .isEqualTo(written.traceId());
        assertThat(handled.spanId())
                .as("a span of its own (the consumer's), not the request's")
                .isNotNull()
                .isNotEqualTo(handled.traceparent().substring(36, 52));
        assertThat(handled.correlationId())
                .as("the request's correlation id in the consumer's logging context")
                .isEqualTo(correlationId);

        assertThat(meters.find("egov.outbox.relay.send")
                        .tag("topic", TracingTestApplication.TOPIC)
                        .tag("outcome", "sent")
                        .timer())
                .isNotNull()
                .satisfies(t -> assertThat(t.count()).isPositive());
    }
}

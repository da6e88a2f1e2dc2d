package vn.egov.commons.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
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
        properties = {
            "egov.security.public-paths=POST /api/v1/trace-probe,GET /api/v1/trace-probe/echo/*",
            "spring.application.name=tracing-probe"
        })
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

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ApplicationContext context;

    @Autowired
    io.micrometer.tracing.Tracer tracer;

    @Autowired
    io.micrometer.observation.ObservationRegistry observations;

    @Test
    void aStatementIsObservedOnlyInsideAnotherObservation() {
        // decision 46: the relay's poll, a sweep's query, a migration are no trace of their own; inside a traced
        // observation (its span current) a statement is observed
        assertThat(io.micrometer.observation.Observation.createNotStarted("jdbc.query", observations)
                        .isNoop())
                .isTrue();
        io.micrometer.observation.Observation request =
                io.micrometer.observation.Observation.start("http.server.requests", observations);
        try (var scope = request.openScope()) {
            assertThat(io.micrometer.observation.Observation.createNotStarted("jdbc.query", observations)
                            .isNoop())
                    .isFalse();
        } finally {
            request.stop();
        }
    }

    @Autowired
    TracingTestApplication.ClientObservations clientObservations;

    @Autowired
    feign.Capability[] feignCapabilities;

    @Autowired
    feign.RequestInterceptor[] feignInterceptors;

    @Autowired
    org.springframework.web.client.RestClient.Builder restClients;

    /** A Feign client as the services declare theirs, in Feign's own contract (no Spring Cloud here). */
    interface EchoClient {
        @feign.RequestLine("GET /api/v1/trace-probe/echo/{id}?email={email}")
        String echo(@feign.Param("id") String id, @feign.Param("email") String email);
    }

    @Test
    void anOpenFeignCallIsAClientSpanWithTheMeterOfARestClientCall() {
        // decision 48: the capability and interceptor every Feign client of a service gets (Spring Cloud OpenFeign
        // adds those beans); here they are added by hand to a plain Feign client
        feign.Feign.Builder builder = feign.Feign.builder().requestInterceptors(List.of(feignInterceptors));
        for (feign.Capability capability : feignCapabilities) {
            builder.addCapability(capability);
        }
        EchoClient client = builder.target(EchoClient.class, "http://localhost:" + port);
        String id = UUID.randomUUID().toString();
        String echoed;
        String outerTraceId;
        String outerSpanId;
        io.micrometer.observation.Observation outer =
                io.micrometer.observation.Observation.start("probe.outer", observations);
        try (var scope = outer.openScope()) {
            outerTraceId = tracer.currentSpan().context().traceId();
            outerSpanId = tracer.currentSpan().context().spanId();
            org.slf4j.MDC.put("correlationId", "corr-feign-" + id);
            echoed = client.echo(id, "nguoi.dan@example.vn");
        } finally {
            org.slf4j.MDC.remove("correlationId");
            outer.stop();
        }

        TracingTestApplication.ClientObservations.Ended call = clientObservations.ended.stream()
                .filter(e -> e.context().getCarrier().getURI().getPath().endsWith(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no client observation of the Feign call"));
        assertThat(call.traceId())
                .as("the call's span is in the caller's trace")
                .isEqualTo(outerTraceId);
        assertThat(call.spanId()).as("a span of its own").isNotNull().isNotEqualTo(outerSpanId);
        assertThat(echoed)
                .as("the callee got the call span as its parent, and the correlation id")
                .isEqualTo("00-" + outerTraceId + "-" + call.spanId() + "-01 corr-feign-" + id);
        Map<String, String> tags = new java.util.TreeMap<>();
        call.context().getAllKeyValues().forEach(kv -> tags.put(kv.getKey(), kv.getValue()));
        assertThat(tags)
                .containsEntry("uri", "/api/v1/trace-probe/echo/{id}?email={email}")
                .containsEntry("method", "GET")
                .containsEntry("status", "200")
                .containsEntry("outcome", "SUCCESS")
                .containsEntry("client.name", "localhost")
                .containsEntry("http.url", "http://localhost:" + port + "/api/v1/trace-probe/echo/" + id);
        assertThat(call.context().getContextualName()).isEqualTo("http get");

        // one meter family: a RestClient call's timer and the Feign call's have the same tag keys
        restClients
                .build()
                .get()
                .uri("http://localhost:" + port + "/api/v1/trace-probe/echo/{id}", "rest-" + id)
                .retrieve()
                .toBodilessEntity();
        Timer feignTimer = meters.find("http.client.requests")
                .tag("uri", "/api/v1/trace-probe/echo/{id}?email={email}")
                .timer();
        Timer restTimer = meters.find("http.client.requests")
                .tag("uri", "/api/v1/trace-probe/echo/{id}")
                .timer();
        assertThat(feignTimer).isNotNull();
        assertThat(restTimer).isNotNull();
        assertThat(feignTimer.count()).isPositive();
        assertThat(feignTimer.getId().getTags().stream().map(io.micrometer.core.instrument.Tag::getKey))
                .containsExactlyInAnyOrderElementsOf(restTimer.getId().getTags().stream()
                        .map(io.micrometer.core.instrument.Tag::getKey)
                        .toList());
    }

    @Test
    void withoutAnOtlpEndpointNoMetersArePushed() {
        // EGOV_OTLP_ENDPOINT is not set in the tests: Boot's OTLP meter registry would push to localhost:4318
        assertThat(context.getBeanNamesForType(OtlpMeterRegistry.class)).isEmpty();
    }

    @Test
    void theConsumerHandlesTheEventInTheTraceOfTheRequestThatWroteIt() throws Exception {
        String correlationId = "corr-" + UUID.randomUUID();
        TracingTestApplication.Written written = writeThroughARequest(correlationId);

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

        Timer relay = meters.find("egov.outbox.relay.send")
                .tag("topic", TracingTestApplication.TOPIC)
                .tag("outcome", "sent")
                .timer();
        assertThat(relay).isNotNull();
        assertThat(relay.count()).isPositive();
        // consumer processing time per listener, from the listener observation
        assertThat(meters.find("spring.kafka.listener").timers())
                .as("listener timers")
                .isNotEmpty()
                .anySatisfy(t -> assertThat(t.count()).isPositive());
    }

    /**
     * Every metric deploy/prometheus/alerts.yml names is one a running service registers (this one has the
     * plumbing, an observed request, a listener and a breaker); every metric the Grafana dashboards name is too, or
     * is a business counter that its service's code registers.
     */
    @Test
    void everyMetricTheAlertRulesAndDashboardsNameExists() throws Exception {
        TracingTestApplication.Written written = writeThroughARequest("corr-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).until(() -> listener.handled.containsKey(written.eventId()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !meters.find("spring.kafka.listener").timers().isEmpty());
        // the dead-letter counter appears with its first publication: one unreadable record
        kafka.send(TracingTestApplication.TOPIC, "not-json", "{ not json").get();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> meters.find("egov.events.dead.letter.published").counter() != null);
        assertThat(meters.find("egov.events.dead.letter.published")
                        .tag("reason", "unreadable")
                        .counter()
                        .count())
                .isPositive();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !meters.find("kafka.consumer.fetch.manager.records.lag.max")
                        .meters()
                        .isEmpty());

        Set<String> registered = prometheusNames();
        Path deploy = Path.of("..", "deploy").toAbsolutePath().normalize();

        Map<String, Object> rules = new Yaml().load(Files.readString(deploy.resolve("prometheus/alerts.yml")));
        List<String> alertExpressions = new ArrayList<>();
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> r = (Map<?, ?>) rule;
                assertThat(r.get("alert")).as("an alert's name").isNotNull();
                assertThat(((Map<?, ?>) r.get("annotations")).get("description"))
                        .as("what %s means and what to do", r.get("alert"))
                        .isNotNull();
                alertExpressions.add(String.valueOf(r.get("expr")));
            }
        }
        assertThat(alertExpressions).hasSizeGreaterThanOrEqualTo(6);
        assertThat(alertExpressions.stream().flatMap(e -> metricsIn(e).stream()))
                .as("metrics the alert rules name")
                .isNotEmpty()
                .allSatisfy(metric -> assertThat(registered).as(metric).contains(metric));

        Set<String> business = Set.of(
                "egov_dossier_events_total", "egov_payment_transitions_total", "egov_notification_deliveries_total");
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(deploy.resolve("grafana"))) {
            dashboards =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards.stream().map(f -> f.getFileName().toString()))
                .contains(
                        "platform.json",
                        "gateway-service.json",
                        "identity-service.json",
                        "dossier-service.json",
                        "payment-service.json",
                        "notification-service.json");
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = JSON.readTree(Files.readString(file));
            assertThat(uids.add(dashboard.get("uid").asString()))
                    .as("unique uid in %s", file)
                    .isTrue();
            assertThat(dashboard.get("panels")).as("panels of %s", file).isNotEmpty();
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    for (String metric : metricsIn(target.get("expr").asString())) {
                        if (business.contains(metric)) {
                            continue;
                        }
                        assertThat(registered)
                                .as("%s in %s", metric, file.getFileName())
                                .contains(metric);
                    }
                }
            }
        }
        // the business counters: each is registered by its service's code under its Micrometer name
        for (String metric : business) {
            String micrometerName =
                    metric.substring(0, metric.length() - "_total".length()).replace('_', '.');
            assertThat(sourcesMention(micrometerName))
                    .as(micrometerName + " in a service's code")
                    .isTrue();
        }
    }

    private static final Pattern METRIC =
            Pattern.compile("\\b((?:egov|http|jvm|kafka|resilience4j|spring_kafka)_[a-z0-9_]+)\\b");

    /** Metric names in a PromQL expression: label selectors and {@code by (…)} groupings removed first. */
    private static Set<String> metricsIn(String expression) {
        Set<String> names = new LinkedHashSet<>();
        String metricsOnly = expression.replaceAll("\\{[^}]*}", " ").replaceAll("\\b(by|without)\\s*\\([^)]*\\)", " ");
        Matcher m = METRIC.matcher(metricsOnly);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The series names Prometheus would show for the registered meters (Micrometer's naming, by meter type). */
    private Set<String> prometheusNames() {
        Set<String> names = new HashSet<>();
        for (Meter meter : meters.getMeters()) {
            String base = meter.getId().getName().replace('.', '_').replace('-', '_');
            String unit = meter.getId().getBaseUnit();
            switch (meter.getId().getType()) {
                case COUNTER -> names.add(base + "_total");
                case TIMER, LONG_TASK_TIMER -> {
                    for (String suffix : List.of("_count", "_sum", "_max", "_bucket", "")) {
                        names.add(base + "_seconds" + suffix);
                    }
                }
                case DISTRIBUTION_SUMMARY -> {
                    for (String suffix : List.of("_count", "_sum", "_max")) {
                        names.add(base + (unit != null ? "_" + unit : "") + suffix);
                    }
                }
                default -> {
                    names.add(base);
                    if (unit != null && !base.endsWith("_" + unit)) {
                        names.add(base + "_" + unit);
                    }
                }
            }
        }
        return names;
    }

    private static boolean sourcesMention(String micrometerName) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String service : List.of("dossier-service", "payment-service", "notification-service")) {
            Path sources = root.resolve(service).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                boolean found = files.filter(f -> f.toString().endsWith(".java"))
                        .anyMatch(f -> {
                            try {
                                return Files.readString(f).contains("\"" + micrometerName + "\"");
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    private TracingTestApplication.Written writeThroughARequest(String correlationId) throws Exception {
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

        return written;
    }
}

package vn.egov.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What every service must do the same way, checked over real HTTP against a running service: health
 * probes and metrics, 401 problem details for missing or bad tokens (Vietnamese by default, English
 * on request), correlation ids. Each service's integration test calls these and adds its own.
 */
public final class ServiceConformance {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final TestIssuer issuer = TestIssuer.shared();

    public ServiceConformance(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        return send(request, token, headers);
    }

    public HttpResponse<String> post(String path, String token, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        return send(request, token, headers);
    }

    /** Any method, with a JSON body when {@code json} is not null (PUT, DELETE, PATCH…). */
    public HttpResponse<String> call(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, token, headers);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token, String... headers) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Liveness and readiness are UP without a token; Prometheus metrics are exposed. */
    public void assertHealthAndMetrics() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> r = get(probe, null);
            assertThat(r.statusCode()).as(probe).isEqualTo(200);
            assertThat(json(r).read("$.status", String.class)).as(probe).isEqualTo("UP");
        }
        HttpResponse<String> metrics = get("/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests");
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs).read("$.openapi", String.class)).isNotBlank();
    }

    /**
     * {@code path} needs a token: none, expired, forged, unsigned ({@code alg: none}) and wrong
     * audience are all refused with 401 problem details; {@code validToken} is let through.
     */
    public void assertProtected(String path, String validToken) {
        HttpResponse<String> missing = get(path, null, "X-Correlation-Id", "test-correlation-1");
        assertProblem(missing, 401, "unauthorized");
        assertThat(missing.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json(missing).read("$.correlationId", String.class)).isEqualTo("test-correlation-1");
        assertThat(json(missing).read("$.detail", String.class)).contains("đăng nhập");
        assertThat(missing.headers().firstValue("X-Correlation-Id")).hasValue("test-correlation-1");

        HttpResponse<String> english = get(path, null, "Accept-Language", "en");
        assertProblem(english, 401, "unauthorized");
        assertThat(json(english).read("$.detail", String.class)).contains("sign in");

        Consumer<com.nimbusds.jwt.JWTClaimsSet.Builder> citizen =
                c -> c.subject(UUID.randomUUID().toString()).claim("realm_access", Map.of("roles", List.of("CITIZEN")));
        assertProblem(get(path, issuer.expired(citizen)), 401, "invalid-token");
        assertProblem(get(path, issuer.forged(citizen)), 401, "invalid-token");
        assertProblem(get(path, issuer.unsigned(citizen)), 401, "invalid-token");
        assertProblem(get(path, issuer.token(citizen.andThen(c -> c.audience("another-api")))), 401, "invalid-token");
        assertProblem(
                get(path, issuer.token(citizen.andThen(c -> c.issuer("http://127.0.0.1:1/realms/other")))),
                401,
                "invalid-token");

        HttpResponse<String> ok = get(path, validToken);
        assertThat(ok.statusCode())
                .as("valid token on " + path + ": " + ok.body())
                .isEqualTo(200);
    }

    public static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        DocumentContext problem = json(response);
        assertThat(problem.read("$.code", String.class)).as(response.body()).isEqualTo(code);
        assertThat(problem.read("$.type", String.class)).isEqualTo("urn:egov:problem:" + code);
        assertThat(problem.read("$.status", Integer.class)).isEqualTo(status);
        assertThat(problem.read("$", Map.class)).as(response.body()).containsKey("detail");
    }

    /**
     * The response's JSON body, to assert by path ({@code json(r).read("$.items[0].code", String.class)}); a body
     * that is not JSON fails the test with the body in the message.
     */
    public static DocumentContext json(HttpResponse<String> response) {
        return json(response.body());
    }

    /** {@code body} parsed, to assert by path. */
    public static DocumentContext json(String body) {
        try {
            return JsonPath.parse(body);
        } catch (InvalidJsonException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /**
     * A consumer of {@code topic} (keys and values as text) in a group of its own, so it reads from the first offset
     * and commits nothing anyone else reads; the caller polls it and closes it.
     */
    public static KafkaConsumer<String, String> readerFromTheStart(String bootstrapServers, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Reads {@code topic} from the beginning until a record containing {@code containing} shows up. */
    public static List<ConsumerRecord<String, String>> readTopic(
            String bootstrapServers, String topic, String containing, Duration wait) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = readerFromTheStart(bootstrapServers, topic)) {
            Instant deadline = Instant.now().plus(wait);
            while (found.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (r.value() != null && r.value().contains(containing)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}

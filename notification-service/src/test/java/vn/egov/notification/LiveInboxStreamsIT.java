package vn.egov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.TestIssuer;

/**
 * One person holds at most {@code max-per-person} live-inbox streams (here 2): the next is 429
 * {@code too-many-streams} (vi/en) while other people still connect, and a closed stream frees its place.
 * Each open stream holds a connection of the gateway's pool to this service; without the cap one person
 * could take them all.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "egov.notification.stream.max-per-person=2",
            // a stream the client closed is noticed at the next write
            "egov.notification.stream.heartbeat=200ms"
        })
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class LiveInboxStreamsIT {

    @LocalServerPort
    int port;

    final TestIssuer issuer = TestIssuer.shared();
    final HttpClient http = HttpClient.newHttpClient();
    final List<InputStream> open = new ArrayList<>();

    @AfterEach
    void closeStreams() throws Exception {
        for (InputStream stream : open) {
            stream.close();
        }
    }

    @Test
    void pastTheCapAPersonGets429WhileOthersStillConnect() throws Exception {
        String me = UUID.randomUUID().toString();
        assertThat(stream(me, "vi").statusCode()).isEqualTo(200);
        assertThat(stream(me, "vi").statusCode()).isEqualTo(200);

        HttpResponse<InputStream> third = stream(me, "vi");
        String body = new String(third.body().readAllBytes(), StandardCharsets.UTF_8);
        HttpResponse<String> vi = asString(third, body);
        assertProblem(vi, 429, "too-many-streams");
        assertThat(json(vi).read("$.title", String.class)).isEqualTo("Quá nhiều luồng thông báo đang mở");
        assertThat(json(vi).read("$.detail", String.class)).contains("Bạn đang mở 2 luồng thông báo trực tiếp");
        assertThat(json(vi).read("$.maxStreams", Integer.class)).isEqualTo(2);

        HttpResponse<InputStream> fourth = stream(me, "en");
        HttpResponse<String> en = asString(fourth, new String(fourth.body().readAllBytes(), StandardCharsets.UTF_8));
        assertProblem(en, 429, "too-many-streams");
        assertThat(json(en).read("$.title", String.class)).isEqualTo("Too many open notification streams");

        assertThat(stream(UUID.randomUUID().toString(), "vi").statusCode()).isEqualTo(200);
    }

    @Test
    void closingAStreamFreesItsPlace() throws Exception {
        String me = UUID.randomUUID().toString();
        HttpResponse<InputStream> first = stream(me, "vi");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(stream(me, "vi").statusCode()).isEqualTo(200);
        HttpResponse<InputStream> refused = stream(me, "vi");
        assertThat(refused.statusCode()).isEqualTo(429);
        refused.body().close();

        first.body().close();

        Instant deadline = Instant.now().plusSeconds(15);
        int status = 0;
        while (status != 200 && Instant.now().isBefore(deadline)) {
            HttpResponse<InputStream> again = stream(me, "vi");
            status = again.statusCode();
            if (status != 200) {
                again.body().close();
                Thread.sleep(200);
            }
        }
        assertThat(status).as("a new stream once the first was closed").isEqualTo(200);
    }

    private HttpResponse<InputStream> stream(String subject, String language) throws Exception {
        String token = issuer.token(c -> c.subject(subject).claim("realm_access", Map.of("roles", List.of("CITIZEN"))));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .header("Accept-Language", language)
                .GET()
                .build();
        HttpResponse<InputStream> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        if (response.statusCode() == 200) {
            open.add(response.body());
        }
        return response;
    }

    private static HttpResponse<String> asString(HttpResponse<InputStream> response, String body) {
        return new HttpResponse<>() {
            public int statusCode() {
                return response.statusCode();
            }

            public HttpRequest request() {
                return response.request();
            }

            public java.util.Optional<HttpResponse<String>> previousResponse() {
                return java.util.Optional.empty();
            }

            public java.net.http.HttpHeaders headers() {
                return response.headers();
            }

            public String body() {
                return body;
            }

            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
                return response.sslSession();
            }

            public URI uri() {
                return response.uri();
            }

            public HttpClient.Version version() {
                return response.version();
            }
        };
    }
}

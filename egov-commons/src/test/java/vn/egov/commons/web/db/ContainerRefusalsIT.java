package vn.egov.commons.web.db;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.egov.devstack.kafka.KafkaBroker;
import vn.egov.testsupport.TestIssuer;

/**
 * What Tomcat refuses before Spring sees it (a request line past its limit, an encoded slash or NUL in the path)
 * and a multipart body that cannot be parsed are problem documents in the caller's language, never Tomcat's HTML
 * page or a 500 (both were found by platform-tests' ApiFuzzJourneyIT).
 */
@SpringBootTest(
        classes = DatabaseDownTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "egov.security.public-paths=GET /api/v1/db-probe,POST /api/v1/db-probe",
            "spring.application.name=database-probe",
            "egov.events.relay-enabled=false",
            "spring.datasource.hikari.connection-timeout=1000",
            "spring.datasource.username=egov",
            "spring.datasource.password=egov"
        })
class ContainerRefusalsIT {

    @DynamicPropertySource
    static void noDatabaseNeeded(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + KafkaBroker.freePort() + "/gone");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared()::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestIssuer.shared()::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIssuer.AUDIENCE);
    }

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/db-probe/%00", "/api/v1/db-probe/..%2F..%2Fetc", "/api/v1/db-probe?q=LONG"})
    void tomcatsOwnRefusalsAreProblemsInVietnamese(String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET().build());

        assertProblem(r, 400, "bad-request");
        assertThat(json(r).read("$.title", String.class)).isEqualTo("Yêu cầu không hợp lệ");
        assertThat(r.body()).doesNotContain("<html", "Apache Tomcat");
    }

    @Test
    void inEnglishOnRequest() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/db-probe/%00"))
                .header("Accept-Language", "en-GB,en;q=0.8")
                .GET()
                .build());

        assertProblem(r, 400, "bad-request");
        assertThat(json(r).read("$.title", String.class)).isEqualTo("Bad request");
    }

    @Test
    void aMultipartBodyCutOffIsA400NotA500() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/db-probe"))
                .header("Content-Type", "multipart/form-data; boundary=cut")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "--cut\r\nContent-Disposition: form-data; name=\"dossier\"\r\n\r\n{", StandardCharsets.UTF_8))
                .build());

        assertProblem(r, 400, "bad-request");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path.replace("LONG", "x".repeat(10_000)));
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}

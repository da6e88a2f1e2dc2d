package vn.egov.commons.web.db;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.egov.devstack.kafka.KafkaBroker;
import vn.egov.testsupport.ServiceConformance;
import vn.egov.testsupport.TestIssuer;

/**
 * While a service's PostgreSQL is down (nothing listens on its port: the real driver and pool find it
 * so), requests get a 503 problem {@code database-unavailable} with {@code Retry-After}, soon (the
 * pool's connection timeout), never a 500 that reads like a bug.
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
class DatabaseDownIT {

    @DynamicPropertySource
    static void databaseNotThere(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + KafkaBroker.freePort() + "/gone");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared()::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestIssuer.shared()::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIssuer.AUDIENCE);
    }

    @LocalServerPort
    int port;

    @Test
    void aReadWithoutItsDatabaseGetsA503ProblemWithRetryAfter() {
        HttpResponse<String> r = new ServiceConformance(port).get("/api/v1/db-probe", null);
        assertProblem(r, 503, "database-unavailable");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(r.body()).contains("Hệ thống tạm thời không truy cập được dữ liệu");
    }

    @Test
    void aTransactionThatCannotBeginGetsTheSameProblemInEnglishOnRequest() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/db-probe"))
                                .header("Accept-Language", "en")
                                .timeout(Duration.ofSeconds(20))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 503, "database-unavailable");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(r.body()).contains("cannot reach its data");
    }
}

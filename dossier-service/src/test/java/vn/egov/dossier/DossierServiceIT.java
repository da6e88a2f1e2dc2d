package vn.egov.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;
import vn.egov.testsupport.TestIssuer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

/** dossier-service running on a real port against real PostgreSQL and Kafka, with real signed tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class DossierServiceIT {

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    final TestIssuer issuer = TestIssuer.shared();

    ServiceConformance service() {
        return new ServiceConformance(port);
    }

    @Test
    void theTestClockDoesNotExistUnlessEnabled() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String method : java.util.List.of("PUT", "DELETE", "GET")) {
            for (String token : new String[] {null, issuer.citizen("001190000909")}) {
                java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/test/clock"))
                        .header("Content-Type", "application/json")
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{\"offset\":\"P3D\"}"));
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(method + " " + r.body()).isEqualTo(404);
            }
        }
    }

    @Test
    void exposesHealthMetricsAndApiDocs() {
        service().assertHealthAndMetrics();
    }

    @Test
    void flywayOwnsTheSchemaIncludingTheEventPlumbing() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from outbox_event").query(Long.class).single()).isNotNull();
    }

    @Test
    void eventsLeaveThroughTheOutboxToKafka() {
        String marker = UUID.randomUUID().toString();
        transactions.executeWithoutResult(s -> events.publish(EventTopics.DOSSIER, "vn.egov.test.conformance-checked.v1",
                marker, Map.of("marker", marker)));
        assertThat(ServiceConformance.readTopic(RealInfrastructure.kafkaBootstrapServers(), EventTopics.DOSSIER, marker,
                Duration.ofSeconds(60))).hasSize(1);
    }

    @Test
    void theCatalogueIsPublicAndSearchableWithoutAccents() {
        HttpResponse<String> r = service().get("/api/v1/procedures?q=dang%20ky%20khai%20sinh", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Đăng ký khai sinh", "\"totalItems\":1");
        HttpResponse<String> accented = service().get("/api/v1/procedures?q=" + java.net.URLEncoder.encode("Đăng ký", java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(accented.body()).contains("Đăng ký khai sinh", "Đăng ký kết hôn");
        HttpResponse<String> missing = service().get("/api/v1/procedures/9.999999", null, "Accept-Language", "en");
        assertProblem(missing, 404, "procedure-not-found");
        assertThat(missing.body()).contains("9.999999");
    }

    @Test
    void dossierListsNeedATokenAndShowOnlyOwnOrOwnAgency() {
        jdbc.sql("insert into dossier (id, code, procedure_code, agency_code, applicant_subject, status, submitted_at) values (?, ?, ?, ?, ?, ?, now())")
                .params(UUID.randomUUID(), "000.00.01.H26-261122-9001", "1.001193", "000.00.01.H26", "subject-of-an", "SUBMITTED").update();
        String an = issuer.token(c -> c.subject("subject-of-an").claim("realm_access", Map.of("roles", java.util.List.of("CITIZEN"))));
        service().assertProtected("/api/v1/dossiers", an);
        assertThat(service().get("/api/v1/dossiers", an).body()).contains("000.00.01.H26-261122-9001");
        assertThat(service().get("/api/v1/dossiers", issuer.citizen("001090099999")).body())
                .doesNotContain("000.00.01.H26-261122-9001").contains("\"totalItems\":0");
        assertThat(service().get("/api/v1/dossiers", issuer.staff("canbo.motcua", "OFFICER", "000.00.01.H26")).body())
                .contains("000.00.01.H26-261122-9001");
        assertThat(service().get("/api/v1/dossiers", issuer.staff("canbo.khac", "OFFICER", "000.00.02.H26")).body())
                .doesNotContain("000.00.01.H26-261122-9001");
    }
}

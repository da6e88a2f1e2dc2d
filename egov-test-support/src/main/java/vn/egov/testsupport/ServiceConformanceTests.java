package vn.egov.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conformance tests every service with a database and an outbox passes the same way, written once: a
 * service's {@code *ServiceIT} (a {@code @SpringBootTest} on a random port against the real infrastructure)
 * implements this interface, names its topic and how to write an event to its outbox, and inherits the tests.
 * The parameters are filled by Spring's JUnit extension from the running service.
 */
public interface ServiceConformanceTests {

    /** The topic this service's outbox sends to. */
    String eventTopic();

    /**
     * Writes an event to the service's outbox in a transaction, as its own code does ({@code EventPublisher}
     * lives in egov-commons, whose tests depend on this module, so the service does the call).
     */
    void publishThroughTheOutbox(String type, String key, Map<String, Object> data);

    @Test
    default void exposesHealthMetricsAndApiDocs(@Value("${local.server.port}") int port) {
        new ServiceConformance(port).assertHealthAndMetrics();
    }

    @Test
    default void flywayOwnsTheSchemaIncludingTheEventPlumbing(@Autowired JdbcClient jdbc) {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
        // the plumbing's scripts have their own history (egov-commons, decision 14), none is in the service's
        assertThat(jdbc.sql("select count(*) from egov_commons_schema_history where success and script like '%.sql'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where script like '%event_plumbing%'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event")
                        .query(Long.class)
                        .single())
                .isNotNull();
    }

    @Test
    default void eventsLeaveThroughTheOutboxToKafka() {
        String marker = UUID.randomUUID().toString();
        publishThroughTheOutbox("vn.egov.test.conformance-checked.v1", marker, Map.of("marker", marker));
        assertThat(ServiceConformance.readTopic(
                        RealInfrastructure.kafkaBootstrapServers(), eventTopic(), marker, Duration.ofSeconds(60)))
                .hasSize(1);
    }

    /** egov-commons' parked-event endpoint is in every service with an outbox, behind its security: SYSTEM_ADMIN only. */
    @Test
    default void onlyASystemAdministratorSeesAndHandlesParkedEvents(@Value("${local.server.port}") int port) {
        String parked = "/api/v1/admin/events/parked";
        ServiceConformance service = new ServiceConformance(port);
        TestIssuer issuer = TestIssuer.shared();
        String admin = issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null);
        assertProblem(service.get(parked, null), 401, "unauthorized");
        assertProblem(service.get(parked, issuer.citizen("001090012345")), 403, "forbidden");
        assertProblem(
                service.get(parked, issuer.staff("quantri.coquan", "AGENCY_ADMIN", "000.00.01.H26")), 403, "forbidden");
        assertProblem(
                service.post(parked + "/" + UUID.randomUUID() + "/retry", issuer.citizen("001090012345"), null),
                403,
                "forbidden");
        HttpResponse<String> list = service.get(parked, admin);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(ServiceConformance.json(list).read("$.items", List.class)).isNotNull();
        assertProblem(
                service.post(parked + "/" + UUID.randomUUID() + "/discard", admin, null),
                404,
                "parked-event-not-found");
        assertThat(service.get("/actuator/prometheus", null).body()).contains("egov_outbox_parked{");
    }
}

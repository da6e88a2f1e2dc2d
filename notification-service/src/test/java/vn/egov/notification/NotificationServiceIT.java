package vn.egov.notification;

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

/** notification-service running on a real port against real PostgreSQL and Kafka, with real signed tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class NotificationServiceIT {

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
    void theInboxIsOwnOnly() {
        UUID item = UUID.randomUUID();
        jdbc.sql("insert into inbox_item (id, recipient_subject, kind, title, body) values (?, ?, ?, ?, ?)")
                .params(item, "inbox-owner", "DOSSIER_RECEIVED", "Hồ sơ đã được tiếp nhận", "Hồ sơ của bạn đã được tiếp nhận.").update();
        String owner = issuer.token(c -> c.subject("inbox-owner").claim("realm_access", Map.of("roles", java.util.List.of("CITIZEN"))));
        service().assertProtected("/api/v1/notifications", owner);
        assertThat(service().get("/api/v1/notifications", owner).body()).contains(item.toString(), "Hồ sơ đã được tiếp nhận");
        String stranger = issuer.citizen("001090099999");
        assertThat(service().get("/api/v1/notifications", stranger).body()).doesNotContain(item.toString());
        assertProblem(service().post("/api/v1/notifications/" + item + "/read", stranger, null), 404, "notification-not-found");
        assertThat(service().post("/api/v1/notifications/" + item + "/read", owner, null).statusCode()).isEqualTo(204);
        assertThat(service().get("/api/v1/notifications?unreadOnly=true", owner).body()).doesNotContain(item.toString());
    }
}

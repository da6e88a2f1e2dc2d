package vn.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;
import vn.egov.testsupport.ServiceConformanceTests;
import vn.egov.testsupport.TestIssuer;

/**
 * identity-service running on a real port against real PostgreSQL and Kafka, with real signed tokens; the checks
 * every service passes come from {@link ServiceConformanceTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class IdentityServiceIT implements ServiceConformanceTests {

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

    @Override
    public String eventTopic() {
        return EventTopics.IDENTITY;
    }

    @Override
    public void publishThroughTheOutbox(String type, String key, Map<String, Object> data) {
        transactions.executeWithoutResult(s -> events.publish(EventTopics.IDENTITY, type, key, data));
    }

    @Test
    void agenciesArePublic() {
        HttpResponse<String> r = service().get("/api/v1/identity/agencies?level=COMMUNE", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("000.00.01.H26", "Ủy ban nhân dân phường Ba Đình")
                .doesNotContain("\"MINISTRY\"");
        assertProblem(service().get("/api/v1/identity/agencies?size=1000", null), 400, "invalid-paging");
    }

    @Test
    void meNeedsAValidTokenAndMasksTheIdentityNumber() {
        String token = issuer.citizen("001090012345");
        service().assertProtected("/api/v1/identity/me", token);
        HttpResponse<String> me = service().get("/api/v1/identity/me", token);
        assertThat(me.body())
                .contains("\"nationalIdMasked\":\"001******345\"", "\"levelOfAssurance\":1", "CITIZEN")
                .doesNotContain("001090012345");
        HttpResponse<String> officer =
                service().get("/api/v1/identity/me", issuer.staff("canbo.motcua", "OFFICER", "000.00.01.H26"));
        assertThat(officer.body()).contains("\"agency\":\"000.00.01.H26\"", "OFFICER");
    }
}

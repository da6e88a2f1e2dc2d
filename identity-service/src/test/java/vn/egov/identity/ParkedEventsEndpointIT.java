package vn.egov.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;
import vn.egov.testsupport.TestIssuer;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

/**
 * egov-commons' parked-event endpoint is here too, behind this service's own security: SYSTEM_ADMIN only.
 * (Same configuration as {@link IdentityServiceIT}, so the same cached context.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class ParkedEventsEndpointIT {

    static final String PARKED = "/api/v1/admin/events/parked";

    @LocalServerPort
    int port;

    @Test
    void onlyASystemAdministratorSeesAndHandlesParkedEvents() {
        ServiceConformance service = new ServiceConformance(port);
        TestIssuer issuer = TestIssuer.shared();
        String admin = issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null);
        assertProblem(service.get(PARKED, null), 401, "unauthorized");
        assertProblem(service.get(PARKED, issuer.citizen("001090012345")), 403, "forbidden");
        assertProblem(service.get(PARKED, issuer.staff("quantri.coquan", "AGENCY_ADMIN", "000.00.01.H26")), 403, "forbidden");
        assertProblem(service.post(PARKED + "/" + UUID.randomUUID() + "/retry", issuer.citizen("001090012345"), null),
                403, "forbidden");
        HttpResponse<String> list = service.get(PARKED, admin);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("\"items\":[");
        assertProblem(service.post(PARKED + "/" + UUID.randomUUID() + "/discard", admin, null), 404, "parked-event-not-found");
        assertThat(service.get("/actuator/prometheus", null).body()).contains("egov_outbox_parked{");
    }
}

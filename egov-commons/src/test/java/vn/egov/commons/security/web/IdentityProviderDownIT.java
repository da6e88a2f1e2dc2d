package vn.egov.commons.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.egov.devstack.kafka.KafkaBroker;
import vn.egov.testsupport.ServiceConformance;
import vn.egov.testsupport.TestIssuer;

/**
 * When the identity provider's keys cannot be fetched, a request with a token gets a 503 problem
 * (not a bare 500), and requests without one still get their 401; public paths stay open.
 */
@SpringBootTest(
        classes = SecurityProblemsTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"egov.security.public-paths=GET /api/v1/public-probe", "spring.application.name=security-probe"})
class IdentityProviderDownIT {

    @DynamicPropertySource
    static void unreachableKeys(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared()::issuer);
        // nothing listens there: the key set cannot be fetched
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + KafkaBroker.freePort() + "/certs");
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIssuer.AUDIENCE);
    }

    @LocalServerPort
    int port;

    @Test
    void aTokenThatCannotBeCheckedGetsA503Problem() {
        ServiceConformance service = new ServiceConformance(port);
        HttpResponse<String> r =
                service.get("/api/v1/probe", TestIssuer.shared().citizen("001090012345"));
        assertProblem(r, 503, "identity-provider-unavailable");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(r.body()).contains("Hệ thống xác thực");

        assertProblem(service.get("/api/v1/probe", null), 401, "unauthorized");
        assertThat(service.get("/api/v1/public-probe", null).body()).isEqualTo("public");
    }
}

package vn.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformanceTests;
import vn.egov.testsupport.ServiceTestSupport;

/**
 * identity-service running on a real port against real PostgreSQL and Kafka, with real signed tokens; the checks
 * every service passes come from {@link ServiceConformanceTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class IdentityServiceIT extends ServiceTestSupport<EventPublisher> {

    IdentityServiceIT() {
        super(EventTopics.IDENTITY, EventPublisher::publish);
    }

    @Test
    void agenciesArePublic() {
        HttpResponse<String> r = service().get("/api/v1/identity/agencies?level=COMMUNE", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).read("$.items[?(@.code == '000.00.01.H26')].name", List.class))
                .containsExactly("Ủy ban nhân dân phường Ba Đình");
        assertThat(json(r).read("$.items[*].level", List.class)).containsOnly("COMMUNE");
        assertProblem(service().get("/api/v1/identity/agencies?size=1000", null), 400, "invalid-paging");
        assertThat(json(r).read("$.items[*].serviceCentre", List.class)).containsOnly(false);
        // the province's service centre receives for every agency of Hà Nội (decision 57)
        HttpResponse<String> province = service().get("/api/v1/identity/agencies?level=PROVINCE", null);
        assertThat(json(province).read("$.items[?(@.serviceCentre == true)].code", List.class))
                .containsExactly("000.00.90.H26");
        HttpResponse<String> centres = service().get("/api/v1/identity/agencies?serviceCentre=true", null);
        assertThat(json(centres).read("$.items[*].code", List.class)).containsExactly("000.00.90.H26");
    }

    @Test
    void meNeedsAValidTokenAndMasksTheIdentityNumber() {
        String token = issuer.citizen("001090012345");
        service().assertProtected("/api/v1/identity/me", token);
        HttpResponse<String> me = service().get("/api/v1/identity/me", token);
        assertThat(json(me).read("$.nationalIdMasked", String.class)).isEqualTo("001******345");
        assertThat(json(me).read("$.levelOfAssurance", Integer.class)).isEqualTo(1);
        assertThat(json(me).read("$.roles", List.class)).contains("CITIZEN");
        assertThat(me.body()).doesNotContain("001090012345");
        HttpResponse<String> officer =
                service().get("/api/v1/identity/me", issuer.staff("canbo.motcua", "OFFICER", "000.00.01.H26"));
        assertThat(json(officer).read("$.agency", String.class)).isEqualTo("000.00.01.H26");
        assertThat(json(officer).read("$.roles", List.class)).contains("OFFICER");
    }
}

package vn.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * The internal contacts endpoint against the real Keycloak and its egov realm (same Spring context as
 * {@link CitizenIdentityIT}): notification-service's own client-credentials token carries the
 * {@code identity.contacts} scope by the realm export and gets a Keycloak-only person's contacts; every
 * other caller gets the same 404 as an unknown person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(
        initializers = {RealInfrastructureInitializer.class, CitizenIdentityIT.RealKeycloakAndRegistry.class})
class PersonContactsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ServiceConformance service() {
        return new ServiceConformance(port);
    }

    @Test
    void notificationServiceReadsTheContactsOfAPersonWhoExistsOnlyInKeycloak() {
        String demoCitizen = RealKeycloak.admin("/users?username=001090012345&exact=true")
                .path(0)
                .path("id")
                .asString();
        assertThat(demoCitizen).isNotBlank();
        String notification = RealKeycloak.accessToken(
                RealKeycloak.clientCredentials("notification-service", "notification-service-dev-secret", null));
        assertThat(RealKeycloak.claims(notification).path("scope").asString()).contains("identity.contacts");

        HttpResponse<String> answer = service().get(path(demoCitizen), notification);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode contacts = JSON.readTree(answer.body());
        assertThat(contacts.path("email").asString()).isEqualTo("citizen@demo.egov.vn");
        assertThat(contacts.path("phone").asString()).isEqualTo("0912345678");
        assertThat(contacts.path("language").asString()).isEqualTo("vi");
        // contacts only: no identity number, no name, no roles
        assertThat(answer.body()).doesNotContain("001090012345").doesNotContain("Nguyễn");
        assertThat(contacts.propertyNames()).containsExactlyInAnyOrder("email", "phone", "language");

        // an officer (Keycloak only, no phone): email and language
        String officer = RealKeycloak.admin("/users?username=canbo.motcua&exact=true")
                .path(0)
                .path("id")
                .asString();
        assertThat(json(service().get(path(officer), notification)).read("$", Map.class))
                .containsEntry("email", "canbo.motcua@demo.egov.vn")
                .containsEntry("phone", null);

        assertProblem(service().get(path(UUID.randomUUID().toString()), notification), 404, "not-found");
        assertProblem(service().get(path("not-a-user-id"), notification), 404, "not-found");
    }

    @Test
    void anyOtherCallerGetsTheSame404AsForAnUnknownPerson() {
        String demoCitizen = RealKeycloak.admin("/users?username=001090012345&exact=true")
                .path(0)
                .path("id")
                .asString();
        String dossierService = RealKeycloak.accessToken(
                RealKeycloak.clientCredentials("dossier-service", "dossier-service-dev-secret", null));
        String ministry = RealKeycloak.accessToken(
                RealKeycloak.clientCredentials("ministry-justice", "ministry-justice-dev-secret", "identity.verify"));
        String citizen = RealKeycloak.passwordGrant("001090012345", "Demo@2026");
        String systemAdmin = RealKeycloak.passwordGrant("quantri.hethong", "Demo@2026");
        for (String token : new String[] {dossierService, ministry, citizen, systemAdmin}) {
            HttpResponse<String> refused = service().get(path(demoCitizen), token);
            assertProblem(refused, 404, "not-found");
            assertThat(refused.body()).doesNotContain("citizen@demo.egov.vn");
        }
        // the scope cannot be asked for by other clients either
        assertThat(RealKeycloak.clientCredentials("dossier-service", "dossier-service-dev-secret", "identity.contacts")
                        .statusCode())
                .isEqualTo(400);
        assertThat(service().get(path(demoCitizen), null).statusCode()).isEqualTo(401);
    }

    private static String path(String personId) {
        return "/api/v1/identity/internal/people/" + personId + "/contacts";
    }
}

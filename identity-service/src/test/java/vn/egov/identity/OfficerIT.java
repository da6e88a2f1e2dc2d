package vn.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.events.EventFieldSealer;
import vn.egov.contracts.identity.OfficerCreatedV1;
import vn.egov.contracts.identity.OfficerCreatedV2;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/** Agency administrators manage their own agency's officers, against the real Keycloak (same context as CitizenIdentityIT). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(
        initializers = {RealInfrastructureInitializer.class, CitizenIdentityIT.RealKeycloakAndRegistry.class})
class OfficerIT {

    private static final String AGENCY = "000.00.01.H26";
    private static final String OTHER_AGENCY = "000.00.02.H26";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FULL_NAME = "Vũ Thị Thu Hà";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventFieldSealer sealer;

    ServiceConformance service() {
        return new ServiceConformance(port);
    }

    @Test
    void anAgencyAdminCreatesListsAndDisablesOfficersOfTheirOwnAgencyOnly() {
        String admin = RealKeycloak.passwordGrant("quantri.coquan", "Demo@2026");
        String username = "canbo.it" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);

        HttpResponse<String> created =
                service().post("/api/v1/identity/officers", admin, body(username, "OFFICER", null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode officer = JSON.readTree(created.body());
        String id = officer.path("id").asString();
        assertThat(officer.path("agencyCode").asString()).isEqualTo(AGENCY);

        JsonNode user = RealKeycloak.admin("/users/" + id);
        assertThat(user.path("attributes").path("agency").path(0).asString()).isEqualTo(AGENCY);
        assertThat(user.path("requiredActions").toString()).contains("UPDATE_PASSWORD");
        List<String> roles = new ArrayList<>();
        RealKeycloak.admin("/users/" + id + "/role-mappings/realm")
                .forEach(r -> roles.add(r.path("name").asString()));
        assertThat(roles).contains("OFFICER").doesNotContain("AGENCY_ADMIN", "CITIZEN");
        assertThat(jdbc.sql("select count(*) from outbox_event where event_type = :t and event_key = :id")
                        .param("t", OfficerCreatedV2.TYPE)
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the name and the email sealed (issue 16): in clear nowhere in the record, opened with the events' key
        String event = CitizenIdentityIT.awaitEvent(id, OfficerCreatedV2.TYPE).value();
        CitizenIdentityIT.assertNoEventOfType(jdbc, id, OfficerCreatedV1.TYPE);
        String email = username + "@example.vn";
        CitizenIdentityIT.assertInClearNowhere(event, FULL_NAME, email);
        JsonNode data = JSON.readTree(event).path("data");
        assertThat(data.path("username").asString()).isEqualTo(username);
        assertThat(sealer.open(data.path("sealedFullName").asString(), OfficerCreatedV2.TYPE, "sealedFullName", id))
                .isEqualTo(FULL_NAME);
        assertThat(sealer.open(data.path("sealedEmail").asString(), OfficerCreatedV2.TYPE, "sealedEmail", id))
                .isEqualTo(email);

        // another agency's officer: refused, and nothing created
        String otherName = username + "x";
        assertProblem(
                service().post("/api/v1/identity/officers", admin, body(otherName, "OFFICER", OTHER_AGENCY)),
                403,
                "forbidden");
        assertThat(RealKeycloak.admin("/users?username=" + otherName + "&exact=true")
                        .size())
                .isZero();
        // only approver or officer roles
        HttpResponse<String> badRole =
                service().post("/api/v1/identity/officers", admin, body(otherName, "AGENCY_ADMIN", null));
        assertFieldProblem(badRole, 400, "validation-failed", "role");

        // not an agency admin: refused
        String officerToken = RealKeycloak.passwordGrant("canbo.motcua", "Demo@2026");
        assertProblem(
                service().post("/api/v1/identity/officers", officerToken, body(otherName, "OFFICER", null)),
                403,
                "forbidden");
        assertProblem(service().get("/api/v1/identity/officers", officerToken), 403, "forbidden");

        HttpResponse<String> list = service().get("/api/v1/identity/officers?size=100", admin);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode items = JSON.readTree(list.body()).path("items");
        List<String> usernames = new ArrayList<>();
        items.forEach(i -> {
            usernames.add(i.path("username").asString());
            assertThat(i.path("agencyCode").asString()).isEqualTo(AGENCY);
        });
        assertThat(usernames).contains(username, "canbo.motcua");

        assertThat(service()
                        .post("/api/v1/identity/officers/" + id + "/disable", admin, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(RealKeycloak.admin("/users/" + id).path("enabled").asBoolean())
                .isFalse();
        // someone outside the agency (the demo citizen) answers like an unknown id
        String citizenId = RealKeycloak.admin("/users?username=001090012345&exact=true")
                .path(0)
                .path("id")
                .asString();
        assertProblem(
                service().post("/api/v1/identity/officers/" + citizenId + "/disable", admin, null), 404, "not-found");
        assertProblem(
                service().post("/api/v1/identity/officers/00000000-0000-0000-0000-000000000000/disable", admin, null),
                404,
                "not-found");
        assertThat(RealKeycloak.admin("/users/" + citizenId).path("enabled").asBoolean())
                .isTrue();
    }

    private static String body(String username, String role, String agencyCode) {
        return """
                {"username": "%s", "fullName": "%s", "email": "%s@example.vn", "role": "%s", %s
                 "temporaryPassword": "Temp@2026x"}""".formatted(
                        username,
                        FULL_NAME,
                        username,
                        role,
                        agencyCode == null ? "" : "\"agencyCode\": \"" + agencyCode + "\",");
    }
}

package vn.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.devstack.simulators.business.BusinessRegistrySimulator;
import vn.egov.identity.CitizenIdentityIT.Person;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * Citizens link the businesses the business registration system (devstack's simulator) confirms they represent
 * (at level of assurance 2), see them in /me in the shape dossier-service reads, list and unlink them; against
 * the real Keycloak, PostgreSQL and Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(
        initializers = {RealInfrastructureInitializer.class, CitizenIdentityIT.RealKeycloakAndRegistry.class})
class BusinessIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ServiceConformance service() {
        return new ServiceConformance(port);
    }

    Citizens citizens() {
        return new Citizens(port);
    }

    @Test
    void aVerifiedCitizenLinksListsAndUnlinksABusinessAndMeShowsIt() {
        Person p = Person.random();
        String personId = citizens().register(p);
        String token = citizens().verifiedToken(p);
        String taxCode = aTaxCode();
        registered(taxCode, "Công ty TNHH  Ánh Dương", p);

        // the name kept is the registered one (spaces collapsed), not the one typed
        HttpResponse<String> linked = link(token, taxCode, "  Cty Anh Duong  ");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        JsonNode link = JSON.readTree(linked.body());
        assertThat(link.path("taxCode").asString()).isEqualTo(taxCode);
        assertThat(link.path("name").asString()).isEqualTo("Công ty TNHH Ánh Dương");
        assertThat(link.path("linkedAt").asString()).isNotBlank();

        // /me: businesses as [{"taxCode","name","linkedAt"}], exactly the shape dossier-service relies on
        JsonNode me = JSON.readTree(service().get("/api/v1/identity/me", token).body());
        assertThat(me.path("businesses").size()).isEqualTo(1);
        JsonNode listed = me.path("businesses").path(0);
        List<String> fields = new ArrayList<>(listed.propertyNames());
        assertThat(fields).containsExactlyInAnyOrder("taxCode", "name", "linkedAt");
        assertThat(listed).isEqualTo(link);

        JsonNode page = JSON.readTree(
                service().get("/api/v1/identity/businesses", token).body());
        assertThat(page.path("totalItems").asLong()).isEqualTo(1);
        assertThat(page.path("items").path(0)).isEqualTo(link);

        // the event through the outbox, and the audit row with who
        String event = CitizenIdentityIT.awaitEvent(personId, "vn.egov.identity.business-linked.v1")
                .value();
        assertThat(json(event).read("$.data", Map.class))
                .containsEntry("personId", personId)
                .containsEntry("taxCode", taxCode)
                .containsEntry("businessName", "Công ty TNHH Ánh Dương");
        assertThat(event).doesNotContain(p.nationalId);
        assertThat(jdbc.sql(
                                "select actor from identity_audit where person_id = :p::uuid and action = 'BUSINESS_LINKED'")
                        .param("p", personId)
                        .query(String.class)
                        .list())
                .containsExactly(personId);
        assertThat(jdbc.sql("select basis from business_link where person_id = :p::uuid")
                        .param("p", personId)
                        .query(String.class)
                        .list())
                .containsExactly("REGISTRY");

        // the same business again: 409; a retry with the same Idempotency-Key answers the first response again
        assertProblem(link(token, taxCode, "Công ty TNHH Ánh Dương"), 409, "business-already-linked");
        String branch = taxCode + "-002";
        registered(branch, "Chi nhánh Ánh Dương", p);
        HttpResponse<String> first =
                link(token, taxCode + "002", "Chi nhánh Ánh Dương", "Idempotency-Key", "b-" + branch);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(JSON.readTree(first.body()).path("taxCode").asString())
                .as("13 digits get their dash")
                .isEqualTo(branch);
        HttpResponse<String> retry =
                link(token, taxCode + "002", "Chi nhánh Ánh Dương", "Idempotency-Key", "b-" + branch);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(jdbc.sql("select count(*) from business_link where person_id = :p::uuid")
                        .param("p", personId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // another verified citizen may represent the same business too, and cannot unlink the first one's link
        Person other = Person.random();
        citizens().register(other);
        String otherToken = citizens().verifiedToken(other);
        assertProblem(link(otherToken, taxCode, "Công ty TNHH Ánh Dương"), 403, "not-legal-representative");
        registered(taxCode, "Công ty TNHH Ánh Dương", p, other);
        assertThat(link(otherToken, taxCode, "Công ty TNHH Ánh Dương").statusCode())
                .isEqualTo(201);
        assertThat(citizens()
                        .delete("/api/v1/identity/businesses/" + branch, otherToken)
                        .statusCode())
                .isEqualTo(404);

        // unlink: gone from /me, kept as history, audited; a second unlink is 404; linking again works
        assertThat(citizens()
                        .delete("/api/v1/identity/businesses/" + taxCode, token)
                        .statusCode())
                .isEqualTo(204);
        JsonNode after = JSON.readTree(
                        service().get("/api/v1/identity/me", token).body())
                .path("businesses");
        assertThat(after.size()).isEqualTo(1);
        assertThat(after.path(0).path("taxCode").asString()).isEqualTo(branch);
        assertProblem(citizens().delete("/api/v1/identity/businesses/" + taxCode, token), 404, "business-not-linked");
        assertThat(jdbc.sql("select unlinked_by from business_link where person_id = :p::uuid and tax_code = :t")
                        .param("p", personId)
                        .param("t", taxCode)
                        .query(String.class)
                        .list())
                .containsExactly(personId);
        assertThat(jdbc.sql(
                                "select count(*) from identity_audit where person_id = :p::uuid and action = 'BUSINESS_UNLINKED'")
                        .param("p", personId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(link(token, taxCode, "Công ty TNHH Ánh Dương").statusCode()).isEqualTo(201);
    }

    @Test
    void linkingNeedsLevelTwoAValidTaxCodeAndACitizen() {
        Person p = Person.random();
        citizens().register(p);
        String levelOne = citizens().signIn(p);
        String taxCode = aTaxCode();

        HttpResponse<String> low = link(levelOne, taxCode, "Công ty Cổ phần Sông Hồng");
        assertProblem(low, 403, "level-of-assurance-required");
        assertThat(json(low).read("$.requiredLevel", Integer.class)).isEqualTo(2);
        assertThat(json(low).read("$.currentLevel", Integer.class)).isEqualTo(1);
        assertThat(json(low).read("$.detail", String.class)).contains("mức độ 2");
        HttpResponse<String> lowEn = link(levelOne, taxCode, "Công ty Cổ phần Sông Hồng", "Accept-Language", "en");
        assertThat(json(lowEn).read("$.title", String.class)).contains("Higher level of assurance required");
        assertThat(jdbc.sql("select count(*) from business_link where tax_code = :t")
                        .param("t", taxCode)
                        .query(Long.class)
                        .single())
                .isZero();

        String token = citizens().verifiedToken(p);
        String wrongDigit = taxCode.substring(0, 9) + ((taxCode.charAt(9) - '0' + 1) % 10);
        HttpResponse<String> bad = link(token, wrongDigit, "x".repeat(201));
        assertFieldProblem(bad, 400, "validation-failed", "taxCode", "tax-code-check-digit");
        assertFieldProblem(bad, 400, "validation-failed", "name", "business-name-format");
        assertFieldProblem(link(token, "12345", "X"), 400, "validation-failed", "taxCode", "tax-code-format");

        // the registry decides: an unknown business, a business the person does not represent, a registry down
        assertFieldProblem(link(token, taxCode, ""), 400, "validation-failed", "taxCode", "business-not-registered");
        HttpResponse<String> unknownEn = link(token, taxCode, "", "Accept-Language", "en");
        assertThat(unknownEn.body()).contains("No business with this tax code");
        Person owner = Person.random();
        registered(taxCode, "Công ty Cổ phần Sông Hồng", owner);
        HttpResponse<String> notTheirs = link(token, taxCode, "Công ty Cổ phần Sông Hồng");
        assertProblem(notTheirs, 403, "not-legal-representative");
        assertThat(json(notTheirs).read("$.detail", String.class)).contains(taxCode);
        assertThat(notTheirs.body()).doesNotContain(owner.nationalId);
        registered(taxCode, "Công ty Cổ phần Sông Hồng", owner, p);
        CitizenIdentityIT.BUSINESS_REGISTRY.setAvailable(false);
        try {
            assertProblem(link(token, taxCode, ""), 503, "business-registry-unavailable");
        } finally {
            CitizenIdentityIT.BUSINESS_REGISTRY.setAvailable(true);
        }
        assertThat(jdbc.sql("select count(*) from business_link where tax_code = :t")
                        .param("t", taxCode)
                        .query(Long.class)
                        .single())
                .as("nothing stored by a refusal")
                .isZero();
        assertThat(link(token, taxCode, "").statusCode()).isEqualTo(201);

        // staff accounts represent no business
        String officer = RealKeycloak.passwordGrant("canbo.motcua", "Demo@2026");
        assertProblem(link(officer, taxCode, "Công ty Cổ phần Sông Hồng"), 403, "forbidden");
        assertProblem(service().get("/api/v1/identity/businesses", officer), 403, "forbidden");
        assertThat(JSON.readTree(service().get("/api/v1/identity/me", officer).body())
                        .path("businesses")
                        .size())
                .isZero();
    }

    private HttpResponse<String> link(String token, String taxCode, String name, String... headers) {
        return service()
                .post(
                        "/api/v1/identity/businesses",
                        token,
                        "{\"taxCode\": \"%s\", \"name\": \"%s\"}".formatted(taxCode, name),
                        headers);
    }

    /** Registers the business in the registry simulator with these people as its legal representatives. */
    static void registered(String taxCode, String name, Person... representatives) {
        CitizenIdentityIT.BUSINESS_REGISTRY.addBusiness(new BusinessRegistrySimulator.Business(
                taxCode,
                name,
                Arrays.stream(representatives).map(r -> r.nationalId).collect(Collectors.toSet())));
    }

    /** A fresh valid 10-digit tax code (the check digit computed by the published rule, not by the service). */
    static String aTaxCode() {
        int[] weights = {31, 29, 23, 19, 17, 13, 7, 5, 3};
        while (true) {
            String stem =
                    "01" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (stem.charAt(i) - '0') * weights[i];
            }
            int digit = 10 - sum % 11;
            if (digit != 10) {
                return stem + digit;
            }
        }
    }
}

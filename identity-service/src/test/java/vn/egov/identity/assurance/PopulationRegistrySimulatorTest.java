package vn.egov.identity.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.devstack.simulators.registry.PopulationRegistrySimulator;
import vn.egov.devstack.simulators.registry.PopulationRegistrySimulator.Resident;
import vn.egov.identity.validation.NationalIdPolicy;
import vn.egov.identity.validation.PersonNamePolicy;
import vn.egov.identity.validation.ProvinceCodes;
import vn.egov.identity.validation.Sex;

/** The devstack's registry simulator, checked against identity-service's own rules (its data must pass them). */
class PopulationRegistrySimulatorTest {

    @Test
    void generatesTheSameConsistentResidentsFromTheSameSeed() {
        List<Resident> residents = PopulationRegistrySimulator.generate(PopulationRegistrySimulator.DEFAULT_SEED, 300);
        assertThat(residents)
                .hasSize(301)
                .isEqualTo(PopulationRegistrySimulator.generate(PopulationRegistrySimulator.DEFAULT_SEED, 300));
        assertThat(residents.get(0)).isEqualTo(PopulationRegistrySimulator.DEMO_CITIZEN);
        assertThat(new HashSet<>(residents.stream().map(Resident::nationalId).toList()))
                .hasSize(301);
        NationalIdPolicy policy = new NationalIdPolicy(ProvinceCodes.bundled());
        PersonNamePolicy names = new PersonNamePolicy();
        for (Resident r : residents) {
            assertThat(policy.check(r.nationalId(), r.dateOfBirth(), Sex.valueOf(r.sex())))
                    .as(r.toString())
                    .isEmpty();
            assertThat(names.check(r.fullName())).as(r.toString()).isEmpty();
        }
        assertThat(residents.stream().filter(r -> r.sex().equals("FEMALE")).count())
                .isBetween(100L, 200L);
    }

    @Test
    void confirmsWithoutDisclosing() throws Exception {
        try (PopulationRegistrySimulator registry = new PopulationRegistrySimulator(0).start()) {
            HttpClient http = HttpClient.newHttpClient();
            assertThat(post(http, registry, """
                    {"nationalId": "001090012345", "fullName": "Nguyễn Văn An", "dateOfBirth": "1990-05-15", "sex": "MALE"}""")).isEqualTo("{\"result\":\"MATCH\"}");
            assertThat(post(http, registry, """
                    {"nationalId": "001090012345", "fullName": "Nguy\\u1ec5n V\\u0103n An", "dateOfBirth": "1990-05-16"}""")).isEqualTo("{\"result\":\"MISMATCH\"}");
            assertThat(post(http, registry, """
                    {"nationalId": "001090099999", "fullName": "Nguyễn Văn An", "dateOfBirth": "1990-05-15"}""")).isEqualTo("{\"result\":\"NOT_FOUND\"}");
            registry.setAvailable(false);
            HttpResponse<String> down = http.send(
                    HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/api/v1/residents/verify"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
        }
    }

    private static String post(HttpClient http, PopulationRegistrySimulator registry, String body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/api/v1/residents/verify"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}

package vn.egov.identity.business;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.egov.devstack.simulators.business.BusinessRegistrySimulator;
import vn.egov.devstack.simulators.business.BusinessRegistrySimulator.Business;
import vn.egov.devstack.simulators.registry.PopulationRegistrySimulator;
import vn.egov.identity.validation.TaxCodePolicy;

/**
 * The devstack's business registry simulator, checked against identity-service's own rules (its tax codes must
 * pass them) and against the population simulator (its representatives are residents there).
 */
class BusinessRegistrySimulatorTest {

    @Test
    void generatesValidBusinessesRepresentedByResidentsOfThePopulationSimulator() {
        List<Business> businesses = BusinessRegistrySimulator.generate(PopulationRegistrySimulator.DEFAULT_SEED, 60);
        assertThat(businesses)
                .hasSize(61)
                .isEqualTo(BusinessRegistrySimulator.generate(PopulationRegistrySimulator.DEFAULT_SEED, 60));
        assertThat(businesses.get(0)).isEqualTo(BusinessRegistrySimulator.DEMO_BUSINESS);
        Set<String> residents = PopulationRegistrySimulator.generate(
                        PopulationRegistrySimulator.DEFAULT_SEED, PopulationRegistrySimulator.DEFAULT_RESIDENTS)
                .stream()
                .map(PopulationRegistrySimulator.Resident::nationalId)
                .collect(Collectors.toSet());
        TaxCodePolicy taxCodes = new TaxCodePolicy();
        for (Business b : businesses) {
            assertThat(taxCodes.check(b.taxCode())).as(b.toString()).isEmpty();
            assertThat(residents).as(b.toString()).containsAll(b.representatives());
        }
        assertThat(new HashSet<>(businesses.stream().map(Business::taxCode).toList()))
                .hasSize(61);
        // the demo citizen represents only the demo company
        assertThat(businesses.stream()
                        .filter(b ->
                                b.representatives().contains(PopulationRegistrySimulator.DEMO_CITIZEN.nationalId())))
                .containsExactly(BusinessRegistrySimulator.DEMO_BUSINESS);
    }

    @Test
    void confirmsARepresentativeWithoutSayingWhoItIs() throws Exception {
        try (BusinessRegistrySimulator registry = new BusinessRegistrySimulator(0).start()) {
            HttpClient http = HttpClient.newHttpClient();
            assertThat(post(http, registry, """
                    {"taxCode": "0109876557", "nationalId": "001090012345"}"""))
                    .isEqualTo("{\"result\":\"REPRESENTATIVE\",\"name\":\"Công ty TNHH Dịch vụ Nguyễn An\"}");
            assertThat(post(http, registry, """
                    {"taxCode": "0109876557", "nationalId": "001090012346"}""")).isEqualTo("{\"result\":\"NOT_REPRESENTATIVE\"}");
            assertThat(post(http, registry, """
                    {"taxCode": "0102345677", "nationalId": "001090012345"}""")).isEqualTo("{\"result\":\"NOT_FOUND\"}");
            registry.setAvailable(false);
            HttpResponse<String> down = http.send(
                    HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/api/v1/businesses/representatives/verify"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
        }
    }

    private static String post(HttpClient http, BusinessRegistrySimulator registry, String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(
                                        URI.create(registry.baseUrl() + "/api/v1/businesses/representatives/verify"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}

package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The agency registry owns the agencies' working hours (decision 60): an administrator sets them at identity-service
 * through the gateway, and dossier-service's deadlines count in them once its replica took the registry's event. The
 * hours set are the default ones with a new publishing document, so that no other journey's due dates move.
 */
@Order(5)
@ExtendWith(PlatformExtension.class)
class AgencyRegistryJourneyIT {

    private static final String HOAN_KIEM = "000.00.02.H26";

    @Test
    void anAgencysWorkingHoursSetInTheRegistryReachTheDeadlines() {
        String systemAdmin = People.token("quantri.hethong");
        String baDinhAdmin = People.token("quantri.coquan");
        String path = Platform.GATEWAY + "/api/v1/identity/agencies/" + HOAN_KIEM + "/working-hours";
        Map<String, String> hours = Map.of(
                "periods", "07:30-11:30,13:30-17:00", "source", "Quyết định 21/QĐ-UBND về giờ làm việc (hành trình)");

        // another agency's administrator may not
        assertThat(Api.putJson(path, baDinhAdmin, hours).status()).isEqualTo(403);
        Api.Response set = Api.putJson(path, systemAdmin, hours);
        assertThat(set.status()).as("set: %s", set).isEqualTo(200);
        long version = set.json().get("version").asLong();
        assertThat(version).isPositive();

        JsonNode row = Api.eventually(
                "dossier-service's replica at the registry's version",
                Duration.ofSeconds(30),
                () -> hoanKiem(Api.get(Platform.GATEWAY + "/api/v1/calendar/working-hours", systemAdmin)),
                r -> r != null && r.get("registryVersion").asLong() == version);
        assertThat(row.get("periods").asString()).isEqualTo("07:30-11:30,13:30-17:00");
        assertThat(row.get("source").asString()).isEqualTo("Quyết định 21/QĐ-UBND về giờ làm việc (hành trình)");
    }

    private static JsonNode hoanKiem(Api.Response answer) {
        assertThat(answer.status()).isEqualTo(200);
        for (JsonNode row : answer.json()) {
            if (HOAN_KIEM.equals(row.get("agencyCode").asString())) {
                return row;
            }
        }
        return null;
    }
}

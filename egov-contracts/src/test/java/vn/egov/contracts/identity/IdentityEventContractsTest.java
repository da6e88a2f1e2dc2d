package vn.egov.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wire shape of the identity events that notification-service and dossier-service read. */
class IdentityEventContractsTest {

    final JsonMapper json = JsonMapper.builder().build();
    final Instant at = Instant.parse("2026-11-22T03:04:05Z");

    @Test
    void typesAreVersionedAndDistinct() {
        List<String> types = List.of(
                CitizenRegisteredV1.TYPE,
                CitizenVerifiedV1.TYPE,
                OfficerCreatedV1.TYPE,
                ContactVerificationRequestedV1.TYPE,
                ContactChangedV1.TYPE,
                BusinessLinkedV1.TYPE,
                RegistrationRefusedV1.TYPE,
                AgencyChangedV1.TYPE,
                ContactVerificationRequestedV2.TYPE);
        assertThat(types).doesNotHaveDuplicates().allMatch(t -> t.matches("vn\\.egov\\.identity\\.[a-z-]+\\.v[0-9]+"));
    }

    @Test
    void contactEventsKeepTheirFieldNames() {
        JsonNode otp = json.valueToTree(new ContactVerificationRequestedV1(
                "p-1", "SMS", "0912345678", "482913", at.plusSeconds(600), "vi", at));
        assertThat(otp.get("destination").asString()).isEqualTo("0912345678");
        assertThat(otp.get("code").asString()).isEqualTo("482913");
        assertThat(otp.get("expiresAt").asString()).isEqualTo("2026-11-22T03:14:05Z");

        JsonNode changed = json.valueToTree(
                new ContactChangedV1("p-1", "EMAIL", "moi@example.vn", "0912345678", "cu@example.vn", at));
        assertThat(changed.get("previousDestination").asString()).isEqualTo("cu@example.vn");
        assertThat(json.treeToValue(changed, ContactChangedV1.class).email()).isEqualTo("moi@example.vn");
    }

    @Test
    void anAgencyChangeCarriesTheWholeAgencyAndItsVersion() {
        JsonNode changed = json.valueToTree(new AgencyChangedV1(
                "000.00.01.H26",
                "Ủy ban nhân dân phường Ba Đình",
                "Ba Dinh Ward People's Committee",
                "COMMUNE",
                "000.00.00.H26",
                false,
                true,
                "08:00-12:00,13:00-17:30",
                "Thông báo số 12/TB-UBND",
                "BLBD-26E",
                3,
                "admin-1",
                at));
        assertThat(changed.get("workingHours").asString()).isEqualTo("08:00-12:00,13:00-17:30");
        assertThat(changed.get("version").asLong()).isEqualTo(3);
        assertThat(changed.get("receiptSeries").asString()).isEqualTo("BLBD-26E");
        assertThat(changed.get("serviceCentre").asBoolean()).isFalse();
        assertThat(json.treeToValue(changed, AgencyChangedV1.class).changedAt()).isEqualTo(at);
    }

    @Test
    void aRefusedRegistrationNamesTheAccountHoldersButNotWhichIdentifierWasTaken() {
        JsonNode refused = json.valueToTree(
                new RegistrationRefusedV1("a-1", "moi@example.vn", "0912345678", "vi", List.of("p-1", "p-2"), at));
        assertThat(refused.get("accountHolders").size()).isEqualTo(2);
        assertThat(refused.has("nationalId")).isFalse();
        assertThat(refused.has("takenFields")).isFalse();
        assertThat(json.treeToValue(refused, RegistrationRefusedV1.class).email())
                .isEqualTo("moi@example.vn");
        assertThat(new RegistrationRefusedV1("a-2", "x@example.vn", "0912345678", "vi", null, at).toString())
                .doesNotContain("x@example.vn")
                .doesNotContain("0912345678");
    }
}

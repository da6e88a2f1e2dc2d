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
                ContactVerificationRequestedV2.TYPE,
                CitizenRegisteredV2.TYPE,
                ContactChangedV2.TYPE,
                OfficerCreatedV2.TYPE,
                RegistrationRefusedV2.TYPE,
                NationalIdRecoveredV1.TYPE);
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

    /**
     * The v2 of each event that carried contact details (issue 16, decision 62): the same fields as v1, the personal
     * ones sealed under a {@code sealed…} name and none left under v1's name, a null kept null, the rest unchanged.
     */
    @Test
    void theV2ContactEventsCarryOnlySealedPersonalFields() {
        JsonNode registered = json.valueToTree(new CitizenRegisteredV2("p-1", "egs1:n", "egs1:e", null, 1, at));
        assertThat(names(registered))
                .containsExactly(
                        "personId", "sealedFullName", "sealedEmail", "sealedPhone", "levelOfAssurance", "registeredAt");
        assertThat(registered.get("sealedPhone").isNull()).isTrue();
        assertThat(json.treeToValue(registered, CitizenRegisteredV2.class).sealedFullName())
                .isEqualTo("egs1:n");

        JsonNode changed = json.valueToTree(new ContactChangedV2("p-1", "EMAIL", "egs1:e", "egs1:p", "egs1:old", at));
        assertThat(names(changed))
                .containsExactly(
                        "personId", "channel", "sealedEmail", "sealedPhone", "sealedPreviousDestination", "changedAt");
        assertThat(json.treeToValue(changed, ContactChangedV2.class).sealedPreviousDestination())
                .isEqualTo("egs1:old");

        JsonNode officer = json.valueToTree(
                new OfficerCreatedV2("p-2", "canbo", "egs1:n", "egs1:e", "OFFICER", "000.00.01.H26", "p-3", at));
        assertThat(names(officer))
                .containsExactly(
                        "personId",
                        "username",
                        "sealedFullName",
                        "sealedEmail",
                        "role",
                        "agencyCode",
                        "createdBy",
                        "createdAt");

        JsonNode refused =
                json.valueToTree(new RegistrationRefusedV2("a-1", "egs1:e", "egs1:p", "vi", List.of("p-1"), at));
        assertThat(names(refused))
                .containsExactly("attemptId", "sealedEmail", "sealedPhone", "language", "accountHolders", "occurredAt");
        assertThat(json.treeToValue(refused, RegistrationRefusedV2.class).accountHolders())
                .containsExactly("p-1");
        assertThat(new RegistrationRefusedV2("a-2", "egs1:e", "egs1:p", "vi", null, at).toString())
                .doesNotContain("egs1:");

        // v2 keeps v1's other field names and values, so a consumer reads both the same way
        for (JsonNode[] pair : List.of(
                new JsonNode[] {registered, json.valueToTree(new CitizenRegisteredV1("p-1", "n", "e", null, 1, at))},
                new JsonNode[] {changed, json.valueToTree(new ContactChangedV1("p-1", "EMAIL", "e", "p", "old", at))},
                new JsonNode[] {
                    officer,
                    json.valueToTree(
                            new OfficerCreatedV1("p-2", "canbo", "n", "e", "OFFICER", "000.00.01.H26", "p-3", at))
                },
                new JsonNode[] {
                    refused, json.valueToTree(new RegistrationRefusedV1("a-1", "e", "p", "vi", List.of("p-1"), at))
                })) {
            JsonNode v2 = pair[0];
            JsonNode v1 = pair[1];
            for (String name : names(v1)) {
                String sealed = "sealed" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
                if (v2.has(sealed)) {
                    assertThat(v2.has(name))
                            .as("%s in clear beside %s", name, sealed)
                            .isFalse();
                } else {
                    assertThat(v2.get(name)).as(name).isEqualTo(v1.get(name));
                }
            }
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}

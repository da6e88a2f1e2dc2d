package vn.egov.identity.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.events.EventFieldSealer;
import vn.egov.contracts.identity.BusinessLinkedV1;
import vn.egov.contracts.identity.CitizenRegisteredV1;
import vn.egov.contracts.identity.CitizenRegisteredV2;
import vn.egov.contracts.identity.CitizenVerifiedV1;
import vn.egov.contracts.identity.ContactChangedV1;
import vn.egov.contracts.identity.ContactChangedV2;
import vn.egov.contracts.identity.ContactVerificationRequestedV1;
import vn.egov.contracts.identity.OfficerCreatedV1;
import vn.egov.contracts.identity.OfficerCreatedV2;
import vn.egov.contracts.identity.RegistrationRefusedV2;

/**
 * The identity event contracts as consumers see them on the wire: stable type names, the field names
 * consumers rely on, and never an identity number.
 */
class IdentityEventContractsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void typesAreVersionedNames() {
        assertThat(CitizenRegisteredV1.TYPE).isEqualTo("vn.egov.identity.citizen-registered.v1");
        assertThat(CitizenVerifiedV1.TYPE).isEqualTo("vn.egov.identity.citizen-verified.v1");
        assertThat(OfficerCreatedV1.TYPE).isEqualTo("vn.egov.identity.officer-created.v1");
        // what identity-service publishes since issue 16 (decision 62)
        assertThat(CitizenRegisteredV2.TYPE).isEqualTo("vn.egov.identity.citizen-registered.v2");
        assertThat(OfficerCreatedV2.TYPE).isEqualTo("vn.egov.identity.officer-created.v2");
        assertThat(ContactChangedV2.TYPE).isEqualTo("vn.egov.identity.contact-changed.v2");
        assertThat(RegistrationRefusedV2.TYPE).isEqualTo("vn.egov.identity.registration-refused.v2");
    }

    /**
     * The v2 events as identity-service builds them: the name, email and phone sealed for the type, the field and the
     * subject, none of them in clear anywhere in the JSON, and opened again with the key notification-service holds.
     */
    @Test
    void theV2EventsCarryNamesAndContactsOnlySealed() {
        EventFieldSealer sealer = new EventFieldSealer("k1", "q2Vq9yq0bJ8e3m9mQm4vC2eXvH8r1Lw6c0yQ1Ff5n3A=", Map.of());
        Instant at = Instant.parse("2026-11-22T02:00:00Z");
        String name = "Nguyễn Văn An";
        String email = "an.nguyen@example.vn";
        String phone = "0912345678";
        String old = "cu@example.vn";
        String p = "p1";
        String registered = json.writeValueAsString(new CitizenRegisteredV2(
                p,
                sealer.seal(name, CitizenRegisteredV2.TYPE, "sealedFullName", p),
                sealer.seal(email, CitizenRegisteredV2.TYPE, "sealedEmail", p),
                sealer.seal(phone, CitizenRegisteredV2.TYPE, "sealedPhone", p),
                1,
                at));
        String changed = json.writeValueAsString(new ContactChangedV2(
                p,
                "EMAIL",
                sealer.seal(email, ContactChangedV2.TYPE, "sealedEmail", p),
                sealer.seal(phone, ContactChangedV2.TYPE, "sealedPhone", p),
                sealer.seal(old, ContactChangedV2.TYPE, "sealedPreviousDestination", p),
                at));
        String officer = json.writeValueAsString(new OfficerCreatedV2(
                p,
                "canbo",
                sealer.seal(name, OfficerCreatedV2.TYPE, "sealedFullName", p),
                sealer.seal(email, OfficerCreatedV2.TYPE, "sealedEmail", p),
                "OFFICER",
                "000.00.01.H26",
                "p3",
                at));
        String refused = json.writeValueAsString(new RegistrationRefusedV2(
                "a1",
                sealer.seal(email, RegistrationRefusedV2.TYPE, "sealedEmail", "a1"),
                sealer.seal(phone, RegistrationRefusedV2.TYPE, "sealedPhone", "a1"),
                "vi",
                List.of(p),
                at));
        for (String event : List.of(registered, changed, officer, refused)) {
            assertThat(event)
                    .doesNotContain(name)
                    .doesNotContain(email)
                    .doesNotContain("an.nguyen")
                    .doesNotContain(phone)
                    .doesNotContain(old)
                    .contains("egs1:");
        }
        JsonNode r = json.readTree(registered);
        assertThat(sealer.open(r.path("sealedFullName").asString(), CitizenRegisteredV2.TYPE, "sealedFullName", p))
                .isEqualTo(name);
        assertThat(sealer.open(r.path("sealedPhone").asString(), CitizenRegisteredV2.TYPE, "sealedPhone", p))
                .isEqualTo(phone);
        JsonNode c = json.readTree(changed);
        assertThat(sealer.open(
                        c.path("sealedPreviousDestination").asString(),
                        ContactChangedV2.TYPE,
                        "sealedPreviousDestination",
                        p))
                .isEqualTo(old);
        assertThat(sealer.open(
                        json.readTree(officer).path("sealedEmail").asString(), OfficerCreatedV2.TYPE, "sealedEmail", p))
                .isEqualTo(email);
        assertThat(sealer.open(
                        json.readTree(refused).path("sealedPhone").asString(),
                        RegistrationRefusedV2.TYPE,
                        "sealedPhone",
                        "a1"))
                .isEqualTo(phone);
        // no v1 field name left beside the sealed ones
        assertThat(fields(json.readTree(registered))).doesNotContain("fullName", "email", "phone");
        assertThat(fields(c)).doesNotContain("email", "phone", "previousDestination");
    }

    @Test
    void fieldsOnTheWire() {
        Instant at = Instant.parse("2026-11-22T02:00:00Z");
        assertThat(fields(new CitizenRegisteredV1("p1", "Nguyễn Văn An", "a@b.vn", "0912345678", 1, at)))
                .containsExactlyInAnyOrder(
                        "personId", "fullName", "email", "phone", "levelOfAssurance", "registeredAt");
        assertThat(fields(new CitizenVerifiedV1("p1", 2, "national-population-registry", at)))
                .containsExactlyInAnyOrder("personId", "levelOfAssurance", "verifiedBy", "verifiedAt");
        assertThat(fields(new OfficerCreatedV1(
                        "p2", "canbo", "Trần Thị Bình", "c@b.vn", "OFFICER", "000.00.01.H26", "p3", at)))
                .containsExactlyInAnyOrder(
                        "personId", "username", "fullName", "email", "role", "agencyCode", "createdBy", "createdAt");
        assertThat(fields(new BusinessLinkedV1("p1", "0100109106", "Công ty TNHH Ánh Dương", at)))
                .containsExactlyInAnyOrder("personId", "taxCode", "businessName", "linkedAt");
        assertThat(json.readTree(json.writeValueAsString(new CitizenRegisteredV1("p1", "n", "e", "p", 1, at)))
                        .path("registeredAt")
                        .asString())
                .isEqualTo("2026-11-22T02:00:00Z");
    }

    @Test
    void noContractCarriesAnIdentityNumber() {
        for (Class<?> contract : List.of(
                CitizenRegisteredV1.class,
                CitizenVerifiedV1.class,
                OfficerCreatedV1.class,
                ContactVerificationRequestedV1.class,
                ContactChangedV1.class,
                BusinessLinkedV1.class,
                vn.egov.contracts.identity.AgencyChangedV1.class,
                vn.egov.contracts.identity.ContactVerificationRequestedV2.class,
                CitizenRegisteredV2.class,
                ContactChangedV2.class,
                OfficerCreatedV2.class,
                RegistrationRefusedV2.class,
                vn.egov.contracts.identity.RegistrationRefusedV1.class)) {
            for (var component : contract.getRecordComponents()) {
                assertThat(component.getName().toLowerCase())
                        .as(contract.getSimpleName())
                        .doesNotContain("national", "cccd", "identitynumber");
            }
        }
    }

    private List<String> fields(Object event) {
        JsonNode node = json.valueToTree(event);
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}

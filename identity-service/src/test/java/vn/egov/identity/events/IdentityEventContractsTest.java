package vn.egov.identity.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.contracts.identity.BusinessLinkedV1;
import vn.egov.contracts.identity.CitizenRegisteredV1;
import vn.egov.contracts.identity.CitizenVerifiedV1;
import vn.egov.contracts.identity.ContactChangedV1;
import vn.egov.contracts.identity.ContactVerificationRequestedV1;
import vn.egov.contracts.identity.OfficerCreatedV1;

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
                vn.egov.contracts.identity.ContactVerificationRequestedV2.class)) {
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

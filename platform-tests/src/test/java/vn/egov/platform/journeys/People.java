package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** The people of the journeys: the realm's demo accounts, and new citizens who register themselves. */
final class People {

    static final String DEMO_PASSWORD = "Demo@2026";
    static final String DEMO_CITIZEN = "001090012345";
    /** The demo citizen's contacts in the realm export (devstack's egov-realm.json). */
    static final String DEMO_CITIZEN_EMAIL = "citizen@demo.egov.vn";

    static final String DEMO_CITIZEN_PHONE = "0912345678";
    static final String OFFICER = "canbo.motcua";
    static final String APPROVER = "chuyenvien.pheduyet";
    /** The agency of the demo officer and approver (UBND phường Ba Đình). */
    static final String BA_DINH = "000.00.01.H26";

    /** Each journey takes the next resident of the registry simulator, so that no two register the same CCCD. */
    private static final AtomicInteger NEXT_RESIDENT = new AtomicInteger(
            Boolean.getBoolean("egov.journeys.use-running")
                    ? 20
                            + (int) (System.currentTimeMillis()
                                    / 1000
                                    % 250) // a platform kept between runs already knows the first ones
                    : 7);

    record Citizen(
            String id,
            String nationalId,
            String fullName,
            String dateOfBirth,
            String sex,
            String email,
            String phone,
            String password) {
        String token() {
            return Api.userToken(nationalId, password);
        }
    }

    private People() {}

    static String token(String username) {
        return Api.userToken(username, DEMO_PASSWORD);
    }

    /** A real resident of the (simulated) national population registry, not yet registered with us. */
    static JsonNode nextResident() {
        int index = NEXT_RESIDENT.getAndIncrement();
        Api.Response sample =
                Api.get(Platform.REGISTRY_SIMULATOR + "/api/v1/residents/sample?limit=" + (index + 1), null);
        assertThat(sample.status()).as("registry simulator sample").isEqualTo(200);
        List<JsonNode> residents = Api.list(sample.json());
        return residents.get(index);
    }

    private static final java.util.concurrent.atomic.AtomicInteger REGISTRATIONS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Registers the next resident through the gateway, as the public registration page does. */
    static Citizen registerNewCitizen() {
        return register(nextResident());
    }

    /** Registers this resident of the registry simulator through the gateway, as the public registration page does. */
    static Citizen register(JsonNode r) {
        String nationalId = r.get("nationalId").asString();
        String email = "cd" + nationalId + "@thudientu.vn";
        String phone = "09" + nationalId.substring(4);
        String password = "Jr!" + nationalId.substring(6) + "aB";
        // each new citizen registers from an address of their own (TEST-NET-2): the gateway allows 10
        // registrations per address in 10 minutes, and the journeys together register more than that
        String address = "198.51.100." + (REGISTRATIONS.getAndIncrement() % 254 + 1);
        Api.Response created = Api.postJsonFrom(
                Platform.GATEWAY + "/api/v1/identity/registrations",
                address,
                Map.of(
                        "fullName",
                        r.get("fullName").asString(),
                        "nationalId",
                        nationalId,
                        "dateOfBirth",
                        r.get("dateOfBirth").asString(),
                        "sex",
                        r.get("sex").asString(),
                        "email",
                        email,
                        "phone",
                        phone,
                        "password",
                        password));
        assertThat(created.status())
                .as("registration of %s: %s", nationalId, created)
                .isEqualTo(201);
        assertThat(created.json().get("levelOfAssurance").asInt()).isEqualTo(1);
        return new Citizen(
                created.json().get("id").asString(),
                nationalId,
                r.get("fullName").asString(),
                r.get("dateOfBirth").asString(),
                r.get("sex").asString(),
                email,
                phone,
                password);
    }

    /** Registers a citizen and verifies them against the registry (level of assurance 2). */
    static Citizen verifiedCitizen() {
        return verified(registerNewCitizen());
    }

    /** Verifies a registered citizen against the registry (level of assurance 2). */
    static Citizen verified(Citizen c) {
        Api.Response verified =
                Api.postJson(Platform.GATEWAY + "/api/v1/identity/me/verification", c.token(), Map.of());
        assertThat(verified.status()).as("verification: %s", verified).isEqualTo(200);
        return c;
    }
}

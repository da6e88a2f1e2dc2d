package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Keycloak's admin API on its own address, as the local run's bootstrap administrator (admin/admin in the master
 * realm): for what the platform's API does not offer a journey, such as a member of staff of another agency than
 * the demo accounts' (an agency administrator creates officers of their own agency only).
 */
final class KeycloakAdmin {

    static final String KEYCLOAK = "http://127.0.0.1:8180/auth";
    private static final String USERS = KEYCLOAK + "/admin/realms/egov/users";

    private KeycloakAdmin() {}

    /** Keycloak's bootstrap administrator in the master realm (a local run's admin/admin). */
    static String token() {
        Api.Response r = Api.postForm(
                KEYCLOAK + "/realms/master/protocol/openid-connect/token",
                null,
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        assertThat(r.status()).as("master realm token: %s", r).isEqualTo(200);
        return r.json().get("access_token").asString();
    }

    /** An account of the egov realm with the realm role and agency given, signed in with the demo password. */
    static String staffMember(String role, String agencyCode) {
        String admin = token();
        String username = "canbo." + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = Api.postJson(
                USERS,
                admin,
                Map.of(
                        "username",
                        username,
                        "enabled",
                        true,
                        "email",
                        username + "@coquan.egov.vn",
                        "emailVerified",
                        true,
                        "firstName",
                        "Cán bộ",
                        "lastName",
                        "Kiểm thử",
                        "attributes",
                        Map.of("agency", List.of(agencyCode), "locale", List.of("vi")),
                        "credentials",
                        List.of(Map.of("type", "password", "value", People.DEMO_PASSWORD, "temporary", false))));
        assertThat(created.status()).as("staff account: %s", created).isEqualTo(201);
        String location = created.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode roleRepresentation =
                Api.get(KEYCLOAK + "/admin/realms/egov/roles/" + role, admin).json();
        Api.Response mapped =
                Api.postJson(USERS + "/" + id + "/role-mappings/realm", admin, List.of(roleRepresentation));
        assertThat(mapped.status()).as("role %s: %s", role, mapped).isEqualTo(204);
        return username;
    }
}

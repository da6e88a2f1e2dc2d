package vn.egov.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a Keycloak realm export is fit to be imported in production: no user with a password (demo
 * accounts), no client that takes passwords directly (the resource owner password grant, e.g. the local
 * realm's {@code egov-local-cli}), no client secret written in the file (each comes from the environment
 * as a {@code ${VARIABLE}} placeholder that Keycloak's import resolves), no development value anywhere,
 * brute-force detection on and TLS required beyond private addresses.
 *
 * <p>{@code deploy/keycloak/egov-realm-production.json} passes; the local realm
 * ({@code devstack/.../egov-realm.json}) does not. A service or the gateway configured with
 * {@code egov.security.realm-file} refuses to start outside the local and test profiles unless that file
 * passes, and the same check can run in a deployment pipeline before Keycloak imports the file.
 */
public final class RealmFileCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RealmFileCheck() {}

    public static List<String> problems(Path realmFile) {
        try {
            return problems(Files.readString(realmFile));
        } catch (IOException e) {
            return List.of("the realm file " + realmFile + " cannot be read (" + e.getMessage() + ")");
        }
    }

    public static List<String> problems(String realmJson) {
        JsonNode realm;
        try {
            realm = JSON.readTree(realmJson);
        } catch (JacksonException e) {
            return List.of("the realm file is not JSON (" + e.getOriginalMessage() + ")");
        }
        List<String> problems = new ArrayList<>();
        String name = realm.path("realm").asString("?");
        for (JsonNode user : realm.path("users")) {
            boolean password = false;
            for (JsonNode credential : user.path("credentials")) {
                password |= "password".equals(credential.path("type").asString(""));
            }
            if (password) {
                problems.add("realm " + name + ": user " + user.path("username").asString("?")
                        + " has a password in the file (demo account)");
            }
        }
        for (JsonNode client : realm.path("clients")) {
            String clientId = client.path("clientId").asString("?");
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                problems.add("realm " + name + ": client " + clientId
                        + " accepts passwords directly (direct access grants)");
            }
            JsonNode secret = client.path("secret");
            if (secret.isString() && !isPlaceholder(secret.asString())) {
                problems.add("realm " + name + ": client " + clientId
                        + " has its secret written in the file (use a ${VARIABLE} placeholder)");
            }
        }
        boolean adminCli = false;
        for (JsonNode client : realm.path("clients")) {
            adminCli |= "admin-cli".equals(client.path("clientId").asString(""));
        }
        if (!adminCli) {
            // Keycloak creates it on import with direct access grants on: a password grant for anyone's account
            problems.add("realm " + name + ": client admin-cli is not in the file (Keycloak would create it"
                    + " accepting passwords directly; write it with directAccessGrantsEnabled false)");
        }
        if (!realm.path("bruteForceProtected").asBoolean(false)) {
            problems.add("realm " + name + ": brute-force detection is off");
        }
        if ("none".equals(realm.path("sslRequired").asString("external"))) {
            problems.add("realm " + name + ": TLS is not required (sslRequired none)");
        }
        developmentValues(realm, "", name, problems);
        return problems;
    }

    private static boolean isPlaceholder(String value) {
        return value.startsWith("${") && value.endsWith("}");
    }

    private static void developmentValues(JsonNode node, String path, String realm, List<String> problems) {
        if (node.isString()) {
            if (DevelopmentValues.isDevelopmentValue(node.asString())) {
                problems.add("realm " + realm + ": " + path + " has a development value");
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node) {
                developmentValues(element, path + "[" + i++ + "]", realm, problems);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                developmentValues(
                        field.getValue(),
                        path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                        realm,
                        problems);
            }
        }
    }
}

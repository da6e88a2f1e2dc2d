package vn.egov.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a Keycloak realm export is fit to be imported in production: no user with a password (demo
 * accounts), no client that takes passwords directly (the resource owner password grant, e.g. the local
 * realm's {@code egov-local-cli}), no client secret written in the file (each comes from the environment
 * as a {@code ${VARIABLE}} placeholder that Keycloak's import resolves), no development value anywhere,
 * brute-force detection on and TLS required beyond private addresses; short access tokens, idle sessions
 * ended and refresh tokens rotated; a password policy with a length and "not the username" (the CCCD); email
 * and username not editable by the user (a change goes through identity-service's one-time code and the notice
 * to the old address); a browser flow that asks every staff role for a second factor (TOTP); no wildcard
 * redirect URI or web origin; national sign-on (decision 38): Keycloak's own registration off, an enabled national
 * identity provider whose level claim sets {@code loa} on every sign-in, its secret a placeholder, and no linking
 * of an existing account by an email link.
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
        problems.addAll(settingsProblems(realm));
        userEditable(realm, name, problems);
        staffSecondFactor(realm, name, problems);
        redirects(realm, name, problems);
        nationalSignOn(realm, name, problems);
        developmentValues(realm, "", name, problems);
        return problems;
    }

    /**
     * The rules on the realm's own settings, the ones Keycloak's admin API answers for a running realm too
     * ({@code GET /admin/realms/{realm}}, {@link LiveRealmCheck}): brute-force detection with a lock-out that ends by
     * itself, TLS beyond private addresses, token and session lifetimes, refresh rotation, the password policy, no
     * self-registration.
     */
    public static List<String> settingsProblems(JsonNode realm) {
        List<String> problems = new ArrayList<>();
        String name = realm.path("realm").asString("?");
        if (!realm.path("bruteForceProtected").asBoolean(false)) {
            problems.add("realm " + name + ": brute-force detection is off");
        } else {
            lockOut(realm, name, problems);
        }
        if ("none".equals(realm.path("sslRequired").asString("external"))) {
            problems.add("realm " + name + ": TLS is not required (sslRequired none)");
        }
        sessions(realm, name, problems);
        passwordPolicy(realm, name, problems);
        if (realm.path("registrationAllowed").asBoolean(false)) {
            problems.add("realm " + name + ": Keycloak's self-registration is on (registrationAllowed)");
        }
        return problems;
    }

    /** The roles that act for an agency or the platform: each must pass a second factor. */
    static final List<String> STAFF_ROLES = List.of("OFFICER", "APPROVER", "AGENCY_ADMIN", "SYSTEM_ADMIN");

    static final int MAX_ACCESS_TOKEN_SECONDS = 900;
    static final int MAX_IDLE_SESSION_SECONDS = 3600;

    private static void sessions(JsonNode realm, String name, List<String> problems) {
        // Keycloak's default when absent is 300 s
        if (realm.path("accessTokenLifespan").asInt(300) > MAX_ACCESS_TOKEN_SECONDS) {
            problems.add("realm " + name + ": access tokens live longer than " + MAX_ACCESS_TOKEN_SECONDS
                    + " s (accessTokenLifespan)");
        }
        int idle = realm.path("ssoSessionIdleTimeout").asInt(0);
        if (idle <= 0 || idle > MAX_IDLE_SESSION_SECONDS) {
            problems.add("realm " + name + ": an idle session is not ended within " + MAX_IDLE_SESSION_SECONDS
                    + " s (ssoSessionIdleTimeout)");
        }
        if (!realm.path("revokeRefreshToken").asBoolean(false)
                || realm.path("refreshTokenMaxReuse").asInt(0) != 0) {
            problems.add("realm " + name + ": refresh tokens are not rotated (revokeRefreshToken true,"
                    + " refreshTokenMaxReuse 0): a stolen refresh token stays usable");
        }
    }

    static final int MAX_LOCK_OUT_SECONDS = 900;

    /**
     * Usernames are CCCD numbers and staff names, so anyone can send wrong passwords for someone else's account: the
     * lock-out must end by itself (temporary, growing with the failures up to a bound), or a stranger locks a citizen
     * or an office out for good. Keycloak's defaults when absent: permanent off, 30 failures, 900 s, a quick-login
     * check of 1000 ms, failures remembered 12 h. Keycloak counts per account whoever types; the gateway's sign-in
     * guard counts per account and address (docs/security.md section 4), and these rules keep the two in step.
     */
    /** Wrong passwords before Keycloak locks an account: several addresses' worth of the gateway's allowance (5). */
    static final int MIN_FAILURE_FACTOR = 20;

    /** Keycloak's failure reset time at most: shorter than the gateway's longest pause per address (24 h). */
    static final int MAX_FAILURE_MEMORY_SECONDS = 43200;

    private static void lockOut(JsonNode realm, String name, List<String> problems) {
        if (realm.path("permanentLockout").asBoolean(false)) {
            problems.add("realm " + name + ": the brute-force lock-out is permanent (permanentLockout): a stranger's"
                    + " wrong passwords would lock the account out until an administrator unlocks it");
        }
        int longest = realm.path("maxFailureWaitSeconds").asInt(900);
        if (longest <= 0 || longest > MAX_LOCK_OUT_SECONDS) {
            problems.add("realm " + name + ": a temporary lock-out may last longer than " + MAX_LOCK_OUT_SECONDS
                    + " s (maxFailureWaitSeconds)");
        }
        if (realm.path("failureFactor").asInt(30) < MIN_FAILURE_FACTOR) {
            problems.add("realm " + name + ": fewer than " + MIN_FAILURE_FACTOR + " wrong passwords lock an account out"
                    + " (failureFactor): the gateway lets one address type 5 before it pauses that address, so a few"
                    + " addresses would lock someone else out");
        }
        long quick = realm.path("quickLoginCheckMilliSeconds").asLong(1000);
        if (quick > 0) {
            problems.add("realm " + name + ": two wrong passwords less than " + quick + " ms apart, from anyone, lock"
                    + " the account (quickLoginCheckMilliSeconds): any stranger can; set it to 0, the gateway paces"
                    + " sign-ins per account and address");
        }
        if (realm.path("loginWithEmailAllowed").asBoolean(true)) {
            problems.add("realm " + name + ": an account can be typed by its username or by its email"
                    + " (loginWithEmailAllowed): the gateway counts wrong passwords per name typed, so one address would"
                    + " get two counts for one account");
        }
        int remembered = realm.path("maxDeltaTimeSeconds").asInt(43200);
        if (remembered <= 0 || remembered > MAX_FAILURE_MEMORY_SECONDS) {
            problems.add("realm " + name + ": wrong passwords are remembered longer than " + MAX_FAILURE_MEMORY_SECONDS
                    + " s (maxDeltaTimeSeconds): one address, paused by the gateway for up to 24 h, could add up to"
                    + " the lock-out over days");
        }
    }

    private static void passwordPolicy(JsonNode realm, String name, List<String> problems) {
        String policy = realm.path("passwordPolicy").asString("");
        Matcher length = Pattern.compile("\\blength\\((\\d+)\\)").matcher(policy);
        if (!length.find() || Integer.parseInt(length.group(1)) < 8) {
            problems.add("realm " + name + ": the password policy does not require 8 characters or more");
        }
        if (!policy.contains("notUsername")) {
            problems.add("realm " + name + ": the password policy allows the username (a citizen's CCCD) as the"
                    + " password (notUsername)");
        }
    }

    /** The declarative user profile: attributes a user may edit themselves in the account console. */
    private static void userEditable(JsonNode realm, String name, List<String> problems) {
        JsonNode profile = null;
        for (JsonNode component : realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")) {
            JsonNode config =
                    component.path("config").path("kc.user.profile.config").path(0);
            if (config.isString()) {
                try {
                    profile = JSON.readTree(config.asString());
                } catch (JacksonException e) {
                    problems.add("realm " + name + ": the user profile configuration is not JSON");
                    return;
                }
            }
        }
        if (profile == null) {
            problems.add("realm " + name + ": no user profile configuration (Keycloak's default lets users edit"
                    + " their email)");
            return;
        }
        for (JsonNode attribute : profile.path("attributes")) {
            String attributeName = attribute.path("name").asString("");
            if (!List.of("email", "username").contains(attributeName)) {
                continue;
            }
            for (JsonNode who : attribute.path("permissions").path("edit")) {
                if ("user".equals(who.asString(""))) {
                    problems.add("realm " + name + ": users can edit their " + attributeName
                            + " in Keycloak's account console (a change must go through identity-service)");
                }
            }
        }
    }

    /**
     * The realm's browser flow must reach an OTP form inside a conditional subflow whose condition is a role
     * every staff role has (itself or through a composite), so no member of staff signs in with a password alone.
     */
    private static void staffSecondFactor(JsonNode realm, String name, List<String> problems) {
        Map<String, JsonNode> flows = new HashMap<>();
        for (JsonNode flow : realm.path("authenticationFlows")) {
            flows.put(flow.path("alias").asString(""), flow);
        }
        Map<String, String> conditionRoles = new HashMap<>();
        for (JsonNode config : realm.path("authenticatorConfig")) {
            conditionRoles.put(
                    config.path("alias").asString(""),
                    config.path("config").path("condUserRole").asString(""));
        }
        Set<String> guarded = new HashSet<>();
        JsonNode browser = flows.get(realm.path("browserFlow").asString("browser"));
        if (browser != null) {
            collectOtpRoles(browser, flows, conditionRoles, guarded, 0);
        }
        boolean everyStaffRole = STAFF_ROLES.stream()
                .allMatch(role -> guarded.stream()
                        .anyMatch(condition -> role.equals(condition) || includes(realm, role, condition)));
        if (!everyStaffRole) {
            problems.add("realm " + name + ": staff roles " + STAFF_ROLES + " can sign in without a second factor"
                    + " (the browser flow needs an OTP form in a subflow conditioned on a role they all have)");
        }
    }

    private static void collectOtpRoles(
            JsonNode flow,
            Map<String, JsonNode> flows,
            Map<String, String> conditionRoles,
            Set<String> guarded,
            int depth) {
        if (depth > 10) {
            return;
        }
        String role = null;
        boolean otp = false;
        for (JsonNode execution : flow.path("authenticationExecutions")) {
            String requirement = execution.path("requirement").asString("");
            if ("DISABLED".equals(requirement)) {
                continue;
            }
            String authenticator = execution.path("authenticator").asString("");
            if ("conditional-user-role".equals(authenticator) && "REQUIRED".equals(requirement)) {
                role = conditionRoles.get(execution.path("authenticatorConfig").asString(""));
            } else if ("auth-otp-form".equals(authenticator) && "REQUIRED".equals(requirement)) {
                otp = true;
            } else if (execution.path("authenticatorFlow").asBoolean(false)) {
                JsonNode sub = flows.get(execution.path("flowAlias").asString(""));
                if (sub != null) {
                    collectOtpRoles(sub, flows, conditionRoles, guarded, depth + 1);
                }
            }
        }
        if (otp && role != null && !role.isEmpty()) {
            guarded.add(role);
        }
    }

    /** Whether realm role {@code role} is a composite that includes {@code included} (one level, as written). */
    private static boolean includes(JsonNode realm, String role, String included) {
        for (JsonNode r : realm.path("roles").path("realm")) {
            if (role.equals(r.path("name").asString(""))) {
                for (JsonNode composite : r.path("composites").path("realm")) {
                    if (included.equals(composite.asString(""))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void redirects(JsonNode realm, String name, List<String> problems) {
        for (JsonNode client : realm.path("clients")) {
            String clientId = client.path("clientId").asString("?");
            for (JsonNode uri : client.path("redirectUris")) {
                if (uri.asString("").contains("*")) {
                    problems.add("realm " + name + ": client " + clientId + " accepts a wildcard redirect URI ("
                            + uri.asString() + ")");
                }
            }
            for (JsonNode origin : client.path("webOrigins")) {
                if ("*".equals(origin.asString(""))) {
                    problems.add("realm " + name + ": client " + clientId + " allows every web origin (*)");
                }
            }
        }
    }

    /**
     * Level 2 in production comes only from the national identity provider: an enabled OIDC provider with a mapper
     * that writes the user attribute {@code loa} on every sign-in (sync mode FORCE, itself or inherited), and no
     * self-registration in Keycloak. Its first-broker-login flow must not link an existing account through an email
     * link: the link would go to the address of whoever registered the CCCD first (a squatter), who could then tie
     * the owner's national identity to their own account.
     */
    private static void nationalSignOn(JsonNode realm, String name, List<String> problems) {
        boolean levelFromNationalProvider = false;
        for (JsonNode provider : realm.path("identityProviders")) {
            String alias = provider.path("alias").asString("?");
            JsonNode secret = provider.path("config").path("clientSecret");
            if (secret.isString() && !isPlaceholder(secret.asString())) {
                problems.add("realm " + name + ": identity provider " + alias
                        + " has its client secret written in the file (use a ${VARIABLE} placeholder)");
            }
            if (!provider.path("enabled").asBoolean(true)
                    || !"oidc".equals(provider.path("providerId").asString(""))) {
                continue;
            }
            String providerSync = provider.path("config").path("syncMode").asString("LEGACY");
            for (JsonNode mapper : realm.path("identityProviderMappers")) {
                JsonNode config = mapper.path("config");
                String sync = config.path("syncMode").asString("INHERIT");
                if (alias.equals(mapper.path("identityProviderAlias").asString(""))
                        && "oidc-user-attribute-idp-mapper"
                                .equals(mapper.path("identityProviderMapper").asString(""))
                        && "loa".equals(config.path("user.attribute").asString(""))
                        && ("FORCE".equals(sync) || ("INHERIT".equals(sync) && "FORCE".equals(providerSync)))) {
                    levelFromNationalProvider = true;
                    String flow = provider.path("firstBrokerLoginFlowAlias").asString("first broker login");
                    if (reaches(realm, flow, "idp-email-verification", 0)) {
                        problems.add("realm " + name + ": identity provider " + alias + " links an existing account"
                                + " through an email link (idp-email-verification in " + flow + ")");
                    }
                }
            }
        }
        if (!levelFromNationalProvider) {
            problems.add("realm " + name + ": no national identity provider sets the level of assurance (an enabled"
                    + " OIDC provider with a mapper to the user attribute loa, sync mode FORCE)");
        }
    }

    /** Whether flow {@code alias} (or a subflow) has {@code authenticator} enabled; Keycloak's default when absent. */
    private static boolean reaches(JsonNode realm, String alias, String authenticator, int depth) {
        if (depth > 10) {
            return false;
        }
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (!alias.equals(flow.path("alias").asString(""))) {
                continue;
            }
            for (JsonNode execution : flow.path("authenticationExecutions")) {
                if ("DISABLED".equals(execution.path("requirement").asString(""))) {
                    continue;
                }
                if (authenticator.equals(execution.path("authenticator").asString(""))
                        || (execution.path("authenticatorFlow").asBoolean(false)
                                && reaches(
                                        realm, execution.path("flowAlias").asString(""), authenticator, depth + 1))) {
                    return true;
                }
            }
            return false;
        }
        // a flow not written in the file is Keycloak's built-in one, which has the email verification
        return "first broker login".equals(alias) && depth == 0;
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

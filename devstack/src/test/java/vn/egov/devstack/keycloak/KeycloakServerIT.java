package vn.egov.devstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.devstack.simulators.registry.PopulationRegistrySimulator;
import vn.egov.devstack.simulators.vneid.NationalIdentitySimulator;
import vn.egov.devstack.simulators.vneid.NationalIdentitySimulator.Identity;
import vn.egov.guard.LiveRealmCheck;
import vn.egov.testsupport.browser.CookieJar;

/**
 * Starts the real Keycloak with the {@code egov} realm export on free ports and checks the tokens the
 * services rely on. The work dir is stable under {@code target/} so that only the first run pays for
 * unpacking and Quarkus augmentation; the dev database is kept while the realm export is unchanged.
 */
class KeycloakServerIT {

    private static final String PUBLIC_ISSUER = "http://127.0.0.1:8080/auth/realms/egov";
    private static final String DEMO_PASSWORD = "Demo@2026";
    private static final String AGENCY = "000.00.01.H26";
    private static final String PORTAL_REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/portal";
    /** What the guard's live check says of this Keycloak (start-dev: its data in H2, its themes uncached). */
    private static final String DEVELOPMENT_DATABASE = "Keycloak keeps its data in H2, the development database of"
            + " kc.sh start-dev (dev-file): production runs kc.sh start on PostgreSQL (--db=postgres)";

    private static final String UNCACHED_THEMES = "Keycloak serves its themes uncached (Cache-Control: no-cache), as"
            + " kc.sh start-dev does: production runs kc.sh start, which caches them";

    private static final String PKCE_VERIFIER = "national-sign-on-verifier-0123456789-abcdefghijkl";

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper json = new ObjectMapper();
    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() throws Exception {
        Path workDir = Path.of(System.getProperty("keycloak.it.workdir", "target/keycloak-it"));
        keycloak = KeycloakServer.builder()
                .workDir(workDir)
                .httpPort(KeycloakServer.freePort())
                .managementPort(KeycloakServer.freePort())
                .freshData(Boolean.getBoolean("keycloak.it.fresh"))
                .build()
                .start();
    }

    @AfterAll
    static void stopKeycloak() throws Exception {
        if (keycloak == null) {
            return;
        }
        keycloak.stop();
        assertThat(keycloak.isRunning()).isFalse();
        // the whole tree is gone: nothing answers on the management port any more
        HttpRequest health = HttpRequest.newBuilder(URI.create(keycloak.healthUrl()))
                .timeout(Duration.ofSeconds(2))
                .build();
        boolean answered;
        try {
            http.send(health, HttpResponse.BodyHandlers.discarding());
            answered = true;
        } catch (IOException refused) {
            answered = false;
        }
        assertThat(answered).as("Keycloak still answers after stop()").isFalse();
    }

    @Test
    void aFreshUnpackInAnotherWorkDirGetsTheAugmentationThisStartKept(@TempDir Path elsewhere) throws Exception {
        // the start above kept lib/quarkus next to the distribution; another work dir (another module's tests,
        // another clone's ./egov up) unpacks and takes it instead of augmenting again (25–30 s on 2 cores)
        Path kept = keycloak.augmentationCache();
        assertThat(kept.resolve("build-system.properties")).isRegularFile();
        KeycloakServer other = KeycloakServer.builder().workDir(elsewhere).build();
        other.install();
        Path theirs = other.home().resolve("lib/quarkus");
        try (var files = Files.list(kept)) {
            for (Path file : files.toList()) {
                assertThat(theirs.resolve(file.getFileName().toString()))
                        .as("%s in the fresh unpack", file.getFileName())
                        .hasSameBinaryContentAs(file);
            }
        }
        // other options, another key: nothing is taken that Keycloak would have to redo
        assertThat(KeycloakServer.builder()
                        .workDir(elsewhere)
                        .option("--features=preview")
                        .build()
                        .augmentationCache())
                .isNotEqualTo(kept);
    }

    @Test
    void citizenTokenHasPublicIssuerAudienceRolesAndLevelOfAssurance() throws Exception {
        JsonNode token = accessToken(passwordGrant("001090012345", DEMO_PASSWORD));

        assertThat(keycloak.tokenEndpoint()).startsWith("http://127.0.0.1:" + keycloak.httpPort() + "/auth/");
        assertThat(token.path("iss").asText()).isEqualTo(PUBLIC_ISSUER);
        assertThat(strings(token.path("aud"))).contains("egov-api");
        assertThat(strings(token.path("realm_access").path("roles")))
                .contains("CITIZEN")
                .doesNotContain("OFFICER", "APPROVER", "AGENCY_ADMIN", "SYSTEM_ADMIN");
        assertThat(token.path("loa").isInt())
                .as("loa is a JSON number: %s", token.path("loa"))
                .isTrue();
        assertThat(token.path("loa").asInt()).isEqualTo(1);
        assertThat(token.path("preferred_username").asText()).isEqualTo("001090012345");
        assertThat(token.path("azp").asText()).isEqualTo("egov-local-cli");
        assertThat(token.path("given_name").asText()).isEqualTo("An");
        assertThat(token.path("family_name").asText()).isEqualTo("Nguyễn Văn");
        assertThat(token.path("exp").asLong() - token.path("iat").asLong()).isEqualTo(300);
        assertThat(token.has("agency")).isFalse();
    }

    @Test
    void staffTokensCarryTheirAgencyAndRole() throws Exception {
        Map<String, String> staff = Map.of(
                "canbo.motcua", "OFFICER",
                "chuyenvien.pheduyet", "APPROVER",
                "quantri.coquan", "AGENCY_ADMIN");
        for (Map.Entry<String, String> e : staff.entrySet()) {
            JsonNode token = accessToken(passwordGrant(e.getKey(), DEMO_PASSWORD));
            assertThat(token.path("agency").asText()).as(e.getKey()).isEqualTo(AGENCY);
            assertThat(strings(token.path("realm_access").path("roles")))
                    .as(e.getKey())
                    .contains(e.getValue());
            assertThat(strings(token.path("aud"))).as(e.getKey()).contains("egov-api");
        }
        JsonNode systemAdmin = accessToken(passwordGrant("quantri.hethong", DEMO_PASSWORD));
        assertThat(strings(systemAdmin.path("realm_access").path("roles"))).contains("SYSTEM_ADMIN");
    }

    @Test
    void passwordPolicyRefusesWeakPasswords() throws Exception {
        String token = json.readTree(clientCredentials("identity-service", "identity-service-dev-secret", null)
                        .body())
                .path("access_token")
                .asText();
        String username = "policy-check-" + System.nanoTime();
        String user = """
                {"username": "%s", "enabled": true, "email": "%s@demo.egov.vn", "firstName": "Kiểm", "lastName": "Tra",
                 "credentials": [{"type": "password", "value": "password1", "temporary": false}]}""".formatted(username, username);
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/egov/users"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        assertThat(created.body()).containsIgnoringCase("password");
    }

    @Test
    void ministryClientGetsIdentityVerifyScopeOnlyWhenAllowed() throws Exception {
        JsonNode justice =
                accessToken(clientCredentials("ministry-justice", "ministry-justice-dev-secret", "identity.verify"));
        assertThat(justice.path("scope").asText().split(" ")).contains("identity.verify");
        assertThat(justice.path("iss").asText()).isEqualTo(PUBLIC_ISSUER);
        assertThat(strings(justice.path("aud"))).contains("egov-api");
        assertThat(justice.path("azp").asText()).isEqualTo("ministry-justice");

        JsonNode justiceWithoutAsking =
                accessToken(clientCredentials("ministry-justice", "ministry-justice-dev-secret", null));
        assertThat(justiceWithoutAsking.path("scope").asText().split(" ")).doesNotContain("identity.verify");

        // Keycloak refuses a scope the client does not have (invalid_scope) rather than dropping it silently
        HttpResponse<String> noScope =
                clientCredentials("ministry-no-scope", "ministry-no-scope-dev-secret", "identity.verify");
        if (noScope.statusCode() == 200) {
            assertThat(accessToken(noScope).path("scope").asText().split(" ")).doesNotContain("identity.verify");
        } else {
            assertThat(noScope.statusCode()).isEqualTo(400);
            assertThat(json.readTree(noScope.body()).path("error").asText()).isEqualTo("invalid_scope");
        }
        JsonNode noScopeWithoutAsking =
                accessToken(clientCredentials("ministry-no-scope", "ministry-no-scope-dev-secret", null));
        assertThat(noScopeWithoutAsking.path("scope").asText().split(" ")).doesNotContain("identity.verify");
    }

    @Test
    void serviceAccountsHaveTheApiAudience() throws Exception {
        for (String service :
                List.of("identity-service", "dossier-service", "payment-service", "notification-service")) {
            JsonNode token = accessToken(clientCredentials(service, service + "-dev-secret", null));
            assertThat(strings(token.path("aud"))).as(service).contains("egov-api");
            assertThat(token.path("iss").asText()).as(service).isEqualTo(PUBLIC_ISSUER);
            assertThat(token.path("azp").asText()).as(service).isEqualTo(service);
        }
    }

    @Test
    void identityServiceReadsDeclaredAttributesThroughTheAdminApiButNotTheMasterRealm() throws Exception {
        String bearer = clientCredentials("identity-service", "identity-service-dev-secret", null)
                .body();
        String token = json.readTree(bearer).path("access_token").asText();

        HttpResponse<String> users = http.send(
                HttpRequest.newBuilder(URI.create(
                                keycloak.baseUrl() + "/admin/realms/egov/users?username=001090012345&exact=true"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(users.statusCode()).isEqualTo(200);
        JsonNode citizen = json.readTree(users.body()).path(0);
        JsonNode attributes = citizen.path("attributes");
        assertThat(attributes.path("nationalId").path(0).asText()).isEqualTo("001090012345");
        assertThat(attributes.path("loa").path(0).asText()).isEqualTo("1");
        assertThat(attributes.path("phone").path(0).asText()).isEqualTo("0912345678");
        assertThat(citizen.path("email").asText()).isEqualTo("citizen@demo.egov.vn");

        HttpResponse<String> profile = http.send(
                HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/egov/users/profile"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(profile.statusCode()).isEqualTo(200);
        List<String> declared = new ArrayList<>();
        json.readTree(profile.body())
                .path("attributes")
                .forEach(a -> declared.add(a.path("name").asText()));
        assertThat(declared).contains("agency", "loa", "nationalId", "phone");

        HttpResponse<String> master = http.send(
                HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/master/users"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(master.statusCode()).isIn(401, 403);
    }

    @Test
    void jwksAndDiscoveryAnswerOnKeycloaksOwnPort() throws Exception {
        HttpResponse<String> jwks = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + keycloak.httpPort()
                                + "/auth/realms/egov/protocol/openid-connect/certs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).isEqualTo(200);
        JsonNode keys = json.readTree(jwks.body()).path("keys");
        assertThat(keys.isArray()).isTrue();
        List<String> algorithms = new ArrayList<>();
        keys.forEach(k -> algorithms.add(k.path("alg").asText()));
        assertThat(algorithms).contains("RS256");
        assertThat(keycloak.jwksUri()).isEqualTo(jwks.uri().toString());

        HttpResponse<String> discovery = http.send(
                HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/realms/egov/.well-known/openid-configuration"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(json.readTree(discovery.body()).path("issuer").asText()).isEqualTo(PUBLIC_ISSUER);
    }

    /**
     * The issue's probe: a citizen's own token and one POST to Keycloak's account API changed the email, bypassing
     * identity-service's one-time code and the notice to the old address. The user profile now lets only admins
     * (identity-service) edit email and username.
     */
    @Test
    void aCitizenCannotChangeTheirEmailThroughKeycloaksAccountApi() throws Exception {
        String token = json.readTree(
                        passwordGrant("001090012345", DEMO_PASSWORD).body())
                .path("access_token")
                .asText();
        String account = keycloak.baseUrl() + "/realms/egov/account/";
        HttpResponse<String> before = http.send(
                HttpRequest.newBuilder(URI.create(account))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        JsonNode me = json.readTree(before.body());
        assertThat(me.path("email").asText()).isEqualTo("citizen@demo.egov.vn");

        com.fasterxml.jackson.databind.node.ObjectNode changed = me.deepCopy();
        changed.put("email", "attacker@example.com");
        HttpResponse<String> attempt = http.send(
                HttpRequest.newBuilder(URI.create(account))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(changed.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(attempt.statusCode()).as(attempt.body()).isEqualTo(400);

        HttpResponse<String> after = http.send(
                HttpRequest.newBuilder(URI.create(account))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(after.body()).path("email").asText()).isEqualTo("citizen@demo.egov.vn");

        // nor the username (the CCCD): the realm lets an administrator rename an account (a recovered CCCD's holder,
        // decision 63), the user profile keeps the username an administrator's field
        com.fasterxml.jackson.databind.node.ObjectNode renamed = me.deepCopy();
        renamed.put("username", "001090099999");
        HttpResponse<String> rename = http.send(
                HttpRequest.newBuilder(URI.create(account))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(renamed.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rename.statusCode()).as(rename.body()).isEqualTo(400);
        HttpResponse<String> still = http.send(
                HttpRequest.newBuilder(URI.create(account))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(still.body()).path("username").asText()).isEqualTo("001090012345");
    }

    /**
     * The production guard's check of the running realm ({@link LiveRealmCheck}, identity-service runs it at start
     * outside local runs) on the local realm this Keycloak runs, asked with identity-service's own service account:
     * it sees the demo accounts and the password client, which a realm-file check cannot see once someone imported
     * or created them by hand, and that this Keycloak runs as start-dev does: its data in H2, its themes uncached.
     */
    @Test
    void theLiveRealmCheckRefusesTheLocalRealmForItsDemoAccountsAndPasswordClient() throws Exception {
        List<String> problems = new LiveRealmCheck(http, keycloak.baseUrl() + "/admin/realms/egov")
                .problems(serviceAccountToken("egov", "identity-service", "identity-service-dev-secret"));
        assertThat(problems)
                .contains(
                        "realm egov: the local realm's demo account 001090012345 exists",
                        "realm egov: the local realm's demo account quantri.hethong exists",
                        "realm egov: client egov-local-cli accepts passwords directly (direct access grants)",
                        DEVELOPMENT_DATABASE,
                        UNCACHED_THEMES)
                .noneMatch(p -> p.startsWith("Keycloak's admin API answered"));
        // without the rights to look, the check does not pass
        assertThat(new LiveRealmCheck(http, keycloak.baseUrl() + "/admin/realms/egov")
                        .problems(serviceAccountToken("egov", "dossier-service", "dossier-service-dev-secret")))
                .singleElement()
                .asString()
                .startsWith("Keycloak's admin API answered 403 for the realm");
    }

    private static String serviceAccountToken(String realmName, String clientId, String secret) throws Exception {
        HttpResponse<String> token = post(
                keycloak.baseUrl() + "/realms/" + realmName + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return json.readTree(token.body()).path("access_token").asText();
    }

    /**
     * deploy/keycloak/egov-realm-production.json imported into the real Keycloak (as another realm, through the admin
     * API, its ${VARIABLE}s filled in as the operator's import would): it imports; a member of staff who typed the
     * right password is sent to set up a one-time-password app, never back to the portal with a code; a citizen is
     * sent back with a code.
     */
    @Test
    void theProductionRealmImportsAndAsksStaffForASecondFactor() throws Exception {
        String realmName = "egov-production-check";
        String publicUrl = "https://dichvucong.example.gov.vn";
        String secrets = "check-" + System.nanoTime() + "-";
        String realm = java.nio.file.Files.readString(Path.of("../deploy/keycloak/egov-realm-production.json"))
                .replaceFirst("\"realm\": \"egov\"", "\"realm\": \"" + realmName + "\"")
                .replace("${EGOV_PUBLIC_URL}", publicUrl)
                .replaceAll("\\$\\{([A-Z_]+_SECRET)\\}", secrets + "$1")
                // the national identity provider's addresses (decision 38), as an operator would set them
                .replaceAll("\\$\\{VNEID_([A-Z]+)_URL\\}", "https://vneid.example.gov.vn/$1")
                .replace("${VNEID_ISSUER}", "https://vneid.example.gov.vn")
                .replace("${VNEID_CLIENT_ID}", "dichvucong-check");
        String admin = json.readTree(post(
                                keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token",
                                Map.of(
                                        "grant_type", "password",
                                        "client_id", "admin-cli",
                                        "username", "admin",
                                        "password", "admin"))
                        .body())
                .path("access_token")
                .asText();
        String realms = keycloak.baseUrl() + "/admin/realms";
        // a previous run's realm (the dev database is kept between runs)
        http.send(
                HttpRequest.newBuilder(URI.create(realms + "/" + realmName))
                        .header("Authorization", "Bearer " + admin)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> imported = adminJson(admin, "POST", realms, realm);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        try {
            String base = realms + "/" + realmName;
            String password = "Kiem-Tra-2026x";
            createUser(admin, base, "canbo.kiemtra", password, "OFFICER");
            createUser(admin, base, "079090012345", password, "CITIZEN");

            HttpResponse<String> officer = signInThroughTheBrowserFlow(realmName, publicUrl, "canbo.kiemtra", password);
            assertThat(officer.statusCode())
                    .as("%s %s", officer.headers().map(), officer.body())
                    .isEqualTo(200);
            assertThat(officer.body())
                    .as("the page to set up a one-time-password app")
                    .contains("totpSecret");
            assertThat(officer.headers().firstValue("Location")).isEmpty();

            HttpResponse<String> citizen = signInThroughTheBrowserFlow(realmName, publicUrl, "079090012345", password);
            assertThat(citizen.statusCode()).as(citizen.body()).isEqualTo(302);
            assertThat(citizen.headers().firstValue("Location").orElseThrow())
                    .startsWith(publicUrl + "/login/oauth2/code/portal?")
                    .contains("code=");

            // the running realm passes the guard's live check, asked as identity-service's service account does;
            // what is left is this Keycloak itself: start-dev (on H2, themes uncached), as devstack runs it
            assertThat(new LiveRealmCheck(http, base)
                            .problems(serviceAccountToken(
                                    realmName, "identity-service", secrets + "IDENTITY_KEYCLOAK_CLIENT_SECRET")))
                    .as("the production realm, running")
                    .containsExactly(DEVELOPMENT_DATABASE, UNCACHED_THEMES);
        } finally {
            http.send(
                    HttpRequest.newBuilder(URI.create(realms + "/" + realmName))
                            .header("Authorization", "Bearer " + admin)
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    /**
     * National sign-on, browser-less: the portal's code request with {@code kc_idp_hint=vneid} goes to the national
     * identity simulator (pointed at by the realm's {@code vneid} provider, moved here to the simulator's free port),
     * which approves the resident named by {@code login_hint}; Keycloak creates the account on first sign-in (the
     * CCCD as username, no password) and the portal's token carries the resident's level as {@code loa}.
     */
    @Test
    void aResidentSignsInThroughTheNationalIdentityAndGetsTheirLevel() throws Exception {
        try (NationalIdentitySimulator vneid = nationalIdentity()) {
            Identity levelTwo = residentOfLevel(vneid, 2);
            JsonNode token =
                    accessToken(signInNationally(vneid, levelTwo.resident().nationalId()));
            assertThat(token.path("preferred_username").asText())
                    .isEqualTo(levelTwo.resident().nationalId());
            assertThat(token.path("loa").isInt())
                    .as("loa: %s", token.path("loa"))
                    .isTrue();
            assertThat(token.path("loa").asInt()).isEqualTo(2);
            assertThat(token.path("iss").asText()).isEqualTo(PUBLIC_ISSUER);
            assertThat(strings(token.path("aud"))).contains("egov-api");
            assertThat(strings(token.path("realm_access").path("roles"))).contains("CITIZEN");
            String name = levelTwo.resident().fullName();
            assertThat(token.path("given_name").asText()).isEqualTo(name.substring(name.lastIndexOf(' ') + 1));

            JsonNode account = userByUsername(levelTwo.resident().nationalId());
            assertThat(account.path("attributes").path("nationalId").path(0).asText())
                    .isEqualTo(levelTwo.resident().nationalId());
            String admin = masterAdminToken();
            HttpResponse<String> credentials = adminJson(
                    admin,
                    "GET",
                    keycloak.baseUrl() + "/admin/realms/egov/users/"
                            + account.path("id").asText() + "/credentials",
                    null);
            assertThat(json.readTree(credentials.body()).size())
                    .as("no password: %s", credentials.body())
                    .isZero();

            Identity levelOne = residentOfLevel(vneid, 1);
            JsonNode levelOneToken =
                    accessToken(signInNationally(vneid, levelOne.resident().nationalId()));
            assertThat(levelOneToken.path("loa").asInt()).isEqualTo(1);
        }
    }

    /**
     * The squatter's case in Keycloak: a local account already holds the CCCD (here the demo citizen's, registered
     * with a password). Signing in nationally with that CCCD must not hand the account over: Keycloak stops at its
     * "account already exists" page (linking needs that account's password), no code reaches the portal, and the
     * local account gets no national link and keeps its level.
     */
    @Test
    void aNationalSignInDoesNotSilentlyTakeOverALocalAccountOfTheSameCccd() throws Exception {
        try (NationalIdentitySimulator vneid = nationalIdentity()) {
            String cccd = PopulationRegistrySimulator.DEMO_CITIZEN.nationalId();
            HttpResponse<String> answer = followNationalSignIn(vneid, cccd);
            assertThat(answer.statusCode())
                    .as("%s %s", answer.headers().map(), answer.body())
                    .isEqualTo(200);
            assertThat(answer.headers().firstValue("Location")).isEmpty();
            assertThat(answer.body()).contains("login-actions/first-broker-login");

            JsonNode local = userByUsername(cccd);
            assertThat(local.path("attributes").path("loa").path(0).asText()).isEqualTo("1");
            HttpResponse<String> links = adminJson(
                    masterAdminToken(),
                    "GET",
                    keycloak.baseUrl() + "/admin/realms/egov/users/"
                            + local.path("id").asText() + "/federated-identity",
                    null);
            assertThat(json.readTree(links.body()).size()).as(links.body()).isZero();
        }
    }

    /**
     * What Keycloak's per-account lock-out (30 wrong passwords, docs/security.md section 4) does to national sign-on:
     * it holds that too. The owner gets Keycloak's "account locked" page and no code, until the lock ends by itself
     * (at most 15 min) or an administrator lifts it; then the national sign-in passes.
     */
    @Test
    void aLockedAccountIsLockedForNationalSignInTooUntilAnAdministratorLiftsIt() throws Exception {
        try (NationalIdentitySimulator vneid = nationalIdentity()) {
            String cccd = residentOfLevel(vneid, 2).resident().nationalId();
            accessToken(signInNationally(vneid, cccd));
            String id = userByUsername(cccd).path("id").asText();
            // the owner also set a password (an account made by national sign-on has none)
            HttpResponse<String> password = adminJson(
                    masterAdminToken(),
                    "PUT",
                    keycloak.baseUrl() + "/admin/realms/egov/users/" + id + "/reset-password",
                    "{\"type\":\"password\",\"value\":\"Chu!SoHuu2026\",\"temporary\":false}");
            assertThat(password.statusCode()).as(password.body()).isEqualTo(204);
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> wrong = passwordGrant(cccd, "Sai!MatKhau" + i);
                assertThat(wrong.body()).contains("invalid_grant");
            }
            HttpResponse<String> lock = adminJson(
                    masterAdminToken(),
                    "GET",
                    keycloak.baseUrl() + "/admin/realms/egov/attack-detection/brute-force/users/" + id,
                    null);
            assertThat(json.readTree(lock.body()).path("disabled").asBoolean())
                    .as("locked by the wrong passwords: %s", lock.body())
                    .isTrue();

            HttpResponse<String> locked = followNationalSignIn(vneid, cccd);
            assertThat(locked.statusCode()).as(locked.body()).isEqualTo(400);
            assertThat(locked.headers().firstValue("Location")).isEmpty();
            assertThat(locked.body()).contains("Tài khoản đang bị khoá");

            HttpResponse<String> lifted = adminJson(
                    masterAdminToken(),
                    "DELETE",
                    keycloak.baseUrl() + "/admin/realms/egov/attack-detection/brute-force/users/" + id,
                    null);
            assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(204);
            JsonNode token = accessToken(signInNationally(vneid, cccd));
            assertThat(token.path("preferred_username").asText()).isEqualTo(cccd);
            assertThat(token.path("loa").asInt()).isEqualTo(2);
        }
    }

    /** The simulator on a free port, and the realm's {@code vneid} provider moved to it (the realm says 8094). */
    private static NationalIdentitySimulator nationalIdentity() throws Exception {
        NationalIdentitySimulator vneid = new NationalIdentitySimulator(
                        0,
                        PopulationRegistrySimulator.DEFAULT_SEED,
                        NationalIdentitySimulator.DEFAULT_CLIENT_ID,
                        NationalIdentitySimulator.DEFAULT_CLIENT_SECRET,
                        java.util.Set.of(keycloak.publicUrl() + "/realms/egov/broker/vneid/endpoint"))
                .start();
        String admin = masterAdminToken();
        String url = keycloak.baseUrl() + "/admin/realms/egov/identity-provider/instances/vneid";
        HttpResponse<String> provider = adminJson(admin, "GET", url, null);
        assertThat(provider.statusCode()).as(provider.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.node.ObjectNode rep =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(provider.body());
        com.fasterxml.jackson.databind.node.ObjectNode config =
                (com.fasterxml.jackson.databind.node.ObjectNode) rep.path("config");
        for (String key : List.of("issuer", "authorizationUrl", "tokenUrl", "userInfoUrl", "jwksUrl")) {
            config.put(key, config.path(key).asText().replaceFirst("^http://127\\.0\\.0\\.1:\\d+", vneid.baseUrl()));
        }
        // the realm's secret is replaced by a mask in the admin API's answer; put the real one back
        config.put("clientSecret", NationalIdentitySimulator.DEFAULT_CLIENT_SECRET);
        HttpResponse<String> moved = adminJson(admin, "PUT", url, rep.toString());
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        HttpResponse<String> mappers = adminJson(admin, "GET", url + "/mappers", null);
        List<String> mapperTypes = new ArrayList<>();
        json.readTree(mappers.body())
                .forEach(m -> mapperTypes.add(m.path("identityProviderMapper").asText()));
        assertThat(mapperTypes)
                .contains(
                        "oidc-username-idp-mapper", "oidc-user-attribute-idp-mapper", "oidc-hardcoded-role-idp-mapper");
        return vneid;
    }

    private static Identity residentOfLevel(NationalIdentitySimulator vneid, int level) throws Exception {
        // a resident without an account yet (the dev database is kept between runs)
        for (Identity identity :
                vneid.identities().subList(1, vneid.identities().size())) {
            if (identity.level() == level
                    && userByUsernameOrNull(identity.resident().nationalId()) == null) {
                return identity;
            }
        }
        throw new AssertionError("no resident of level " + level + " left without an account");
    }

    /** The national sign-in followed to its end; the portal's token for its code. */
    private static HttpResponse<String> signInNationally(NationalIdentitySimulator vneid, String cccd)
            throws Exception {
        HttpResponse<String> answer = followNationalSignIn(vneid, cccd);
        assertThat(answer.statusCode())
                .as("%s %s", answer.headers().map(), answer.body())
                .isIn(302, 303);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(PORTAL_REDIRECT + "?").contains("state=national");
        String code =
                java.net.URLDecoder.decode(location.replaceFirst(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", "web-portal");
        form.put("client_secret", "web-portal-dev-secret");
        form.put("code", code);
        form.put("redirect_uri", PORTAL_REDIRECT);
        form.put("code_verifier", PKCE_VERIFIER);
        return post(keycloak.tokenEndpoint(), form);
    }

    /**
     * The portal's code request to Keycloak with {@code kc_idp_hint=vneid} and {@code login_hint}, and every redirect
     * followed (Keycloak's with its cookies, the simulator's) until one leaves for the portal or a page is shown.
     */
    private static HttpResponse<String> followNationalSignIn(NationalIdentitySimulator vneid, String cccd)
            throws Exception {
        CookieJar cookies = new CookieJar();
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(PKCE_VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        String authorize = keycloak.baseUrl() + "/realms/egov/protocol/openid-connect/auth?client_id=web-portal"
                + "&response_type=code&scope=openid&state=national&code_challenge_method=S256&code_challenge="
                + challenge + "&kc_idp_hint=vneid&login_hint=" + cccd
                + "&redirect_uri=" + URLEncoder.encode(PORTAL_REDIRECT, StandardCharsets.UTF_8);
        HttpResponse<String> answer = cookies.send(browser, HttpRequest.newBuilder(URI.create(authorize)));
        // Keycloak answers 302 or 303 depending on the step
        for (int hops = 0; hops < 10 && answer.statusCode() / 100 == 3; hops++) {
            String location = answer.headers().firstValue("Location").orElseThrow();
            if (location.startsWith(vneid.baseUrl())) {
                assertThat(location).contains("login_hint=" + cccd);
                answer = browser.send(
                        HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
            } else if (location.startsWith(keycloak.publicUrl()) || location.startsWith(keycloak.baseUrl())) {
                answer = cookies.send(browser, HttpRequest.newBuilder(URI.create(onKeycloak(location))));
            } else {
                break;
            }
        }
        return answer;
    }

    private static JsonNode userByUsername(String username) throws Exception {
        JsonNode user = userByUsernameOrNull(username);
        assertThat(user).as("user %s", username).isNotNull();
        return user;
    }

    private static JsonNode userByUsernameOrNull(String username) throws Exception {
        HttpResponse<String> users = adminJson(
                masterAdminToken(),
                "GET",
                keycloak.baseUrl() + "/admin/realms/egov/users?briefRepresentation=false&exact=true&username="
                        + username,
                null);
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        JsonNode list = json.readTree(users.body());
        return list.isEmpty() ? null : list.get(0);
    }

    private static String masterAdminToken() throws Exception {
        return json.readTree(post(
                                keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token",
                                Map.of(
                                        "grant_type", "password",
                                        "client_id", "admin-cli",
                                        "username", "admin",
                                        "password", "admin"))
                        .body())
                .path("access_token")
                .asText();
    }

    /** Keycloak writes its public address (the gateway's, not running here) in pages and redirects. */
    private static String onKeycloak(String url) {
        return url.startsWith(keycloak.publicUrl())
                ? keycloak.baseUrl() + url.substring(keycloak.publicUrl().length())
                : url;
    }

    private static void createUser(String admin, String realmUrl, String username, String password, String role)
            throws Exception {
        String user = """
                {"username": "%s", "enabled": true, "email": "%s@kiemtra.example.vn", "emailVerified": true,
                 "firstName": "Kiểm", "lastName": "Tra",
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}""".formatted(username, username.replace('.', '-'), password);
        HttpResponse<String> created = adminJson(admin, "POST", realmUrl + "/users", user);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> roleRep = adminJson(admin, "GET", realmUrl + "/roles/" + role, null);
        assertThat(roleRep.statusCode()).as(roleRep.body()).isEqualTo(200);
        HttpResponse<String> mapped = adminJson(
                admin, "POST", realmUrl + "/users/" + id + "/role-mappings/realm", "[" + roleRep.body() + "]");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(204);
    }

    private static HttpResponse<String> adminJson(String admin, String method, String url, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The portal's authorization-code request with PKCE, the login form filled in and posted, and Keycloak's own
     * redirects followed while they stay on Keycloak: the last answer is either a page or the redirect to the portal.
     */
    private static HttpResponse<String> signInThroughTheBrowserFlow(
            String realmName, String publicUrl, String username, String password) throws Exception {
        // a jar of name=value, as a browser on https would send them (CookieJar says why not CookieManager)
        CookieJar cookies = new CookieJar();
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]) + "x".repeat(10);
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = keycloak.baseUrl() + "/realms/" + realmName
                + "/protocol/openid-connect/auth?client_id=web-portal"
                + "&response_type=code&scope=openid&state=check&code_challenge_method=S256&code_challenge=" + challenge
                + "&redirect_uri=" + URLEncoder.encode(publicUrl + "/login/oauth2/code/portal", StandardCharsets.UTF_8);
        HttpResponse<String> page = cookies.send(browser, HttpRequest.newBuilder(URI.create(authorize)));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        java.util.regex.Matcher action = java.util.regex.Pattern.compile(
                        "action=\"([^\"]*login-actions/authenticate[^\"]*)\"")
                .matcher(page.body());
        assertThat(action.find()).as("the login form in: %s", page.body()).isTrue();
        String formUrl = onKeycloak(action.group(1).replace("&amp;", "&"));
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> answer = cookies.send(
                browser,
                HttpRequest.newBuilder(URI.create(formUrl))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        for (int hops = 0; hops < 5 && answer.statusCode() == 302; hops++) {
            String location = answer.headers().firstValue("Location").orElseThrow();
            if (!location.startsWith(keycloak.publicUrl())) {
                break;
            }
            answer = cookies.send(browser, HttpRequest.newBuilder(URI.create(onKeycloak(location))));
        }
        return answer;
    }

    // ------------------------------------------------------------------ helpers

    private static HttpResponse<String> passwordGrant(String username, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "egov-local-cli");
        form.put("username", username);
        form.put("password", password);
        return post(keycloak.tokenEndpoint(), form);
    }

    private static HttpResponse<String> clientCredentials(String clientId, String secret, String scope)
            throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        if (scope != null) {
            form.put("scope", scope);
        }
        return post(keycloak.tokenEndpoint(), form);
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The access token's payload, decoded (the signature is Keycloak's business; services verify it). */
    private static JsonNode accessToken(HttpResponse<String> tokenResponse) throws Exception {
        assertThat(tokenResponse.statusCode())
                .as("token endpoint: %s", tokenResponse.body())
                .isEqualTo(200);
        String jwt = json.readTree(tokenResponse.body()).path("access_token").asText();
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }
}

package vn.egov.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The production realm has no demo data; the local realm is refused outside the local profile. */
class RealmFileCheckTest {

    @Test
    void theProductionRealmPasses() {
        assertThat(RealmFileCheck.problems(ProductionGuardTest.PRODUCTION_REALM))
                .isEmpty();
    }

    @Test
    void theProductionRealmHasNoDemoUserNoPasswordClientAndNoSecretInTheFile() throws Exception {
        String realm = java.nio.file.Files.readString(ProductionGuardTest.PRODUCTION_REALM);
        assertThat(realm)
                .doesNotContain("egov-local-cli")
                .doesNotContain("Demo@2026")
                .doesNotContain("-dev-secret")
                .doesNotContain("\"password\"")
                .doesNotContain("127.0.0.1")
                .doesNotContain("localhost")
                .contains("\"secret\": \"${IDENTITY_KEYCLOAK_CLIENT_SECRET}\"");
    }

    @Test
    void theLocalRealmIsRefusedForItsDemoUsersPasswordClientAndSecrets() {
        List<String> problems = RealmFileCheck.problems(ProductionGuardTest.LOCAL_REALM);

        assertThat(problems)
                .contains("realm egov: user 001090012345 has a password in the file (demo account)")
                .contains("realm egov: user quantri.hethong has a password in the file (demo account)")
                .contains("realm egov: client egov-local-cli accepts passwords directly (direct access grants)")
                .anySatisfy(p -> assertThat(p).startsWith("realm egov: client admin-cli is not in the file"))
                .contains("realm egov: client identity-service has its secret written in the file"
                        + " (use a ${VARIABLE} placeholder)");
    }

    @Test
    void aRealmWithoutBruteForceDetectionOrTlsIsRefused() {
        // (an empty realm lacks the other protections too: those are checked one by one below)
        assertThat(RealmFileCheck.problems("{\"realm\":\"x\",\"bruteForceProtected\":false,\"sslRequired\":\"none\"}"))
                .contains(
                        "realm x: client admin-cli is not in the file (Keycloak would create it accepting passwords"
                                + " directly; write it with directAccessGrantsEnabled false)",
                        "realm x: brute-force detection is off",
                        "realm x: TLS is not required (sslRequired none)");
    }

    /** The production realm with one protection taken away must be refused for exactly that reason. */
    @Test
    void eachProtectionOfTheProductionRealmIsRequired() throws Exception {
        String realm = java.nio.file.Files.readString(ProductionGuardTest.PRODUCTION_REALM);
        assertThat(RealmFileCheck.problems(
                        realm.replace("\"accessTokenLifespan\": 300", "\"accessTokenLifespan\": 3600")))
                .containsExactly("realm egov: access tokens live longer than 900 s (accessTokenLifespan)");
        assertThat(RealmFileCheck.problems(realm.replace("\"ssoSessionIdleTimeout\": 1800,", "")))
                .containsExactly("realm egov: an idle session is not ended within 3600 s (ssoSessionIdleTimeout)");
        assertThat(RealmFileCheck.problems(
                        realm.replace("\"revokeRefreshToken\": true", "\"revokeRefreshToken\": false")))
                .containsExactly("realm egov: refresh tokens are not rotated (revokeRefreshToken true,"
                        + " refreshTokenMaxReuse 0): a stolen refresh token stays usable");
        assertThat(RealmFileCheck.problems(realm.replace("\"permanentLockout\": false", "\"permanentLockout\": true")))
                .containsExactly("realm egov: the brute-force lock-out is permanent (permanentLockout): a stranger's"
                        + " wrong passwords would lock the account out until an administrator unlocks it");
        assertThat(RealmFileCheck.problems(
                        realm.replace("\"maxFailureWaitSeconds\": 900", "\"maxFailureWaitSeconds\": 86400")))
                .containsExactly("realm egov: a temporary lock-out may last longer than 900 s (maxFailureWaitSeconds)");
        assertThat(RealmFileCheck.problems(realm.replace("\"failureFactor\": 30", "\"failureFactor\": 5")))
                .containsExactly("realm egov: fewer than 20 wrong passwords lock an account out (failureFactor): the"
                        + " gateway lets one address type 5 before it pauses that address, so a few addresses would lock"
                        + " someone else out");
        assertThat(RealmFileCheck.problems(
                        realm.replace("\"quickLoginCheckMilliSeconds\": 0", "\"quickLoginCheckMilliSeconds\": 1000")))
                .containsExactly(
                        "realm egov: two wrong passwords less than 1000 ms apart, from anyone, lock the account"
                                + " (quickLoginCheckMilliSeconds): any stranger can; set it to 0, the gateway paces sign-ins per"
                                + " account and address");
        assertThat(RealmFileCheck.problems(realm.replace("\"quickLoginCheckMilliSeconds\": 0,", "")))
                .as("Keycloak's default when absent: 1000 ms")
                .hasSize(1);
        assertThat(RealmFileCheck.problems(
                        realm.replace("\"maxDeltaTimeSeconds\": 43200", "\"maxDeltaTimeSeconds\": 604800")))
                .containsExactly("realm egov: wrong passwords are remembered longer than 43200 s"
                        + " (maxDeltaTimeSeconds): one address, paused by the gateway for up to 24 h, could add up to the"
                        + " lock-out over days");
        assertThat(RealmFileCheck.problems(
                        realm.replace("\"loginWithEmailAllowed\": false", "\"loginWithEmailAllowed\": true")))
                .containsExactly("realm egov: an account can be typed by its username or by its email"
                        + " (loginWithEmailAllowed): the gateway counts wrong passwords per name typed, so one address"
                        + " would get two counts for one account");
        assertThat(RealmFileCheck.problems(realm.replace("\"loginWithEmailAllowed\": false,", "")))
                .as("Keycloak's default when absent: email sign-in on")
                .hasSize(1);
        assertThat(RealmFileCheck.problems(realm.replace("length(8) and", "length(6) and")))
                .containsExactly("realm egov: the password policy does not require 8 characters or more");
        assertThat(RealmFileCheck.problems(realm.replace(" and notUsername", "")))
                .containsExactly("realm egov: the password policy allows the username (a citizen's CCCD) as the"
                        + " password (notUsername)");
        // the user profile is JSON inside a JSON string: its quotes are escaped; email comes just before firstName
        String q = "\\\"";
        String emailEditable = realm.replace(
                "edit" + q + ":[" + q + "admin" + q + "]}," + q + "multivalued" + q + ":false},{" + q + "name" + q + ":"
                        + q + "firstName",
                "edit" + q + ":[" + q + "admin" + q + "," + q + "user" + q + "]}," + q + "multivalued" + q + ":false},{"
                        + q + "name" + q + ":" + q + "firstName");
        assertThat(emailEditable).isNotEqualTo(realm);
        assertThat(RealmFileCheck.problems(emailEditable))
                .containsExactly("realm egov: users can edit their email in Keycloak's account console (a change must"
                        + " go through identity-service)");
        String staffProblem = "realm egov: staff roles [OFFICER, APPROVER, AGENCY_ADMIN, SYSTEM_ADMIN] can sign in"
                + " without a second factor (the browser flow needs an OTP form in a subflow conditioned on a role they"
                + " all have)";
        assertThat(RealmFileCheck.problems(
                        realm.replace("\"browserFlow\": \"egov browser\"", "\"browserFlow\": \"browser\"")))
                .containsExactly(staffProblem);
        assertThat(RealmFileCheck.problems(
                        realm.replace("\"condUserRole\": \"STAFF\"", "\"condUserRole\": \"OFFICER\"")))
                .as("an approver would not be asked")
                .containsExactly(staffProblem);
        String otpOptional = realm.replace(
                "\"authenticator\": \"auth-otp-form\",\n          \"authenticatorFlow\": false,\n"
                        + "          \"requirement\": \"REQUIRED\",\n          \"priority\": 20",
                "\"authenticator\": \"auth-otp-form\",\n          \"authenticatorFlow\": false,\n"
                        + "          \"requirement\": \"DISABLED\",\n          \"priority\": 20");
        assertThat(otpOptional).isNotEqualTo(realm);
        assertThat(RealmFileCheck.problems(otpOptional)).containsExactly(staffProblem);
        assertThat(RealmFileCheck.problems(
                        realm.replace("\"${EGOV_PUBLIC_URL}/login/oauth2/code/portal\"", "\"${EGOV_PUBLIC_URL}/*\"")))
                .containsExactly(
                        "realm egov: client web-portal accepts a wildcard redirect URI (${EGOV_PUBLIC_URL}/*)");
    }

    /** Decision 38: level 2 only from the national identity provider, no self-registration, no email-link linking. */
    @Test
    void productionNeedsTheNationalIdentityProviderAndNoSelfRegistration() throws Exception {
        String realm = java.nio.file.Files.readString(ProductionGuardTest.PRODUCTION_REALM);
        assertThat(RealmFileCheck.problems(
                        realm.replace("\"registrationAllowed\": false", "\"registrationAllowed\": true")))
                .containsExactly("realm egov: Keycloak's self-registration is on (registrationAllowed)");
        String noLevel = "realm egov: no national identity provider sets the level of assurance (an enabled OIDC"
                + " provider with a mapper to the user attribute loa, sync mode FORCE)";
        String levelMapper = "\"claim\": \"loa\",\n        \"user.attribute\": \"loa\"";
        assertThat(realm).contains(levelMapper);
        assertThat(RealmFileCheck.problems(
                        realm.replace(levelMapper, "\"claim\": \"loa\",\n        \"user.attribute\": \"level\"")))
                .containsExactly(noLevel);
        String imported = realm.replace(
                "\"syncMode\": \"FORCE\",\n        \"claim\": \"loa\"",
                "\"syncMode\": \"IMPORT\",\n        \"claim\": \"loa\"");
        assertThat(imported).isNotEqualTo(realm);
        assertThat(RealmFileCheck.problems(imported))
                .as("the level read only once")
                .containsExactly(noLevel);
        assertThat(RealmFileCheck.problems(realm.replace(
                        "\"alias\": \"vneid\",\n      \"displayName\": \"VNeID\",\n      \"providerId\": \"oidc\",\n"
                                + "      \"enabled\": true",
                        "\"alias\": \"vneid\",\n      \"displayName\": \"VNeID\",\n      \"providerId\": \"oidc\",\n"
                                + "      \"enabled\": false")))
                .containsExactly(noLevel);
        assertThat(RealmFileCheck.problems(
                        realm.replace("\"${VNEID_CLIENT_SECRET}\"", "\"a-secret-in-the-file-0123456789\"")))
                .containsExactly("realm egov: identity provider vneid has its client secret written in the file"
                        + " (use a ${VARIABLE} placeholder)");
        String emailLink = realm.replace(
                "\"authenticator\": \"idp-email-verification\",\n          \"authenticatorFlow\": false,\n"
                        + "          \"requirement\": \"DISABLED\"",
                "\"authenticator\": \"idp-email-verification\",\n          \"authenticatorFlow\": false,\n"
                        + "          \"requirement\": \"ALTERNATIVE\"");
        assertThat(emailLink).isNotEqualTo(realm);
        assertThat(RealmFileCheck.problems(emailLink))
                .containsExactly("realm egov: identity provider vneid links an existing account through an email link"
                        + " (idp-email-verification in first broker login)");
    }
}

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
        assertThat(RealmFileCheck.problems("{\"realm\":\"x\",\"bruteForceProtected\":false,\"sslRequired\":\"none\"}"))
                .containsExactly(
                        "realm x: client admin-cli is not in the file (Keycloak would create it accepting passwords"
                                + " directly; write it with directAccessGrantsEnabled false)",
                        "realm x: brute-force detection is off",
                        "realm x: TLS is not required (sslRequired none)");
    }
}

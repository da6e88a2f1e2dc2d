package vn.egov.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import vn.egov.guard.RealmFileCheck;

/**
 * The KeycloakRealmImport carries deploy/keycloak/egov-realm-production.json unchanged (it is generated from it:
 * deploy/kubernetes/base/keycloak/realm-import.py), and that realm passes the production guard's realm check.
 */
class RealmImportTest {

    @Test
    void theImportedRealmIsTheProductionRealmFile() throws Exception {
        String json = Files.readString(Manifests.root().resolve("deploy/keycloak/egov-realm-production.json"));
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(20 * 1024 * 1024);
        // JSON is YAML: the same parser reads both, so the comparison is value for value
        Object realmFile = new Yaml(options).load(json);

        Map<String, Object> realmImport =
                Manifests.get(Manifests.render("production"), "KeycloakRealmImport", "egov-realm");

        assertThat(Manifests.at(realmImport, "spec", "realm"))
                .as("regenerate with: python3 deploy/kubernetes/base/keycloak/realm-import.py")
                .isEqualTo(realmFile);
        assertThat(RealmFileCheck.problems(json)).isEmpty();
    }
}

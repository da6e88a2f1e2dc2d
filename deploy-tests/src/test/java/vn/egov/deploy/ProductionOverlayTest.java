package vn.egov.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.deploy.Manifests.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.egov.guard.DevelopmentValues;

/**
 * The production overlay holds no development value of this repository (the production guard would refuse to
 * start with one, or worse, a copied one would be public), no Secret (the operator creates them), no image
 * without a tag or tagged latest, no loopback address, and does not switch the local profile on.
 */
class ProductionOverlayTest {

    @Test
    void noDevelopmentValueAnywhere() {
        assertThat(developmentValues(Manifests.render("production"))).isEmpty();
    }

    @Test
    void theCheckFindsTheLocalOverlaysDevelopmentSecrets() {
        // the local overlay carries the repository's public values on purpose: proof that the scan sees them
        assertThat(developmentValues(Manifests.render("local")))
                .contains("identity-service-dev-secret", "egov-dev-vnpay-hash-secret-0123456789");
    }

    @Test
    void noSecretIsWrittenInTheOverlay() {
        assertThat(Manifests.ofKind(Manifests.render("production"), "Secret")).isEmpty();
    }

    @Test
    void everyImageIsPinnedToARelease() {
        List<String> images = new ArrayList<>();
        collect(Manifests.render("production"), "image", images);
        assertThat(images).isNotEmpty().allSatisfy(image -> {
            String tag = image.substring(image.lastIndexOf('/') + 1);
            assertThat(tag).as(image).contains(":");
            assertThat(tag).as(image).doesNotEndWith(":latest");
        });
    }

    @Test
    void noLoopbackAddressAndNoLocalProfile() {
        List<String> values = new ArrayList<>();
        collectStrings(Manifests.render("production"), values);
        assertThat(values).noneMatch(v -> v.contains("127.0.0.1") || v.contains("localhost"));
        for (Map<String, Object> deployment : Manifests.ofKind(Manifests.render("production"), "Deployment")) {
            String name = Manifests.name(deployment);
            Object profile = at(
                    ServicesCrossCheckTest.env(Manifests.render("production"), name)
                            .get("SPRING_PROFILES_ACTIVE"),
                    "value");
            assertThat(String.valueOf(profile)).as("profiles of %s", name).doesNotContain("local", "test");
        }
    }

    @Test
    void protectionsStayOnAndTestSwitchesOff() {
        List<Map<String, Object>> all = Manifests.render("production");
        for (String app : Manifests.APPLICATIONS) {
            ServiceSources service = ServiceSources.of(app);
            Map<String, Object> env = ServicesCrossCheckTest.env(all, app);
            // egov.security.required-flags: refused off outside local runs; local-only-flags: refused on
            for (Object flag : Manifests.list(service.config(), "egov", "security", "required-flags")) {
                Object value = at(env.get(service.environmentVariableOf(flag.toString())), "value");
                assertThat(value == null || "true".equals(value))
                        .as("%s: %s", app, flag)
                        .isTrue();
            }
            for (Object flag : Manifests.list(service.config(), "egov", "security", "local-only-flags")) {
                Object value = at(env.get(service.environmentVariableOf(flag.toString())), "value");
                assertThat(value).as("%s: %s", app, flag).isNotEqualTo("true");
            }
        }
    }

    @Test
    void thePublicAddressIsTheSameEverywhere() {
        List<Map<String, Object>> all = Manifests.render("production");
        String host = String.valueOf(at(Manifests.ofKind(all, "Ingress").get(0), "spec", "rules", 0, "host"));
        assertThat(at(Manifests.ofKind(all, "Keycloak").get(0), "spec", "hostname", "hostname"))
                .isEqualTo("https://" + host + "/auth");
        for (String app : Manifests.APPLICATIONS) {
            Object issuer = at(ServicesCrossCheckTest.env(all, app).get("OIDC_ISSUER_URI"), "value");
            assertThat(issuer).as("issuer of %s", app).isEqualTo("https://" + host + "/auth/realms/egov");
        }
    }

    @Test
    void everySecretTheOperatorCreatesIsDocumented() throws java.io.IOException {
        List<Map<String, Object>> all = Manifests.render("production");
        String operations = java.nio.file.Files.readString(Manifests.root().resolve("docs/operations.md"));
        List<String[]> references = new ArrayList<>();
        collectSecretReferences(all, null, references);
        assertThat(references).isNotEmpty();
        for (String[] reference : references) {
            String name = reference[0];
            boolean operatorWritten = (name.endsWith("-app")
                            && Manifests.find(all, "Cluster", name.substring(0, name.length() - 4))
                                    .isPresent())
                    || Manifests.find(all, "KafkaUser", name).isPresent()
                    || name.equals(Manifests.name(Manifests.ofKind(all, "Kafka").get(0)) + "-cluster-ca-cert");
            if (operatorWritten) {
                continue;
            }
            assertThat(operations)
                    .as("docs/operations.md names the Secret %s", name)
                    .contains("`" + name + "`");
            if (reference[1] != null) {
                assertThat(operations)
                        .as("docs/operations.md names %s's key %s", name, reference[1])
                        .contains("`" + reference[1] + "`");
            }
        }
    }

    /** {name, key} of every Secret reference: secretKeyRef, the operators' secret selectors, secretName. */
    private static void collectSecretReferences(Object node, Object parentKey, List<String[]> out) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("secretName") instanceof String name) {
                out.add(new String[] {name, null});
            }
            if (Set.of("secretKeyRef", "secret", "accessKeyId", "secretAccessKey", "usernameSecret", "passwordSecret")
                            .contains(String.valueOf(parentKey))
                    && map.get("name") instanceof String name) {
                out.add(new String[] {name, map.get("key") instanceof String key ? key : null});
            }
            map.forEach((k, v) -> collectSecretReferences(v, k, out));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectSecretReferences(item, parentKey, out));
        }
    }

    static TreeSet<String> developmentValues(List<Map<String, Object>> resources) {
        List<String> values = new ArrayList<>();
        collectStrings(resources, values);
        TreeSet<String> found = new TreeSet<>();
        values.stream().filter(DevelopmentValues::isDevelopmentValue).forEach(found::add);
        return found;
    }

    private static void collectStrings(Object node, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                out.add(String.valueOf(k));
                collectStrings(v, out);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectStrings(item, out));
        } else if (node != null) {
            out.add(String.valueOf(node));
        }
    }

    private static void collect(Object node, String key, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (key.equals(k) && v instanceof String s) {
                    out.add(s);
                } else {
                    collect(v, key, out);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, key, out));
        }
    }
}

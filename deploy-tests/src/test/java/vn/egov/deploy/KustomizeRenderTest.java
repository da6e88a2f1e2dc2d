package vn.egov.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The overlays render with deploy-tests' Kustomize subset, and, where kubectl is installed, exactly as
 * {@code kubectl kustomize} renders them (the same resources, field for field; the order may differ).
 */
class KustomizeRenderTest {

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theOverlayRendersEveryPartOfThePlatformAsKubectlWould(String overlay) throws Exception {
        List<Map<String, Object>> resources = Manifests.render(overlay);

        for (String application : Manifests.APPLICATIONS) {
            for (String kind : List.of("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler")) {
                assertThat(Manifests.find(resources, kind, application))
                        .as("%s %s in %s", kind, application, overlay)
                        .isPresent();
            }
        }
        for (String kind : List.of(
                "Kafka",
                "KafkaNodePool",
                "KafkaTopic",
                "KafkaUser",
                "Cluster",
                "ScheduledBackup",
                "Keycloak",
                "KeycloakRealmImport",
                "NetworkPolicy",
                "Ingress")) {
            assertThat(Manifests.ofKind(resources, kind))
                    .as("%s in %s", kind, overlay)
                    .isNotEmpty();
        }
        assertThat(resources)
                .as("every resource lands in the namespace egov")
                .allSatisfy(
                        r -> assertThat(Kustomize.metadata(r).get("namespace")).isEqualTo("egov"));
    }

    @Test
    void fieldsOutsideTheSubsetAreRefusedRatherThanIgnored(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        Files.writeString(
                dir.resolve("kustomization.yaml"), "resources: [cm.yaml]\nnamePrefix: x-\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Kustomize.render(dir))
                .hasMessageContaining("'namePrefix' is outside the Kustomize subset");
    }

    @Test
    void theSubsetAppliesItsTransformations(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("d.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: a
                spec:
                  template:
                    spec:
                      containers:
                        - name: a
                          image: egov/a:1
                          env: [{name: X, value: "1"}]
                        - name: b
                          image: other/b:2
                """);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                namespace: ns
                resources: [d.yaml]
                labels:
                  - pairs: {team: egov}
                images:
                  - name: egov/a
                    newName: registry.example/egov/a
                    newTag: "2.0"
                patches:
                  - target: {kind: Deployment, name: a}
                    patch: |-
                      - op: add
                        path: /spec/template/spec/containers/0/env/-
                        value: {name: Y, value: "2"}
                      - op: replace
                        path: /spec/template/spec/containers/0/env/0/value
                        value: "3"
                      - op: remove
                        path: /spec/template/spec/containers/1
                """);

        Map<String, Object> d = Kustomize.render(dir).get(0);

        assertThat(Manifests.at(d, "metadata", "namespace")).isEqualTo("ns");
        assertThat(Manifests.at(d, "metadata", "labels", "team")).isEqualTo("egov");
        assertThat(Manifests.list(d, "spec", "template", "spec", "containers")).hasSize(1);
        assertThat(Manifests.at(d, "spec", "template", "spec", "containers", 0, "image"))
                .isEqualTo("registry.example/egov/a:2.0");
        assertThat(Manifests.list(d, "spec", "template", "spec", "containers", 0, "env"))
                .containsExactly(Map.of("name", "X", "value", "3"), Map.of("name", "Y", "value", "2"));
    }

    @Test
    void aPatchThatMatchesNothingOrMissesItsPathFails(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources: [cm.yaml]
                patches:
                  - target: {kind: ConfigMap}
                    patch: |-
                      - op: replace
                        path: /data/missing
                        value: x
                """);

        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("no such path /data/missing");
    }

    private static Map<String, Map<String, Object>> byIdentity(List<Map<String, Object>> resources) {
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        for (Map<String, Object> r : resources) {
            String id = r.get("apiVersion") + "/" + r.get("kind") + " "
                    + Kustomize.metadata(r).get("namespace") + "/" + Manifests.name(r);
            assertThat(byId.put(id, r)).as("duplicate resource %s", id).isNull();
        }
        return byId;
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

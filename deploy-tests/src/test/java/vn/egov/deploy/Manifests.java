package vn.egov.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The repository, its overlays rendered once per test run, and lookups into a render. */
final class Manifests {

    static final List<String> OVERLAYS = List.of("local", "production");
    /** The five services and web-portal: each has a Deployment, Service, PodDisruptionBudget and autoscaler. */
    static final List<String> APPLICATIONS = List.of(
            "gateway-service",
            "identity-service",
            "dossier-service",
            "payment-service",
            "notification-service",
            "web-portal");

    private static final Map<String, List<Map<String, Object>>> RENDERS = new ConcurrentHashMap<>();

    private Manifests() {}

    static Path root() {
        Path root =
                Path.of(System.getProperty("egov.root", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy/kubernetes"))) {
            throw new IllegalStateException("not the repository root (no deploy/kubernetes): " + root);
        }
        return root;
    }

    static Path overlay(String name) {
        return root().resolve("deploy/kubernetes/overlays").resolve(name);
    }

    /** The overlay rendered by {@link Kustomize}; callers must not modify it. */
    static List<Map<String, Object>> render(String overlay) {
        return RENDERS.computeIfAbsent(overlay, o -> List.copyOf(Kustomize.render(overlay(o))));
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            if (kind.equals(resource.get("kind"))) {
                found.add(resource);
            }
        }
        return found;
    }

    static Optional<Map<String, Object>> find(List<Map<String, Object>> resources, String kind, String name) {
        return ofKind(resources, kind).stream()
                .filter(r -> Objects.equals(name(r), name))
                .findFirst();
    }

    static Map<String, Object> get(List<Map<String, Object>> resources, String kind, String name) {
        return find(resources, kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static String name(Map<String, Object> resource) {
        return (String) Kustomize.metadata(resource).get("name");
    }

    /** The value at a path of keys (strings) and indexes (integers), or null where the path does not exist. */
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (step instanceof Integer i && current instanceof List<?> list) {
                current = i < list.size() ? list.get(i) : null;
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, Object... path) {
        Object value = at(node, path);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, Object... path) {
        Object value = at(node, path);
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}

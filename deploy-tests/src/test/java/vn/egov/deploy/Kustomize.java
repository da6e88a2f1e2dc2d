package vn.egov.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a Kustomize directory for the subset of Kustomize that deploy/kubernetes uses, so that the manifest
 * tests run where kubectl is not installed (CI's Debian mirror has no kubectl). Where kubectl is on the PATH,
 * {@link KustomizeRenderTest} renders with {@code kubectl kustomize} too and requires the same resources, which
 * keeps this subset honest. A kustomization using anything else fails here rather than being rendered wrongly.
 *
 * <p>The subset (deploy/kubernetes/README.md): {@code resources} (YAML files and directories holding a
 * kustomization), {@code namespace} (set on every resource but cluster-scoped kinds), {@code labels} with
 * {@code pairs} only (added to {@code metadata.labels}; no selectors, no templates), {@code images} ({@code name},
 * {@code newName}, {@code newTag}, in any {@code containers}/{@code initContainers} list) and {@code patches} of JSON
 * 6902 operations {@code add}, {@code replace} and {@code remove}, inline or from a file, targeted by {@code kind}
 * and optionally {@code name}.
 */
final class Kustomize {

    private static final Set<String> KNOWN_FIELDS =
            Set.of("apiVersion", "kind", "resources", "namespace", "labels", "images", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace",
            "ClusterRole",
            "ClusterRoleBinding",
            "CustomResourceDefinition",
            "PersistentVolume",
            "StorageClass",
            "PriorityClass",
            "IngressClass");

    private Kustomize() {}

    /** The resources of the kustomization in {@code directory}, transformed, in Kustomize's input order. */
    static List<Map<String, Object>> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + directory);
        }
        Map<String, Object> kustomization = asMap(loadOne(file), file.toString());
        for (String field : kustomization.keySet()) {
            if (!KNOWN_FIELDS.contains(field)) {
                throw new IllegalArgumentException(file + ": '" + field
                        + "' is outside the Kustomize subset deploy-tests renders (deploy/kubernetes/README.md)");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(kustomization.get("resources"))) {
            Path path = directory.resolve((String) entry).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                resources.addAll(load(path));
            }
        }
        for (Object patch : list(kustomization.get("patches"))) {
            applyPatch(directory, asMap(patch, file + " patches"), resources);
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> resource : resources) {
                if (!CLUSTER_SCOPED.contains(resource.get("kind"))) {
                    metadata(resource).put("namespace", namespace);
                }
            }
        }
        for (Object labels : list(kustomization.get("labels"))) {
            Map<String, Object> spec = asMap(labels, file + " labels");
            if (!Set.of("pairs").containsAll(spec.keySet())) {
                throw new IllegalArgumentException(
                        file + ": labels support 'pairs' only (no includeSelectors, includeTemplates, fields)");
            }
            Map<String, Object> pairs = asMap(spec.get("pairs"), file + " labels.pairs");
            for (Map<String, Object> resource : resources) {
                Map<String, Object> metadata = metadata(resource);
                @SuppressWarnings("unchecked")
                Map<String, Object> current =
                        (Map<String, Object>) metadata.computeIfAbsent("labels", k -> new LinkedHashMap<>());
                current.putAll(pairs);
            }
        }
        for (Object image : list(kustomization.get("images"))) {
            Map<String, Object> spec = asMap(image, file + " images");
            if (!Set.of("name", "newName", "newTag").containsAll(spec.keySet())) {
                throw new IllegalArgumentException(file + ": images support name, newName and newTag only");
            }
            for (Map<String, Object> resource : resources) {
                replaceImages(resource, spec);
            }
        }
        return resources;
    }

    /** Every document of a YAML file, empty documents (comments only) left out. */
    static List<Map<String, Object>> load(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try {
            for (Object document : yaml().loadAll(Files.readString(file))) {
                if (document != null) {
                    documents.add(asMap(document, file.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static List<Map<String, Object>> parse(String yamlText) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(yamlText)) {
            if (document != null) {
                documents.add(asMap(document, "rendered YAML"));
            }
        }
        return documents;
    }

    private static Object loadOne(Path file) {
        try {
            return yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        // the realm import is large
        options.setCodePointLimit(20 * 1024 * 1024);
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }

    private static void applyPatch(Path directory, Map<String, Object> patch, List<Map<String, Object>> resources) {
        if (!Set.of("target", "patch", "path").containsAll(patch.keySet())) {
            throw new IllegalArgumentException("patches support target, patch and path only: " + patch.keySet());
        }
        Map<String, Object> target = asMap(patch.get("target"), "patch target");
        if (!Set.of("kind", "name").containsAll(target.keySet()) || target.get("kind") == null) {
            throw new IllegalArgumentException("patch targets support kind (required) and name only: " + target);
        }
        String text;
        if (patch.get("patch") != null) {
            text = (String) patch.get("patch");
        } else {
            try {
                text = Files.readString(directory.resolve((String) patch.get("path")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Object operations = yaml().load(text);
        if (!(operations instanceof List<?> ops)) {
            throw new IllegalArgumentException("only JSON 6902 patches (a list of operations) are supported: " + text);
        }
        int matched = 0;
        for (Map<String, Object> resource : resources) {
            if (Objects.equals(resource.get("kind"), target.get("kind"))
                    && (target.get("name") == null
                            || Objects.equals(metadata(resource).get("name"), target.get("name")))) {
                matched++;
                for (Object op : ops) {
                    JsonPatch.apply(resource, asMap(op, "patch operation"));
                }
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException("patch target matches no resource: " + target);
        }
    }

    @SuppressWarnings("unchecked")
    private static void replaceImages(Object node, Map<String, Object> spec) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (("containers".equals(entry.getKey()) || "initContainers".equals(entry.getKey()))
                        && entry.getValue() instanceof List<?> containers) {
                    for (Object container : containers) {
                        if (container instanceof Map<?, ?> c && c.get("image") instanceof String image) {
                            ((Map<String, Object>) c).put("image", newImage(image, spec));
                        }
                    }
                } else {
                    replaceImages(entry.getValue(), spec);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> replaceImages(item, spec));
        }
    }

    private static String newImage(String image, Map<String, Object> spec) {
        int slash = image.lastIndexOf('/');
        int colon = image.indexOf(':', slash + 1);
        String name = colon < 0 ? image : image.substring(0, colon);
        String tag = colon < 0 ? null : image.substring(colon + 1);
        if (image.contains("@") || !name.equals(spec.get("name"))) {
            return image;
        }
        String newName = spec.get("newName") != null ? spec.get("newName").toString() : name;
        String newTag = spec.get("newTag") != null ? spec.get("newTag").toString() : tag;
        return newTag == null ? newName : newName + ":" + newTag;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> resource) {
        return (Map<String, Object>) resource.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + ": a mapping expected, found " + value);
        }
        return (Map<String, Object>) value;
    }

    static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("a list expected, found " + value);
        }
        return list;
    }
}

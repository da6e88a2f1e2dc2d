package vn.egov.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource of a built-in kind deserialises into the Kubernetes model (fabric8) strictly: a misspelt or
 * misplaced field (which the API server would drop or refuse) fails, as does a built-in kind at an API version the
 * model does not know. The operators' kinds are checked by {@link OperatorResourcesTest}.
 */
class BuiltInKindsTest {

    /** apiVersion + kind → model class; the only built-in kinds the overlays may use. */
    static final Map<String, Class<? extends KubernetesResource>> MODEL = Map.of(
            "apps/v1 Deployment", Deployment.class,
            "v1 Service", Service.class,
            "v1 Secret", Secret.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1 Ingress", Ingress.class);

    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyBuiltInResourceFitsTheKubernetesModel(String overlay) {
        for (Map<String, Object> resource : Manifests.render(overlay)) {
            String type = resource.get("apiVersion") + " " + resource.get("kind");
            if (OperatorResourcesTest.isOperatorResource(resource)) {
                continue;
            }
            Class<? extends KubernetesResource> model = MODEL.get(type);
            if (model == null) {
                fail(
                        "%s %s: not a kind these tests know (add it to BuiltInKindsTest.MODEL or OperatorResourcesTest)",
                        type, Manifests.name(resource));
            }
            assertThat(unknownFields(resource, model))
                    .as("fields the Kubernetes model does not know in %s %s", type, Manifests.name(resource))
                    .isEmpty();
        }
    }

    @Test
    void aMisspeltFieldIsFound() {
        Map<String, Object> deployment = Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                Map.of("name", "x"),
                "spec",
                Map.of(
                        "template",
                        Map.of(
                                "spec",
                                Map.of(
                                        "containers",
                                        List.of(Map.of(
                                                "name",
                                                "x",
                                                "readinesProbe",
                                                Map.of("httpGet", Map.of("path", "/", "port", 80))))))));

        assertThat(unknownFields(deployment, Deployment.class)).containsExactly("readinesProbe");
    }

    /**
     * The fields the model has no property for. fabric8's classes keep unknown fields in additionalProperties
     * rather than failing, so the whole object graph is walked for them after a strict deserialisation.
     */
    static List<String> unknownFields(Map<String, Object> resource, Class<? extends KubernetesResource> model) {
        Object object;
        try {
            object = STRICT.convertValue(resource, model);
        } catch (IllegalArgumentException e) {
            return List.of("not deserialisable: " + e.getMessage());
        }
        List<String> unknown = new ArrayList<>();
        collectAdditional(object, unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    private static void collectAdditional(Object object, List<String> unknown, Set<Object> seen) {
        if (object == null || !seen.add(object)) {
            return;
        }
        if (object instanceof Iterable<?> items) {
            items.forEach(item -> collectAdditional(item, unknown, seen));
            return;
        }
        if (object instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectAdditional(value, unknown, seen));
            return;
        }
        if (!object.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method method : object.getClass().getMethods()) {
            if (method.getParameterCount() != 0
                    || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get")
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(object);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> unknown.add(String.valueOf(key)));
            } else {
                collectAdditional(value, unknown, seen);
            }
        }
    }
}

package vn.egov.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.deploy.Manifests.at;
import static vn.egov.deploy.Manifests.list;
import static vn.egov.deploy.Manifests.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each application's Kubernetes resources agree with the application itself: the environment it reads (its
 * application.yml), its ports and actuator probes, the secrets the production guard checks, its database, the
 * topics its code publishes to and consumes, the services it calls, and the image the build makes of it.
 */
class ServicesCrossCheckTest {

    /** Blank defaults that are optional by design: the service works without them. */
    private static final Map<String, String> OPTIONAL = Map.of(
            "EGOV_REDIS_URL", "the gateway's quotas are per instance without Redis (docs/operations.md, Scaling)",
            "PAYMENT_AUTOMATIC_REFUNDS_EXCLUDED", "no procedure excluded from automatic refunds",
            "DOSSIER_DOCUMENT_DIRECTORY", "only for DOSSIER_DOCUMENT_STORAGE=filesystem");

    /** The pods' labels as the operators set them (the NetworkPolicies select them). */
    private static final Map<String, String> KEYCLOAK_POD =
            Map.of("app", "keycloak", "app.kubernetes.io/instance", "egov-keycloak");

    private static final Map<String, String> KAFKA_BROKER =
            Map.of("strimzi.io/cluster", "egov-kafka", "strimzi.io/broker-role", "true");
    private static final String KEYCLOAK_SERVICE = "egov-keycloak-service";

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/([a-z0-9_]+)");
    private static final Pattern IN_CLUSTER_URL = Pattern.compile("https?://([a-z0-9-]+):(\\d+)(/.*)?");

    static Stream<Arguments> cases() {
        return Manifests.OVERLAYS.stream()
                .flatMap(overlay -> Manifests.APPLICATIONS.stream().map(app -> Arguments.of(overlay, app)));
    }

    private static final java.util.Set<String> OBSERVABILITY =
            java.util.Set.of("EGOV_LOG_FORMAT", "EGOV_OTLP_ENDPOINT");

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void everyVariableTheServiceNeedsIsSetAndEveryVariableSetIsRead(String overlay, String app) {
        ServiceSources service = ServiceSources.of(app);
        Map<String, Object> env = env(Manifests.render(overlay), app);

        List<String> missing = new ArrayList<>();
        service.placeholders().forEach((name, fallback) -> {
            boolean needed = fallback == null
                    || (fallback.isBlank() && !OPTIONAL.containsKey(name))
                    || fallback.contains("127.0.0.1")
                    || fallback.contains("localhost");
            if (needed && !env.containsKey(name)) {
                missing.add(name + (fallback == null ? " (no default)" : " (default '" + fallback + "')"));
            }
        });
        assertThat(missing)
                .as("%s reads these without a usable default in a cluster", app)
                .isEmpty();

        // a misspelt variable would be silently ignored by the service
        assertThat(env.keySet())
                .as("variables %s sets that it never reads", app)
                .allSatisfy(name -> assertThat(service.placeholders().containsKey(name)
                                || name.startsWith("SPRING_")
                                || name.startsWith("MANAGEMENT_")
                                || name.equals("JAVA_TOOL_OPTIONS")
                                // read in Java, not YAML: egov-commons' ObservabilityDefaults and the gateway's
                                // GatewayObservabilityDefaults (decision 32)
                                || OBSERVABILITY.contains(name))
                        .as(name)
                        .isTrue());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void secretsAreReferencedNeverWritten(String overlay, String app) throws IOException {
        ServiceSources service = ServiceSources.of(app);
        List<Map<String, Object>> all = Manifests.render(overlay);
        Map<String, Object> env = env(all, app);

        for (String property : service.checkedSecrets()) {
            String variable = service.environmentVariableOf(property);
            assertThat(at(env.get(variable), "valueFrom", "secretKeyRef"))
                    .as("%s (%s, checked by the production guard) comes from a Secret", variable, property)
                    .isNotNull();
            assertThat(at(env.get(variable), "value")).as(variable).isNull();
        }
        String operations = Files.readString(Manifests.root().resolve("docs/operations.md"));
        for (Object entry : env.values()) {
            Map<String, Object> ref = map(entry, "valueFrom", "secretKeyRef");
            if (ref.isEmpty()) {
                continue;
            }
            String name = String.valueOf(ref.get("name"));
            String key = String.valueOf(ref.get("key"));
            if (operatorWritten(all, name)) {
                continue;
            }
            if (overlay.equals("local")) {
                assertThat(at(Manifests.get(all, "Secret", name), "stringData", key))
                        .as("the local Secret %s has %s", name, key)
                        .isNotNull();
            } else {
                assertThat(operations)
                        .as("docs/operations.md says how to create the Secret %s with %s", name, key)
                        .contains("`" + name + "`")
                        .contains("`" + key + "`");
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void portsProbesAndHardeningMatchTheService(String overlay, String app) {
        ServiceSources service = ServiceSources.of(app);
        List<Map<String, Object>> all = Manifests.render(overlay);
        Map<String, Object> deployment = Manifests.get(all, "Deployment", app);
        Map<String, Object> pod = map(deployment, "spec", "template", "spec");
        Map<String, Object> container = container(deployment, app);
        Map<String, Object> env = env(all, app);

        int port = service.serverPort();
        assertThat(containerPort(container, "http"))
                .as("container port http = SERVER_PORT's default")
                .isEqualTo(port);
        if (env.containsKey("SERVER_PORT")) {
            assertThat(at(env.get("SERVER_PORT"), "value")).isEqualTo(String.valueOf(port));
        }
        Map<String, Object> svc = Manifests.get(all, "Service", app);
        assertThat(list(svc, "spec", "ports"))
                .anySatisfy(p -> assertThat(map(p)).containsEntry("port", port).containsEntry("targetPort", "http"));
        assertThat(map(svc, "spec", "selector")).isEqualTo(map(deployment, "spec", "template", "metadata", "labels"));
        assertThat(map(deployment, "spec", "selector", "matchLabels"))
                .isEqualTo(map(deployment, "spec", "template", "metadata", "labels"));

        // actuator health groups: enabled, exposed, on the management port where the service has one
        assertThat(at(service.config(), "management", "endpoint", "health", "probes", "enabled"))
                .as("%s enables the liveness and readiness groups", app)
                .isEqualTo(true);
        assertThat(String.valueOf(at(service.config(), "management", "endpoints", "web", "exposure", "include")))
                .contains("health");
        Object basePath = at(service.config(), "management", "endpoints", "web", "base-path");
        String actuator = basePath == null ? "/actuator" : basePath.toString();
        String probePort = "http";
        if (Boolean.TRUE.equals(at(service.config(), "egov", "security", "separate-management-port"))) {
            probePort = "management";
            int management = Integer.parseInt(String.valueOf(at(env.get("MANAGEMENT_SERVER_PORT"), "value")));
            assertThat(management)
                    .as("the management port is apart from the public one")
                    .isNotEqualTo(port);
            assertThat(containerPort(container, "management")).isEqualTo(management);
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(at(container, probe, "httpGet", "port"))
                    .as("%s port", probe)
                    .isEqualTo(probePort);
        }
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo(actuator + "/health/liveness");
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo(actuator + "/health/readiness");
        assertThat(at(container, "startupProbe", "httpGet", "path"))
                .isIn(actuator + "/health/liveness", actuator + "/health/readiness");

        // hardening
        assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(at(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
        assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(list(container, "securityContext", "capabilities", "drop")).containsExactly("ALL");
        Object tmpVolume = list(container, "volumeMounts").stream()
                .filter(v -> "/tmp".equals(at(v, "mountPath")))
                .map(v -> at(v, "name"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(app + " has no writable /tmp"));
        assertThat(list(pod, "volumes"))
                .anySatisfy(
                        v -> assertThat(map(v)).containsEntry("name", tmpVolume).containsKey("emptyDir"));
        for (String kind : List.of("requests", "limits")) {
            assertThat(map(container, "resources", kind))
                    .as("resources.%s", kind)
                    .containsKeys("cpu", "memory");
        }

        // scaling: stateless, so an autoscaler and a disruption budget that keeps one serving
        Map<String, Object> hpa = Manifests.get(all, "HorizontalPodAutoscaler", app);
        assertThat(map(hpa, "spec", "scaleTargetRef"))
                .containsEntry("kind", "Deployment")
                .containsEntry("name", app);
        assertThat(at(deployment, "spec", "replicas"))
                .as("the autoscaler owns the replica count")
                .isNull();
        Map<String, Object> pdb = Manifests.get(all, "PodDisruptionBudget", app);
        assertThat(map(pdb, "spec", "selector", "matchLabels"))
                .isEqualTo(map(deployment, "spec", "template", "metadata", "labels"));
        if (overlay.equals("production")) {
            assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void theDatabaseIsTheServicesOwnCluster(String overlay, String app) {
        List<Map<String, Object>> all = Manifests.render(overlay);
        Map<String, Object> env = env(all, app);
        if (!env.containsKey("DB_URL")) {
            assertThat(ServiceSources.of(app).placeholders()).doesNotContainKey("DB_URL");
            return;
        }
        Matcher url = JDBC_URL.matcher(String.valueOf(at(env.get("DB_URL"), "value")));
        assertThat(url.matches())
                .as("DB_URL of %s names a CloudNativePG -rw Service", app)
                .isTrue();
        String cluster = url.group(1);
        Map<String, Object> pg = Manifests.get(all, "Cluster", cluster);
        assertThat(at(pg, "spec", "bootstrap", "initdb", "database")).isEqualTo(url.group(2));
        assertThat(at(env.get("DB_USERNAME"), "valueFrom", "secretKeyRef", "name"))
                .isEqualTo(cluster + "-app");
        assertThat(at(env.get("DB_PASSWORD"), "valueFrom", "secretKeyRef", "name"))
                .isEqualTo(cluster + "-app");
        assertThat(egressAllows(policy(all, app), Map.of("cnpg.io/cluster", cluster), 5432))
                .as("%s may reach its database", app)
                .isTrue();
        // no other service may reach it
        for (String other : Manifests.APPLICATIONS) {
            if (!other.equals(app)) {
                assertThat(egressAllows(policy(all, other), Map.of("cnpg.io/cluster", cluster), 5432))
                        .as("%s may not reach %s", other, cluster)
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void everyTopicTheServiceUsesIsDeclaredAndAllowed(String overlay, String app) {
        ServiceSources service = ServiceSources.of(app);
        List<Map<String, Object>> all = Manifests.render(overlay);
        Map<String, Object> env = env(all, app);
        if (service.produced().isEmpty() && service.consumed().isEmpty()) {
            assertThat(Manifests.find(all, "KafkaUser", app))
                    .as("no Kafka user for %s", app)
                    .isEmpty();
            return;
        }
        Map<String, Object> kafka = Manifests.ofKind(all, "Kafka").get(0);
        Object tlsPort = list(kafka, "spec", "kafka", "listeners").stream()
                .filter(l -> Boolean.TRUE.equals(at(l, "tls")))
                .map(l -> at(l, "port"))
                .findFirst()
                .orElseThrow();
        assertThat(at(env.get("KAFKA_BOOTSTRAP_SERVERS"), "value"))
                .isEqualTo(Manifests.name(kafka) + "-kafka-bootstrap:" + tlsPort);
        assertThat(at(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"), "valueFrom", "secretKeyRef", "name"))
                .as("%s signs in as its own Kafka user", app)
                .isEqualTo(app);
        Map<String, Object> user = Manifests.get(all, "KafkaUser", app);
        for (String topic : service.produced()) {
            assertTopic(all, topic);
            assertThat(allowed(user, "topic", topic))
                    .as("%s may write %s", app, topic)
                    .contains("Write");
        }
        service.consumed().forEach((topic, group) -> {
            assertTopic(all, topic);
            assertThat(allowed(user, "topic", topic))
                    .as("%s may read %s", app, topic)
                    .contains("Read");
            assertThat(allowed(user, "group", group))
                    .as("%s may consume in group %s", app, group)
                    .contains("Read");
            String deadLetters = topic + "." + group + ".dlq";
            assertTopic(all, deadLetters);
            assertThat(allowed(user, "topic", deadLetters))
                    .as("%s may write %s", app, deadLetters)
                    .contains("Write");
        });
        assertThat(egressAllows(policy(all, app), KAFKA_BROKER, ((Number) tlsPort).intValue()))
                .as("%s may reach the brokers", app)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void theServicesItCallsAreReachableAndNothingElseFromTheEdge(String overlay, String app) {
        List<Map<String, Object>> all = Manifests.render(overlay);
        Map<String, Object> policy = policy(all, app);
        for (Object entry : env(all, app).values()) {
            Matcher url = IN_CLUSTER_URL.matcher(String.valueOf(at(entry, "value")));
            if (!url.matches()) {
                continue;
            }
            String host = url.group(1);
            int port = Integer.parseInt(url.group(2));
            if (host.equals(KEYCLOAK_SERVICE)) {
                assertThat(egressAllows(policy, KEYCLOAK_POD, port))
                        .as("%s → Keycloak", app)
                        .isTrue();
                continue;
            }
            Map<String, Object> target = Manifests.get(all, "Service", host);
            assertThat(list(target, "spec", "ports"))
                    .anySatisfy(p -> assertThat(map(p)).containsEntry("port", port));
            Map<String, String> targetPod = Map.of("app.kubernetes.io/name", host);
            assertThat(egressAllows(policy, targetPod, port))
                    .as("%s may call %s:%s", app, host, port)
                    .isTrue();
            assertThat(ingressAllows(policy(all, host), Map.of("app.kubernetes.io/name", app), port))
                    .as("%s accepts %s on %s", host, app, port)
                    .isTrue();
        }
        // no rule that lets everything through: each names its peers and its ports
        for (String direction : List.of("ingress", "egress")) {
            for (Object rule : list(policy, "spec", direction)) {
                assertThat(list(rule, direction.equals("ingress") ? "from" : "to"))
                        .as("%s %s rule names its peers", app, direction)
                        .isNotEmpty();
                assertThat(list(rule, "ports"))
                        .as("%s %s rule names its ports", app, direction)
                        .isNotEmpty();
            }
        }
        assertThat(list(policy, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        boolean fromIngressController = list(policy, "spec", "ingress").stream()
                .flatMap(rule -> list(rule, "from").stream())
                .anyMatch(peer -> "ingress-nginx"
                        .equals(at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")));
        assertThat(fromIngressController)
                .as("only the gateway is reachable from the ingress controller (%s)", app)
                .isEqualTo(app.equals("gateway-service"));
        for (Map<String, Object> ingress : Manifests.ofKind(all, "Ingress")) {
            for (Object rule : list(ingress, "spec", "rules")) {
                assertThat(list(rule, "http", "paths"))
                        .allSatisfy(p ->
                                assertThat(at(p, "backend", "service", "name")).isEqualTo("gateway-service"));
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void theImageIsTheOneTheBuildMakesOfTheModule(String overlay, String app) throws IOException {
        Map<String, Object> container = container(Manifests.get(Manifests.render(overlay), "Deployment", app), app);
        String image = String.valueOf(container.get("image"));
        Matcher m = Pattern.compile("egov/([a-z0-9-]+):([A-Za-z0-9._-]+)").matcher(image);
        assertThat(m.matches()).as("egov/<module>:<tag>, got %s", image).isTrue();
        assertThat(m.group(1)).isEqualTo(app);
        assertThat(m.group(2)).isNotEqualTo("latest");
        String rootPom = Files.readString(Manifests.root().resolve("pom.xml"));
        assertThat(rootPom).as("a module of the build").contains("<module>" + app + "</module>");
        Path pom = Manifests.root().resolve(app).resolve("pom.xml");
        // until Jib builds the images (issue 18, item 5): the module at least makes the boot jar an image packages
        assertThat(Files.readString(pom))
                .as("%s packages a Spring Boot jar", app)
                .contains("<artifactId>spring-boot-maven-plugin</artifactId>");
    }

    // ---------------------------------------------------------------- helpers

    private static void assertTopic(List<Map<String, Object>> all, String topic) {
        assertThat(Manifests.ofKind(all, "KafkaTopic"))
                .as("a KafkaTopic for %s", topic)
                .anySatisfy(t -> assertThat(at(t, "spec", "topicName")).isEqualTo(topic));
    }

    private static List<String> allowed(Map<String, Object> user, String type, String name) {
        List<String> operations = new ArrayList<>();
        for (Object acl : list(user, "spec", "authorization", "acls")) {
            if (type.equals(at(acl, "resource", "type"))
                    && name.equals(at(acl, "resource", "name"))
                    && "literal".equals(at(acl, "resource", "patternType"))) {
                list(acl, "operations").forEach(op -> operations.add(String.valueOf(op)));
            }
        }
        return operations;
    }

    private static boolean operatorWritten(List<Map<String, Object>> all, String secret) {
        return (secret.endsWith("-app")
                        && Manifests.find(all, "Cluster", secret.substring(0, secret.length() - 4))
                                .isPresent())
                || Manifests.find(all, "KafkaUser", secret).isPresent();
    }

    static Map<String, Object> container(Map<String, Object> deployment, String name) {
        return list(deployment, "spec", "template", "spec", "containers").stream()
                .map(c -> map(c))
                .filter(c -> name.equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    /** The container's environment by variable name (each entry as written: value or valueFrom). */
    static Map<String, Object> env(List<Map<String, Object>> all, String app) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (Object entry : list(container(Manifests.get(all, "Deployment", app), app), "env")) {
            String name = String.valueOf(at(entry, "name"));
            assertThat(env.put(name, entry)).as("%s sets %s twice", app, name).isNull();
        }
        return env;
    }

    private static int containerPort(Map<String, Object> container, String name) {
        return list(container, "ports").stream()
                .filter(p -> name.equals(at(p, "name")))
                .map(p -> (Integer) at(p, "containerPort"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port " + name));
    }

    private static Map<String, Object> policy(List<Map<String, Object>> all, String app) {
        return Manifests.ofKind(all, "NetworkPolicy").stream()
                .filter(p -> app.equals(at(p, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no NetworkPolicy selects " + app));
    }

    static boolean egressAllows(Map<String, Object> policy, Map<String, String> podLabels, int port) {
        return list(policy, "spec", "policyTypes").contains("Egress")
                && allows(list(policy, "spec", "egress"), "to", podLabels, port);
    }

    static boolean ingressAllows(Map<String, Object> policy, Map<String, String> podLabels, int port) {
        return list(policy, "spec", "policyTypes").contains("Ingress")
                && allows(list(policy, "spec", "ingress"), "from", podLabels, port);
    }

    /** Whether a rule lets a pod of this namespace with these labels through on this port. */
    private static boolean allows(List<Object> rules, String peers, Map<String, String> podLabels, int port) {
        for (Object rule : rules) {
            boolean portOk = list(rule, "ports").isEmpty()
                    || list(rule, "ports").stream().anyMatch(p -> Objects.equals(at(p, "port"), port));
            boolean peerOk = list(rule, peers).isEmpty()
                    || list(rule, peers).stream()
                            .anyMatch(peer -> at(peer, "namespaceSelector") == null
                                    && at(peer, "ipBlock") == null
                                    && podLabels
                                            .entrySet()
                                            .containsAll(map(peer, "podSelector", "matchLabels")
                                                    .entrySet()));
            if (portOk && peerOk) {
                return true;
            }
        }
        return false;
    }
}

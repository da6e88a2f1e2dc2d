package vn.egov.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.deploy.Manifests.at;
import static vn.egov.deploy.Manifests.list;
import static vn.egov.deploy.Manifests.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operators' resources (Strimzi, CloudNativePG, Keycloak Operator) carry the fields their operators require,
 * at the API versions of the operator versions docs/operations.md names, and refer to each other consistently.
 * No CRD schema is vendored here: the required fields are the ones the operators' documentation marks required
 * plus the ones this platform depends on (listed with each check).
 */
class OperatorResourcesTest {

    static final Map<String, String> API_VERSIONS = Map.of(
            "Kafka", "kafka.strimzi.io/v1",
            "KafkaNodePool", "kafka.strimzi.io/v1",
            "KafkaTopic", "kafka.strimzi.io/v1",
            "KafkaUser", "kafka.strimzi.io/v1",
            "Cluster", "postgresql.cnpg.io/v1",
            "ScheduledBackup", "postgresql.cnpg.io/v1",
            "Keycloak", "k8s.keycloak.org/v2alpha1",
            "KeycloakRealmImport", "k8s.keycloak.org/v2alpha1");

    private static final Set<String> ACL_OPERATIONS = Set.of(
            "Read",
            "Write",
            "Create",
            "Delete",
            "Alter",
            "Describe",
            "ClusterAction",
            "AlterConfigs",
            "DescribeConfigs",
            "IdempotentWrite",
            "All");
    private static final Pattern REALM_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    static boolean isOperatorResource(Map<String, Object> resource) {
        String apiVersion = String.valueOf(resource.get("apiVersion"));
        return apiVersion.startsWith("kafka.strimzi.io/")
                || apiVersion.startsWith("postgresql.cnpg.io/")
                || apiVersion.startsWith("k8s.keycloak.org/");
    }

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void operatorResourcesUseTheKnownKindsAndVersions(String overlay) {
        for (Map<String, Object> r : Manifests.render(overlay)) {
            if (isOperatorResource(r)) {
                assertThat(r.get("apiVersion"))
                        .as("%s %s", r.get("kind"), Manifests.name(r))
                        .isEqualTo(API_VERSIONS.get(String.valueOf(r.get("kind"))));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaResources(String overlay) {
        List<Map<String, Object>> all = Manifests.render(overlay);
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> kafkas = Manifests.ofKind(all, "Kafka");
        assertThat(kafkas).hasSize(1);
        Map<String, Object> kafka = kafkas.get(0);
        String cluster = Manifests.name(kafka);
        require(problems, kafka, "kafka version", "spec", "kafka", "version");
        require(problems, kafka, "listeners", "spec", "kafka", "listeners");
        for (Object listener : list(kafka, "spec", "kafka", "listeners")) {
            for (String field : List.of("name", "port", "type", "tls")) {
                require(problems, listener, "listener " + field, field);
            }
        }
        // the services authenticate (SCRAM or mutual TLS) and the KafkaUsers' ACLs only mean something with
        // authorization
        assertThat(list(kafka, "spec", "kafka", "listeners"))
                .as("listeners of %s", cluster)
                .allSatisfy(l -> assertThat(at(l, "authentication", "type")).isIn("scram-sha-512", "tls"));
        assertThat(at(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
        assertThat(at(kafka, "spec", "entityOperator", "topicOperator"))
                .as("topic operator")
                .isNotNull();
        assertThat(at(kafka, "spec", "entityOperator", "userOperator"))
                .as("user operator")
                .isNotNull();
        assertThat(at(kafka, "spec", "kafka", "replicas"))
                .as("KRaft node pools own the replicas")
                .isNull();
        assertThat(at(kafka, "spec", "zookeeper")).as("no ZooKeeper: KRaft").isNull();

        Set<String> roles = new java.util.HashSet<>();
        for (Map<String, Object> pool : Manifests.ofKind(all, "KafkaNodePool")) {
            assertThat(at(pool, "metadata", "labels", "strimzi.io/cluster")).isEqualTo(cluster);
            require(problems, pool, "replicas", "spec", "replicas");
            require(problems, pool, "storage type", "spec", "storage", "type");
            list(pool, "spec", "roles").forEach(role -> roles.add(String.valueOf(role)));
        }
        assertThat(roles).as("node pool roles").containsExactlyInAnyOrder("controller", "broker");

        for (Map<String, Object> topic : Manifests.ofKind(all, "KafkaTopic")) {
            assertThat(at(topic, "metadata", "labels", "strimzi.io/cluster")).isEqualTo(cluster);
            assertThat(at(topic, "spec", "partitions"))
                    .as("partitions of %s", Manifests.name(topic))
                    .isInstanceOf(Integer.class);
            assertThat((Integer) at(topic, "spec", "partitions")).isPositive();
            assertThat((Integer) at(topic, "spec", "replicas")).isPositive();
            assertThat(at(topic, "spec", "config", "retention.ms"))
                    .as("retention of %s", Manifests.name(topic))
                    .isNotNull();
            require(problems, topic, "topicName", "spec", "topicName");
        }
        for (Map<String, Object> user : Manifests.ofKind(all, "KafkaUser")) {
            assertThat(at(user, "metadata", "labels", "strimzi.io/cluster")).isEqualTo(cluster);
            assertThat(at(user, "spec", "authentication", "type")).isIn("scram-sha-512", "tls");
            assertThat(at(user, "spec", "authorization", "type")).isEqualTo("simple");
            for (Object acl : list(user, "spec", "authorization", "acls")) {
                require(problems, acl, "acl resource type", "resource", "type");
                require(problems, acl, "acl resource name", "resource", "name");
                assertThat(list(acl, "operations"))
                        .as("operations of an ACL of %s", Manifests.name(user))
                        .isNotEmpty();
                assertThat(list(acl, "operations"))
                        .allSatisfy(op -> assertThat(ACL_OPERATIONS).contains(String.valueOf(op)));
                assertThat(at(acl, "operation"))
                        .as("the singular 'operation' is gone in kafka.strimzi.io/v1")
                        .isNull();
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void cloudNativePgResources(String overlay) {
        List<Map<String, Object>> all = Manifests.render(overlay);
        List<String> problems = new ArrayList<>();
        Set<String> clusters = new java.util.HashSet<>();
        for (Map<String, Object> cluster : Manifests.ofKind(all, "Cluster")) {
            clusters.add(Manifests.name(cluster));
            assertThat((Integer) at(cluster, "spec", "instances"))
                    .as("instances of %s", Manifests.name(cluster))
                    .isPositive();
            require(problems, cluster, "storage size", "spec", "storage", "size");
            require(problems, cluster, "initdb database", "spec", "bootstrap", "initdb", "database");
            require(problems, cluster, "initdb owner", "spec", "bootstrap", "initdb", "owner");
            if (overlay.equals("production")) {
                assertThat((Integer) at(cluster, "spec", "instances"))
                        .as("standbys in production")
                        .isGreaterThanOrEqualTo(2);
                require(
                        problems,
                        cluster,
                        "backup destination",
                        "spec",
                        "backup",
                        "barmanObjectStore",
                        "destinationPath");
                require(
                        problems,
                        cluster,
                        "backup credentials",
                        "spec",
                        "backup",
                        "barmanObjectStore",
                        "s3Credentials");
                require(problems, cluster, "backup retention", "spec", "backup", "retentionPolicy");
            }
        }
        for (Map<String, Object> backup : Manifests.ofKind(all, "ScheduledBackup")) {
            String schedule = String.valueOf(at(backup, "spec", "schedule"));
            assertThat(schedule.trim().split("\\s+"))
                    .as("CloudNativePG schedules have six fields, seconds first: %s", schedule)
                    .hasSize(6);
            assertThat(clusters).contains(String.valueOf(at(backup, "spec", "cluster", "name")));
        }
        if (overlay.equals("production")) {
            Set<Object> backedUp = new java.util.HashSet<>();
            Manifests.ofKind(all, "ScheduledBackup").forEach(b -> backedUp.add(at(b, "spec", "cluster", "name")));
            assertThat(backedUp).as("every Cluster has a ScheduledBackup").containsAll(clusters);
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void keycloakResources(String overlay) {
        List<Map<String, Object>> all = Manifests.render(overlay);
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> keycloaks = Manifests.ofKind(all, "Keycloak");
        assertThat(keycloaks).hasSize(1);
        Map<String, Object> keycloak = keycloaks.get(0);
        for (String field : List.of("vendor", "host", "usernameSecret", "passwordSecret")) {
            require(problems, keycloak, "db " + field, "spec", "db", field);
        }
        require(problems, keycloak, "hostname", "spec", "hostname", "hostname");
        assertThat(Boolean.TRUE.equals(at(keycloak, "spec", "http", "httpEnabled"))
                        || at(keycloak, "spec", "http", "tlsSecret") != null)
                .as("Keycloak needs http enabled or a TLS secret")
                .isTrue();
        // the database is a CloudNativePG Cluster of this deployment, its credentials the ones CloudNativePG wrote
        String host = String.valueOf(at(keycloak, "spec", "db", "host"));
        assertThat(host).endsWith("-rw");
        String cluster = host.substring(0, host.length() - "-rw".length());
        assertThat(Manifests.find(all, "Cluster", cluster))
                .as("the Cluster %s", cluster)
                .isPresent();
        assertThat(at(keycloak, "spec", "db", "passwordSecret", "name")).isEqualTo(cluster + "-app");

        for (Map<String, Object> realmImport : Manifests.ofKind(all, "KeycloakRealmImport")) {
            assertThat(at(realmImport, "spec", "keycloakCRName")).isEqualTo(Manifests.name(keycloak));
            require(problems, realmImport, "realm name", "spec", "realm", "realm");
            Set<String> used = new java.util.TreeSet<>();
            collectPlaceholders(at(realmImport, "spec", "realm"), used);
            assertThat(map(realmImport, "spec", "placeholders").keySet())
                    .as("every ${NAME} of the realm is filled in from a Secret")
                    .containsAll(used);
            for (Object placeholder : map(realmImport, "spec", "placeholders").values()) {
                require(problems, placeholder, "placeholder secret name", "secret", "name");
                require(problems, placeholder, "placeholder secret key", "secret", "key");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsReported() {
        List<String> problems = new ArrayList<>();
        require(problems, Map.of("spec", Map.of()), "topicName", "spec", "topicName");
        assertThat(problems).containsExactly("topicName missing");
    }

    private static void collectPlaceholders(Object node, Set<String> found) {
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectPlaceholders(v, found));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectPlaceholders(v, found));
        } else if (node instanceof String s) {
            Matcher matcher = REALM_PLACEHOLDER.matcher(s);
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
    }

    private static void require(List<String> problems, Object node, String what, Object... path) {
        Object value = at(node, path);
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(what + " missing"
                    + (node instanceof Map<?, ?> m && m.get("metadata") != null
                            ? " in " + m.get("kind") + " " + at(m, "metadata", "name")
                            : ""));
        }
    }
}

package vn.egov.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static vn.egov.deploy.Manifests.at;
import static vn.egov.deploy.Manifests.list;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import vn.egov.devstack.kafka.KafkaBroker;

/**
 * docker-compose.yml's Kafka does what the Kubernetes manifests' does (deploy/kubernetes/base/kafka): a real broker
 * (devstack's, the Kafka of the build) started with the kafka container's environment from docker-compose.yml, turned
 * into server properties as the apache/kafka image does and with only its ports and data directory adapted; then
 * kafka-init's own script (deploy/kafka/compose-init.sh) run with bash, the Kafka commands it calls carried out by
 * Kafka's own command classes; then real clients signing in as the services do, with the JAAS lines of their
 * containers. What the broker then holds is compared with users.yaml's KafkaUsers and topics.yaml's KafkaTopics, so
 * the two deployments cannot drift apart. No Docker needed: one broker for the whole class.
 */
class ComposeKafkaTest {

    private static final List<String> SERVICES =
            List.of("identity-service", "dossier-service", "payment-service", "notification-service");

    /** The apache/kafka image's kafka-propertiesSpec.json: variables never written into server.properties. */
    private static final Set<String> IMAGE_EXCLUDES = Set.of(
            "KAFKA_VERSION",
            "KAFKA_HEAP_OPT",
            "KAFKA_LOG4J_OPTS",
            "KAFKA_OPTS",
            "KAFKA_JMX_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS",
            "KAFKA_GC_LOG_OPTS",
            "KAFKA_LOG4J_ROOT_LOGLEVEL",
            "KAFKA_LOG4J_LOGGERS",
            "KAFKA_TOOLS_LOG4J_LOGLEVEL");

    /** The image's scripts in /opt/kafka/bin and the classes they run (kafka-run-class.sh). */
    private static final Map<String, String> COMMANDS = Map.of(
            "kafka-topics.sh", "org.apache.kafka.tools.TopicCommand",
            "kafka-configs.sh", "kafka.admin.ConfigCommand",
            "kafka-acls.sh", "org.apache.kafka.tools.AclCommand",
            "kafka-broker-api-versions.sh", "org.apache.kafka.tools.BrokerApiVersionsCommand");

    private static final Pattern COMPOSE_VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
    private static final Pattern SINGLE_UNDERSCORE = Pattern.compile("[^_]_[^_]");
    private static final Pattern ADDRESS = Pattern.compile("(?:([A-Z_]+)://)?([^:,@]*):(\\d+)");
    private static final String END = "--end-of-command--";

    @TempDir
    static Path work;

    private static Map<String, Object> compose;
    /** docker-compose.yml's port -> this test's. */
    private static final Map<Integer, Integer> PORTS = new HashMap<>();

    private static KafkaBroker broker;
    private static Admin superUser;
    private static List<List<String>> initCommands;

    @BeforeAll
    static void startTheComposeBrokerAndRunKafkaInit() throws Exception {
        compose = Manifests.map(load(Manifests.root().resolve("docker-compose.yml")), "services");
        Properties server = imageServerProperties(environment("kafka"));
        for (String name : List.of("listeners", "advertised.listeners", "controller.quorum.voters")) {
            server.setProperty(name, adapt(server.getProperty(name)));
        }
        broker = new KafkaBroker(work.resolve("kafka"), server, port(listener(server, "BROKER"))).start();
        superUser = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                20_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000));
        initCommands = runKafkaInit();
    }

    @AfterAll
    static void stop() {
        if (superUser != null) {
            superUser.close(Duration.ofSeconds(2));
        }
        if (broker != null) {
            broker.stop();
        }
    }

    // ------------------------------------------------------------------------------------------ tests

    @Test
    void kafkaInitCallsOnlyKafkasCommandsOnTheBrokersLoopbackListener() {
        assertThat(initCommands).as("commands of compose-init.sh").isNotEmpty();
        String bootstrap = adapt(environment("kafka-init").get("KAFKA_ADMIN_BOOTSTRAP"));
        assertThat(bootstrap).isEqualTo(broker.bootstrapServers());
        for (List<String> command : initCommands) {
            assertThat(command.get(command.indexOf("--bootstrap-server") + 1))
                    .as("%s", command)
                    .isEqualTo(bootstrap);
        }
    }

    /** The ACLs kafka-init makes are exactly those of users.yaml's KafkaUsers: no more, no fewer. */
    @Test
    void kafkaInitGivesEachServiceTheAclsOfItsKafkaUserAndNothingElse() throws Exception {
        Set<String> onTheBroker = superUser.describeAcls(AclBindingFilter.ANY).values().get().stream()
                .map(ComposeKafkaTest::describe)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inTheManifests = new TreeSet<>();
        for (Map<String, Object> user : Manifests.ofKind(Manifests.render("production"), "KafkaUser")) {
            assertThat(at(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
            for (Object acl : list(user, "spec", "authorization", "acls")) {
                for (Object operation : list(acl, "operations")) {
                    inTheManifests.add(describe(
                            "User:" + Manifests.name(user),
                            ResourceType.fromString(String.valueOf(at(acl, "resource", "type"))),
                            String.valueOf(at(acl, "resource", "name")),
                            PatternType.fromString(String.valueOf(at(acl, "resource", "patternType"))
                                    .toUpperCase(Locale.ROOT)),
                            AclOperation.fromString(String.valueOf(operation)),
                            String.valueOf(at(acl, "type") == null ? "allow" : at(acl, "type")),
                            String.valueOf(at(acl, "host") == null ? "*" : at(acl, "host"))));
                }
            }
        }
        assertThat(inTheManifests).as("ACLs of users.yaml's KafkaUsers").hasSizeGreaterThan(20);
        assertThat(onTheBroker)
                .as("ACLs docker-compose.yml's kafka-init made (left) vs users.yaml's KafkaUsers")
                .isEqualTo(inTheManifests);
    }

    @Test
    void kafkaInitMakesTheUsersAndTopicsOfTheManifests() throws Exception {
        List<Map<String, Object>> production = Manifests.render("production");
        Set<String> users = Manifests.ofKind(production, "KafkaUser").stream()
                .map(Manifests::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(users).containsExactlyInAnyOrderElementsOf(SERVICES);
        Map<String, List<ScramMechanism>> credentials = new TreeMap<>();
        superUser
                .describeUserScramCredentials()
                .all()
                .get()
                .forEach((user, description) -> credentials.put(
                        user,
                        description.credentialInfos().stream()
                                .map(info -> info.mechanism())
                                .toList()));
        assertThat(credentials.keySet()).as("SCRAM users on the broker").isEqualTo(users);
        assertThat(credentials.values()).allSatisfy(m -> assertThat(m).containsExactly(ScramMechanism.SCRAM_SHA_512));

        Map<String, Integer> declared = new TreeMap<>();
        for (Map<String, Object> topic : Manifests.ofKind(production, "KafkaTopic")) {
            declared.put(
                    String.valueOf(at(topic, "spec", "topicName")),
                    ((Number) at(topic, "spec", "partitions")).intValue());
        }
        Set<String> names = superUser.listTopics().names().get();
        Map<String, Integer> made = new TreeMap<>();
        for (TopicDescription d :
                superUser.describeTopics(names).allTopicNames().get().values()) {
            made.put(d.name(), d.partitions().size());
        }
        assertThat(made)
                .as("topics (partitions) kafka-init made vs topics.yaml")
                .isEqualTo(declared);
    }

    /**
     * Each service, signed in as its container is configured (the same listener, the three SPRING_KAFKA_PROPERTIES_*
     * variables), writes the topics its KafkaUser may write and reads those it may read in its consumer groups; every
     * other topic and group is refused.
     */
    @ParameterizedTest
    @ValueSource(strings = {"identity-service", "dossier-service", "payment-service", "notification-service"})
    void eachServiceWritesAndReadsWhatItsAclsAllowAndIsRefusedTheRest(String service) throws Exception {
        Map<String, Set<String>> allowed = allowedOnTheBroker(service);
        Set<String> topics = new TreeSet<>(superUser.listTopics().names().get());
        Set<String> writable = allowed.getOrDefault("TOPIC WRITE", Set.of());
        Set<String> readable = allowed.getOrDefault("TOPIC READ", Set.of());
        Set<String> groups = allowed.getOrDefault("GROUP READ", Set.of());
        assertThat(writable).as(service + " writes something").isNotEmpty();

        Map<String, Object> client = clientOf(service);
        try (KafkaProducer<String, String> producer = producer(client)) {
            for (String topic : writable) {
                producer.send(new ProducerRecord<>(topic, service, "written by " + service))
                        .get(20, TimeUnit.SECONDS);
            }
            for (String topic : topics) {
                if (!writable.contains(topic)) {
                    assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, service, "refused"))
                                    .get(20, TimeUnit.SECONDS))
                            .as("%s writing %s", service, topic)
                            .satisfies(e -> assertThat(cause(e)).isInstanceOf(TopicAuthorizationException.class));
                }
            }
        }

        if (!readable.isEmpty()) {
            String marker = "for " + service + " " + System.nanoTime();
            try (KafkaProducer<String, String> asSuperUser =
                    producer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                for (String topic : readable) {
                    asSuperUser
                            .send(new ProducerRecord<>(topic, marker, marker))
                            .get(20, TimeUnit.SECONDS);
                }
            }
            for (String group : groups) {
                assertThat(readAll(client, group, readable, marker))
                        .as("%s reads %s in group %s", service, readable, group)
                        .isEqualTo(readable);
            }
        }
        Set<String> unreadable = new TreeSet<>(topics);
        unreadable.removeAll(readable);
        assertThat(refusedReading(client, service, unreadable))
                .as("topics %s is refused reading", service)
                .isEqualTo(unreadable);
        // another service's group
        String foreign = SERVICES.get((SERVICES.indexOf(service) + 1) % SERVICES.size());
        try (KafkaConsumer<String, String> consumer = consumer(client, foreign)) {
            String topic = readable.isEmpty()
                    ? writable.iterator().next()
                    : readable.iterator().next();
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            assertThatThrownBy(() -> consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0))))
                    .as("%s committing in group %s", service, foreign)
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    /** Neither listener outside the container lets anyone in without a user, nor with a wrong password. */
    @Test
    void aClientWithoutAUserOrWithAWrongPasswordGetsNothing() throws Exception {
        Properties server = imageServerProperties(environment("kafka"));
        Map<String, Object> identity = clientOf("identity-service");
        for (String listener : List.of("SERVICES", "HOST")) {
            String bootstrap = "127.0.0.1:" + PORTS.get(port(listener(server, listener)));
            try (Admin anonymous = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    // the broker closes the connection of a client that skips the SASL handshake, so the client
                    // only ever times out; the signed-in client below shows the same address answers at once
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1_500,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000))) {
                assertThatThrownBy(() -> anonymous.listTopics().names().get(10, TimeUnit.SECONDS))
                        .as("a client without a user on %s", listener)
                        .isInstanceOf(ExecutionException.class);
            }
            Map<String, Object> wrong = new HashMap<>(identity);
            wrong.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            wrong.put(
                    "sasl.jaas.config",
                    String.valueOf(identity.get("sasl.jaas.config"))
                            .replaceFirst("password=\"[^\"]*\"", "password=\"wrong\""));
            wrong.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
            try (Admin withAWrongPassword = Admin.create(wrong)) {
                assertThatThrownBy(() -> withAWrongPassword.listTopics().names().get(15, TimeUnit.SECONDS))
                        .as("identity-service with a wrong password on %s", listener)
                        .satisfies(e -> assertThat(cause(e)).isInstanceOf(SaslAuthenticationException.class));
            }
            // and with the right one, on the same listener
            Map<String, Object> right = new HashMap<>(identity);
            right.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin signedIn = Admin.create(right)) {
                assertThat(signedIn.listTopics().names().get(15, TimeUnit.SECONDS))
                        .as("topics identity-service may see on %s", listener)
                        .containsExactly("egov.identity.events");
            }
        }
    }

    /** The kafka container's healthcheck, run as Docker would, answers without a user. */
    @Test
    void theHealthcheckPassesWithoutAUser() {
        List<String> test = list(compose, "kafka", "healthcheck", "test").stream()
                .map(String::valueOf)
                .toList();
        assertThat(test.get(0)).isEqualTo("CMD");
        List<String> command = new ArrayList<>(test.subList(1, test.size()));
        command.set(0, Path.of(command.get(0)).getFileName().toString());
        command.replaceAll(ComposeKafkaTest::adapt);
        run(command);
    }

    // ------------------------------------------------------------------------------------------ kafka-init

    /**
     * Runs kafka-init's entrypoint with bash and its environment from docker-compose.yml; the Kafka scripts it calls
     * are stand-ins that write down their arguments, carried out afterwards, in order, by the commands' own classes in
     * this JVM (a JVM per command would cost seconds each).
     */
    private static List<List<String>> runKafkaInit() throws IOException, InterruptedException {
        Map<String, Object> init = Manifests.map(compose, "kafka-init");
        List<String> entrypoint =
                list(init, "entrypoint").stream().map(String::valueOf).toList();
        assertThat(entrypoint.get(0)).isEqualTo("bash");
        Path script = null;
        for (Object volume : list(init, "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts[1].equals(entrypoint.get(1))) {
                script = Manifests.root().resolve(parts[0]).normalize();
            }
        }
        assertThat(script).as("kafka-init mounts " + entrypoint.get(1)).isNotNull();

        Path bin = Files.createDirectories(work.resolve("bin"));
        Path record = work.resolve("commands.txt");
        for (String name : COMMANDS.keySet()) {
            Path stand = bin.resolve(name);
            Files.writeString(
                    stand,
                    "#!/usr/bin/env bash\n{ basename \"$0\"; printf '%s\\n' \"$@\"; echo " + END
                            + "; } >> \"$RECORD\"\n");
            Files.setPosixFilePermissions(stand, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        environment("kafka-init").forEach((name, value) -> bash.environment().put(name, adapt(value)));
        bash.environment().put("KAFKA_BIN", bin.toString());
        bash.environment().put("RECORD", record.toString());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("compose-init.sh exit status; its output:\n" + output)
                .isZero();

        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(record)) {
            if (line.equals(END)) {
                commands.add(List.copyOf(current));
                current.clear();
            } else {
                current.add(line);
            }
        }
        commands.forEach(ComposeKafkaTest::run);
        return commands;
    }

    /** One of the image's Kafka scripts, by its class in this JVM; fails the test as the script would fail. */
    private static void run(List<String> command) {
        String main = COMMANDS.get(command.get(0));
        assertThat(main).as("a Kafka command the test knows: " + command.get(0)).isNotNull();
        String[] args = command.subList(1, command.size()).toArray(String[]::new);
        // a failure ends the command; success goes on as after System.exit(0) (TopicCommand exits 0 inside a try
        // whose catch would read an exception as a failure)
        Exit.setExitProcedure((status, message) -> {
            if (status != 0) {
                throw new CommandExit(status, message);
            }
        });
        try {
            Class.forName(main).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (!(e.getCause() instanceof CommandExit exit) || exit.status != 0) {
                fail(command + " failed", e.getCause());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            Exit.resetExitProcedure();
        }
    }

    private static final class CommandExit extends RuntimeException {
        private final int status;

        CommandExit(int status, String message) {
            super("exit " + status + (message == null ? "" : ": " + message));
            this.status = status;
        }
    }

    // ------------------------------------------------------------------------------------------ clients

    /** The Kafka client configuration of a service's container: its bootstrap servers and spring.kafka.properties. */
    private static Map<String, Object> clientOf(String service) {
        Map<String, String> env = environment(service);
        Map<String, Object> client = new HashMap<>();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, adapt(env.get("KAFKA_BOOTSTRAP_SERVERS")));
        String prefix = "SPRING_KAFKA_PROPERTIES_";
        env.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                // Spring Boot's binding of an environment variable to a map key: lower case, '_' -> '.'
                client.put(
                        name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        assertThat(client)
                .as(service + " Kafka client configuration")
                .containsKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config");
        client.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        client.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return client;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.remove(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> client, String group) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** The topics in which the consumer of {@code group} finds the marker; commits its offsets in that group. */
    private static Set<String> readAll(Map<String, Object> client, String group, Set<String> topics, String marker) {
        Set<String> found = new TreeSet<>();
        try (KafkaConsumer<String, String> consumer = consumer(client, group)) {
            consumer.assign(partitions(topics));
            consumer.seekToBeginning(consumer.assignment());
            Instant deadline = Instant.now().plusSeconds(20);
            while (found.size() < topics.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (marker.equals(r.value())) {
                        found.add(r.topic());
                    }
                }
            }
            // the group's own offsets: Read on the group
            consumer.commitSync();
        }
        return found;
    }

    /**
     * The topics whose records the consumer is refused. The refusal comes topic by topic (no Describe: at the
     * metadata; Describe but no Read: at the fetch), so each refused topic is set aside and the rest polled again.
     */
    private static Set<String> refusedReading(Map<String, Object> client, String group, Set<String> topics) {
        Set<String> refused = new TreeSet<>();
        Set<String> remaining = new TreeSet<>(topics);
        try (KafkaConsumer<String, String> consumer = consumer(client, group)) {
            Instant deadline = Instant.now().plusSeconds(30);
            while (!remaining.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.assign(partitions(remaining));
                consumer.seekToBeginning(consumer.assignment());
                try {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        fail(group + " read a record of " + r.topic());
                    }
                } catch (TopicAuthorizationException e) {
                    assertThat(e.unauthorizedTopics()).isNotEmpty();
                    refused.addAll(e.unauthorizedTopics());
                    remaining.removeAll(e.unauthorizedTopics());
                }
            }
        }
        return refused;
    }

    private static List<TopicPartition> partitions(Set<String> topics) {
        try {
            List<TopicPartition> result = new ArrayList<>();
            superUser
                    .describeTopics(topics)
                    .allTopicNames()
                    .get()
                    .values()
                    .forEach(d -> d.partitions().forEach(p -> result.add(new TopicPartition(d.name(), p.partition()))));
            return result;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "TOPIC WRITE" -> topics, "GROUP READ" -> groups, ... the broker allows the service's principal. */
    private static Map<String, Set<String>> allowedOnTheBroker(String service) throws Exception {
        Map<String, Set<String>> allowed = new TreeMap<>();
        for (AclBinding b :
                superUser.describeAcls(AclBindingFilter.ANY).values().get()) {
            if (b.entry().principal().equals("User:" + service)) {
                allowed.computeIfAbsent(
                                b.pattern().resourceType() + " " + b.entry().operation(), k -> new TreeSet<>())
                        .add(b.pattern().name());
            }
        }
        return allowed;
    }

    private static String describe(AclBinding b) {
        return describe(
                b.entry().principal(),
                b.pattern().resourceType(),
                b.pattern().name(),
                b.pattern().patternType(),
                b.entry().operation(),
                b.entry().permissionType().toString(),
                b.entry().host());
    }

    private static String describe(
            String principal,
            ResourceType type,
            String name,
            PatternType pattern,
            AclOperation operation,
            String permission,
            String host) {
        return String.join(
                " ",
                principal,
                permission.toUpperCase(Locale.ROOT),
                operation.toString(),
                type.toString(),
                pattern.toString(),
                name,
                "host=" + host);
    }

    private static Throwable cause(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof org.apache.kafka.common.KafkaException)
                && cause.getCause() != null
                && !(cause instanceof TopicAuthorizationException)
                && !(cause instanceof SaslAuthenticationException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    // ------------------------------------------------------------------------------------------ compose

    /**
     * server.properties as the apache/kafka image writes them from the container's environment (its
     * docker/resources/utility's render-properties with kafka-propertiesSpec.json): every KAFKA_* variable but the
     * excluded ones, the prefix dropped, a single '_' read as '.', '___' as '-', '__' as '_', lower case. Like the
     * image, a value holding '=' is dropped (it splits the environment's NAME=VALUE entries at every '=').
     */
    static Properties imageServerProperties(Map<String, String> environment) {
        Properties properties = new Properties();
        environment.forEach((name, value) -> {
            if (!name.startsWith("KAFKA_") || IMAGE_EXCLUDES.contains(name) || value == null || value.contains("=")) {
                return;
            }
            properties.setProperty(convertKey(name.substring("KAFKA_".length())), value);
        });
        return properties;
    }

    private static String convertKey(String key) {
        Matcher m = SINGLE_UNDERSCORE.matcher(key);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace('_', '.')));
        }
        m.appendTail(out);
        return out.toString().replace("___", "-").replace("__", "_").toLowerCase(Locale.ROOT);
    }

    /**
     * An address of the compose file on this machine: the compose network's names and an empty host (every
     * interface of the container) become 127.0.0.1, each of the file's ports a free one of its own.
     */
    private static String adapt(String value) {
        Matcher m = ADDRESS.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int port = PORTS.computeIfAbsent(Integer.valueOf(m.group(3)), p -> KafkaBroker.freePort());
            String listener = m.group(1) == null ? "" : m.group(1) + "://";
            m.appendReplacement(out, Matcher.quoteReplacement(listener + "127.0.0.1:" + port));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String listener(Properties server, String name) {
        for (String listener : server.getProperty("listeners").split(",")) {
            if (listener.startsWith(name + "://")) {
                return listener;
            }
        }
        return fail("no listener " + name + " in " + server.getProperty("listeners"));
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** A container's environment, compose variables replaced by their defaults ({@code ${X:-d}}, {@code $$}). */
    private static Map<String, String> environment(String service) {
        Map<String, String> result = new LinkedHashMap<>();
        Manifests.map(compose, service, "environment").forEach((name, value) -> {
            Matcher m = COMPOSE_VARIABLE.matcher(String.valueOf(value));
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = m.group().equals("$$")
                        ? "$"
                        : m.group(2) != null && m.group(2).endsWith("-") ? m.group(3) : "";
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            result.put(name, out.toString());
        });
        return result;
    }

    private static Object load(Path file) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(options).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

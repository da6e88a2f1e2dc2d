package vn.egov.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The root {@code docker-compose.yml} agrees with what the services actually read: each service's
 * {@code src/main/resources/application.yml} (its port, its {@code ${NAME:default}} placeholders, its
 * database), the PostgreSQL init script, the Kafka listeners, Keycloak's command line and the realm
 * export in the repository. Nothing here needs Docker: the files are parsed and compared.
 */
class DockerComposeTest {

    private static final List<String> DOMAIN_SERVICES =
            List.of("identity-service", "dossier-service", "payment-service", "notification-service");
    private static final String GATEWAY = "gateway-service";
    private static final List<String> SERVICES =
            Stream.concat(DOMAIN_SERVICES.stream(), Stream.of(GATEWAY)).toList();
    private static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka", "keycloak", "smtp", "redis");

    /** Stand-ins for outside parties, from devstack: one image, the simulator chosen by its main class. */
    private static final Map<String, String> SIMULATORS = Map.of(
            "registry-simulator", "vn.egov.devstack.simulators.registry.PopulationRegistrySimulator",
            "payment-gateway-simulator", "vn.egov.devstack.simulators.payment.PaymentGatewaySimulator",
            "sms-gateway-simulator", "vn.egov.devstack.simulators.sms.SmsGatewaySimulator");

    /** Without these a domain service cannot reach its database, Kafka or the token keys. */
    private static final Set<String> DOMAIN_REQUIRED = Set.of(
            "DB_URL", "DB_USERNAME", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "OIDC_ISSUER_URI", "OIDC_JWK_SET_URI");
    /** Without these the gateway cannot validate tokens or reach its upstreams. */
    private static final Set<String> GATEWAY_REQUIRED = Set.of(
            "OIDC_ISSUER_URI",
            "OIDC_JWK_SET_URI",
            "IDENTITY_SERVICE_URL",
            "DOSSIER_SERVICE_URL",
            "PAYMENT_SERVICE_URL",
            "NOTIFICATION_SERVICE_URL",
            "KEYCLOAK_URL");

    /**
     * Placeholders whose loopback default is meant for the browser or only compared, never connected to
     * from inside the container, so the compose file need not override them.
     */
    private static final Set<String> LOOPBACK_ON_PURPOSE = Set.of(
            "OIDC_ISSUER_URI",
            "GATEWAY_CORS_ALLOWED_ORIGINS",
            // payment-service only hands these to the citizen's browser (the gateway's pay page, our return page)
            "VNPAY_PAY_URL",
            "VNPAY_RETURN_URL",
            // notification-service only writes it into links in messages
            "PORTAL_URL",
            // dossier-service only prints it on the official forms (the lookup page's address in Mẫu 01's QR code)
            "EGOV_PUBLIC_URL");

    /** Kafka is reached on its own internal listener, not on the published one (see the Kafka tests). */
    private static final Set<String> OWN_LISTENER = Set.of("KAFKA_BOOTSTRAP_SERVERS");

    /**
     * Spring Boot's own: {@code spring.kafka.properties.*} go to every Kafka client the service makes (egov-commons'
     * producer and admin client build theirs from the same KafkaProperties), so no application.yml names them.
     * Listed one by one: a misspelt one would be ignored by the service.
     */
    private static final Set<String> KAFKA_CLIENT_SECURITY = Set.of(
            "SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL",
            "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
            "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");

    /** The one-shot container making Kafka's topics, users and ACLs (deploy/kafka/compose-init.sh). */
    private static final String KAFKA_INIT = "kafka-init";

    private static final Pattern JAAS_SCRAM =
            Pattern.compile("org\\.apache\\.kafka\\.common\\.security\\.scram\\.ScramLoginModule required"
                    + " username=\"([^\"]+)\" password=\"([^\"]+)\";");

    /**
     * Variables the compose file sets ahead of the service's configuration: notification-service does
     * not send mail yet (no {@code spring.mail} in its application.yml). The exception lapses by itself
     * as soon as a {@code spring.mail} section exists: from then on these must be its placeholders.
     */
    private static final Map<String, Set<String>> AWAITING_CONFIGURATION =
            Map.of("notification-service", Set.of("SMTP_HOST", "SMTP_PORT"));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::([^}]*))?}");
    private static final Pattern COMPOSE_VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
    private static final Pattern JDBC_POSTGRES = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?;]+).*");
    private static final Pattern INIT_SCRIPT_DATABASES = Pattern.compile("for\\s+db\\s+in\\s+([^;\\n]+)");
    private static final Pattern LOOPBACK_URL = Pattern.compile("(.*?//)(?:127\\.0\\.0\\.1|localhost):(\\d+)(.*)");
    private static final String LOOPBACK = "127.0.0.1";

    private static final Path ROOT = repositoryRoot();
    private static final Map<String, Object> COMPOSE = load(ROOT.resolve("docker-compose.yml"));

    static List<String> services() {
        return SERVICES;
    }

    static List<String> domainServices() {
        return DOMAIN_SERVICES;
    }

    // ------------------------------------------------------------------------------------------ tests

    @Test
    void definesTheFiveServicesAndTheirInfrastructure() {
        assertThat(composeServices().keySet())
                .as("services in docker-compose.yml")
                .containsAll(SERVICES)
                .containsAll(INFRASTRUCTURE);
    }

    /** Every container has a memory limit (decision 34), the JVMs between 512 MB and 1 GB. */
    @Test
    void everyContainerHasAMemoryLimit() {
        composeServices().forEach((name, definition) -> {
            Object limit = map(definition, name).get("mem_limit");
            assertThat(limit).as(name + " mem_limit").isNotNull();
            assertThat(string(limit)).as(name + " mem_limit").matches("\\d+[mg]");
        });
        for (String service : SERVICES) {
            String limit = string(service(service).get("mem_limit"));
            long megabytes = limit.endsWith("g")
                    ? Long.parseLong(limit.substring(0, limit.length() - 1)) * 1024
                    : Long.parseLong(limit.substring(0, limit.length() - 1));
            assertThat(megabytes).as(service + " mem_limit in MB").isBetween(512L, 1024L);
        }
    }

    /**
     * The observability profile (decision 34): a collector and Grafana, only with {@code --profile observability},
     * the collector's configuration a file of the repository, and the services' export switched by one variable that
     * is empty by default.
     */
    @Test
    void theObservabilityProfileAddsACollectorAndGrafanaAndTheServicesExportOnlyWhenAsked() {
        for (String optional : List.of("otel-collector", "grafana")) {
            assertThat(service(optional).get("profiles"))
                    .as(optional + " profiles")
                    .isEqualTo(List.of("observability"));
        }
        List<?> volumes = (List<?>) service("otel-collector").get("volumes");
        String config = string(volumes.get(0)).split(":")[0];
        assertThat(ROOT.resolve(config).normalize())
                .as("the collector's configuration")
                .isRegularFile();
        composeServices().forEach((name, definition) -> {
            if (!List.of("otel-collector", "grafana").contains(name)) {
                assertThat(map(definition, name).get("profiles"))
                        .as(name + " runs without a profile")
                        .isNull();
            }
        });
        for (String service : DOMAIN_SERVICES) {
            assertThat(string(rawEnvironment(service).get("EGOV_OTLP_ENDPOINT")))
                    .as(service + " EGOV_OTLP_ENDPOINT, as written")
                    .isEqualTo("${EGOV_OTLP_ENDPOINT:-}");
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void buildsTheServiceFromItsModuleWithTheSharedDockerfile(String service) {
        Map<String, Object> build = map(service(service).get("build"), service + ".build");
        Path context = ROOT.resolve(string(build.get("context"))).normalize();
        assertThat(context).as(service + " build context").isEqualTo(ROOT.resolve(service));
        Path dockerfile = context.resolve(string(build.getOrDefault("dockerfile", "Dockerfile")))
                .normalize();
        assertThat(dockerfile).as(service + " Dockerfile").isRegularFile();
        assertThat(map(build.get("args"), service + ".build.args"))
                .as(service + " build args")
                .containsEntry("SERVICE", service);
    }

    @ParameterizedTest
    @MethodSource("services")
    void publishesTheServerPortOfItsConfigurationOnLoopbackOnly(String service) {
        int port = Integer.parseInt(defaultOf(appProperty(service, "server.port"), service + " server.port"));
        assertThat(ports(service))
                .as(service + " ports (host ip, published, container)")
                .containsExactly(new PortMapping(LOOPBACK, port, port));
        assertThat(environment(service))
                .as(service + " environment")
                .containsEntry("SERVER_PORT", String.valueOf(port));
    }

    @Test
    void publishesEveryPortOnLoopbackOnlyAndEachHostPortOnce() {
        List<Integer> published = new ArrayList<>();
        composeServices()
                .keySet()
                .forEach(name -> ports(name).forEach(port -> {
                    assertThat(port.hostIp())
                            .as(name + " publishes " + port + " beyond this machine")
                            .isEqualTo(LOOPBACK);
                    published.add(port.published());
                }));
        assertThat(published).as("host ports").doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("services")
    void setsOnlyVariablesItsConfigurationReads(String service) {
        Set<String> unread = new TreeSet<>(environment(service).keySet());
        unread.removeAll(placeholders(service).keySet());
        // Spring's own: the local profile this file's development values need (egov-production-guard)
        unread.remove("SPRING_PROFILES_ACTIVE");
        // read in Java, not YAML: egov-commons' ObservabilityDefaults and the gateway's GatewayObservabilityDefaults
        unread.remove("EGOV_LOG_FORMAT");
        unread.remove("EGOV_OTLP_ENDPOINT");
        if (appPropertyOptional(service, "spring.kafka").isPresent()) {
            unread.removeAll(KAFKA_CLIENT_SECURITY);
        }
        if (appPropertyOptional(service, "spring.mail").isEmpty()) {
            unread.removeAll(AWAITING_CONFIGURATION.getOrDefault(service, Set.of()));
        }
        assertThat(unread)
                .as(
                        "variables docker-compose.yml sets for %s that its application.yml never reads"
                                + " (a typo, or a renamed placeholder)",
                        service)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void setsEveryVariableItNeedsToReachTheInfrastructure(String service) {
        Set<String> required = DOMAIN_SERVICES.contains(service) ? DOMAIN_REQUIRED : GATEWAY_REQUIRED;
        assertThat(placeholders(service))
                .as(service + " application.yml placeholders")
                .containsKeys(required.toArray(String[]::new));
        assertThat(environment(service))
                .as(service + " environment in docker-compose.yml")
                .containsKeys(required.toArray(String[]::new));

        // inside a container 127.0.0.1 is the container itself: every loopback default must be replaced
        Set<String> loopbackDefaults = placeholders(service).entrySet().stream()
                .filter(e ->
                        e.getValue().filter(DockerComposeTest::namesLoopback).isPresent())
                .map(Map.Entry::getKey)
                .filter(name -> !LOOPBACK_ON_PURPOSE.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(environment(service).keySet())
                .as(service + ": placeholders defaulting to a loopback address")
                .containsAll(loopbackDefaults);
        environment(service).forEach((name, value) -> {
            if (!LOOPBACK_ON_PURPOSE.contains(name)) {
                assertThat(namesLoopback(value))
                        .as("%s %s=%s points at the container itself", service, name, value)
                        .isFalse();
            }
        });
    }

    /**
     * A default such as {@code http://127.0.0.1:8180/auth} names the host port of a part of the local run;
     * in the compose file it must name the container that publishes that host port, on its container
     * port, keeping the rest ({@code http://keycloak:8180/auth}).
     */
    @ParameterizedTest
    @MethodSource("services")
    void pointsLoopbackDefaultsAtTheContainerPublishingThatPort(String service) {
        Map<String, String> env = environment(service);
        placeholders(service).forEach((name, defaultValue) -> {
            Matcher url = LOOPBACK_URL.matcher(defaultValue.orElse(""));
            if (!url.matches()
                    || LOOPBACK_ON_PURPOSE.contains(name)
                    || OWN_LISTENER.contains(name)
                    || !env.containsKey(name)) {
                return; // not a loopback URL, or set elsewhere, or reported missing by the test above
            }
            int hostPort = Integer.parseInt(url.group(2));
            Map.Entry<String, PortMapping> publisher = composeServices().keySet().stream()
                    .flatMap(s -> ports(s).stream()
                            .filter(p -> p.published() == hostPort)
                            .map(p -> Map.entry(s, p)))
                    .findFirst()
                    .orElseGet(() -> fail(
                            "%s's default %s=%s names host port %d, which no container publishes",
                            service, name, defaultValue.get(), hostPort));
            String expected = url.group(1) + publisher.getKey() + ":"
                    + publisher.getValue().target() + url.group(3);
            assertThat(env.get(name))
                    .as("%s %s (default %s)", service, name, defaultValue.get())
                    .isEqualTo(expected);
        });
    }

    @ParameterizedTest
    @MethodSource("services")
    void listensOnEveryInterfaceOfItsContainer(String service) {
        if (appPropertyOptional(service, "server.address").isPresent()) {
            assertThat(environment(service)).as(service + " environment").containsEntry("SERVER_ADDRESS", "0.0.0.0");
        }
    }

    @ParameterizedTest
    @MethodSource("domainServices")
    void usesItsOwnDatabaseCreatedByThePostgresInitScript(String service) {
        Matcher configured =
                jdbc(defaultOf(appProperty(service, "spring.datasource.url"), service + " datasource url"));
        Matcher compose = jdbc(environment(service).get("DB_URL"));
        String database = compose.group(3);
        assertThat(database)
                .as(service + " database in DB_URL vs its application.yml")
                .isEqualTo(configured.group(3));
        assertThat(compose.group(1)).as(service + " database host").isEqualTo("postgres");
        assertThat(Optional.ofNullable(compose.group(2)).map(Integer::valueOf).orElse(5432))
                .as(service + " database port")
                .isEqualTo(5432);
        assertThat(initScriptDatabases())
                .as("databases created by the postgres init script")
                .contains(database);

        Map<String, Object> postgresEnv = rawEnvironment("postgres");
        Map<String, Object> serviceEnv = rawEnvironment(service);
        assertThat(string(serviceEnv.get("DB_USERNAME")))
                .as(service + " DB_USERNAME vs POSTGRES_USER")
                .isEqualTo(string(postgresEnv.get("POSTGRES_USER")));
        // compared before interpolation: one override of EGOV_DB_PASSWORD must change both
        assertThat(string(serviceEnv.get("DB_PASSWORD")))
                .as(service + " DB_PASSWORD vs POSTGRES_PASSWORD")
                .isEqualTo(string(postgresEnv.get("POSTGRES_PASSWORD")));
    }

    @Test
    void givesEveryDomainServiceADatabaseOfItsOwn() {
        // and web-portal its own, for the browser sessions
        List<String> databases = Stream.concat(DOMAIN_SERVICES.stream(), Stream.of("web-portal"))
                .map(s -> jdbc(environment(s).get("DB_URL")).group(3))
                .toList();
        assertThat(databases)
                .as("databases of the domain services and web-portal")
                .doesNotHaveDuplicates();
        assertThat(initScriptDatabases())
                .as("databases created by the postgres init script")
                .containsExactlyInAnyOrderElementsOf(databases);
    }

    @ParameterizedTest
    @MethodSource("domainServices")
    void reachesKafkaThroughTheInternalListener(String service) {
        Map<String, String> advertised = kafkaListeners("KAFKA_ADVERTISED_LISTENERS");
        for (String server : environment(service).get("KAFKA_BOOTSTRAP_SERVERS").split(",")) {
            assertThat(advertised)
                    .as("Kafka advertised listeners (name -> host:port)")
                    .containsValue(server.trim());
            assertThat(server.trim())
                    .as(service + " KAFKA_BOOTSTRAP_SERVERS host")
                    .startsWith("kafka:");
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void validatesTokensOfTheComposeKeycloak(String service) {
        Map<String, String> env = environment(service);
        String realm = realmName();
        assertThat(env.get("OIDC_ISSUER_URI"))
                .as(service + " OIDC_ISSUER_URI (Keycloak's --hostname + realm)")
                .isEqualTo(keycloakOption("hostname") + "/realms/" + realm);
        URI jwks = URI.create(env.get("OIDC_JWK_SET_URI"));
        assertThat(jwks.getHost()).as(service + " OIDC_JWK_SET_URI host").isEqualTo("keycloak");
        assertThat(jwks.getPort())
                .as(service + " OIDC_JWK_SET_URI port")
                .isEqualTo(Integer.parseInt(keycloakOption("http-port")));
        assertThat(jwks.getPath())
                .as(service + " OIDC_JWK_SET_URI path")
                .isEqualTo(
                        keycloakOption("http-relative-path") + "/realms/" + realm + "/protocol/openid-connect/certs");
        if (env.containsKey("OIDC_AUDIENCE")) {
            assertThat(env.get("OIDC_AUDIENCE"))
                    .as(service + " OIDC_AUDIENCE vs its application.yml default")
                    .isEqualTo(placeholders(service).get("OIDC_AUDIENCE").orElse(null));
        }
    }

    @ParameterizedTest
    @MethodSource("domainServices")
    void startsOnceItsInfrastructureIsHealthy(String service) {
        Map<String, String> dependsOn = dependsOn(service);
        assertThat(dependsOn)
                .as(service + " depends_on (service -> condition)")
                .containsEntry("postgres", "service_healthy")
                .containsEntry("kafka", "service_healthy")
                .containsEntry(KAFKA_INIT, "service_completed_successfully");
    }

    @ParameterizedTest
    @MethodSource("services")
    void waitsOnlyForServicesThatReportTheirHealth(String service) {
        dependsOn(service).forEach((dependency, condition) -> {
            assertThat(composeServices())
                    .as(service + " depends on an unknown service")
                    .containsKey(dependency);
            if (condition.equals("service_completed_successfully")) {
                // a one-shot container: it reports by ending, and must not be started again once it has
                assertThat(string(service(dependency).get("restart")))
                        .as(dependency + " restart (a one-shot container)")
                        .isEqualTo("no");
                return;
            }
            assertThat(condition).as(service + " depends_on " + dependency).isEqualTo("service_healthy");
            assertThat(healthcheckTest(dependency))
                    .as(dependency + " healthcheck")
                    .isNotBlank();
        });
    }

    @ParameterizedTest
    @MethodSource("services")
    void reportsItsReadinessToDocker(String service) {
        String port = defaultOf(appProperty(service, "server.port"), service + " server.port");
        assertThat(healthcheckTest(service))
                .as(service + " healthcheck")
                .contains("/actuator/health/readiness")
                .containsPattern("\\b127\\.0\\.0\\.1[:/]" + port + "\\b");
        assertThat(string(appProperty(service, "management.endpoint.health.probes.enabled")))
                .as(service + " must expose /actuator/health/readiness")
                .isEqualTo("true");
    }

    /**
     * web-portal: built, published and health-checked as the services are; no broker or token keys (it reads the
     * public API through the gateway), so the token and Kafka checks do not apply. Its own database holds the
     * browser sessions; it signs users in with its Keycloak client, whose secret comes from the environment.
     */
    @Test
    void runsTheWebPortalBehindTheGateway() {
        String portal = "web-portal";
        buildsTheServiceFromItsModuleWithTheSharedDockerfile(portal);
        publishesTheServerPortOfItsConfigurationOnLoopbackOnly(portal);
        setsOnlyVariablesItsConfigurationReads(portal);
        pointsLoopbackDefaultsAtTheContainerPublishingThatPort(portal);
        listensOnEveryInterfaceOfItsContainer(portal);
        reportsItsReadinessToDocker(portal);
        waitsOnlyForServicesThatReportTheirHealth(portal);
        assertThat(environment(portal))
                .as("web-portal reaches the API through the gateway")
                .containsEntry("PORTAL_API_URL", "http://gateway-service:8080");
        assertThat(environment(portal))
                .as("web-portal keeps its sessions in its own database and signs users in at Keycloak")
                .containsEntry("DB_URL", "jdbc:postgresql://postgres:5432/portal")
                .containsEntry("PORTAL_OIDC_BACKCHANNEL_URL", "http://keycloak:8180/auth/realms/egov")
                .containsKey("PORTAL_CLIENT_SECRET");
        assertThat(dependsOn(portal)).as("web-portal waits for its database").containsKey("postgres");
        assertThat(environment(GATEWAY))
                .as("the gateway routes the pages to web-portal")
                .containsEntry("WEB_PORTAL_URL", "http://web-portal:8085");
    }

    @Test
    void infrastructureReportsItsHealth() {
        assertThat(healthcheckTest("postgres")).contains("pg_isready");
        assertThat(healthcheckTest("kafka")).containsPattern("kafka-(broker-api-versions|topics)\\.sh");
        assertThat(healthcheckTest("keycloak"))
                .as("keycloak healthcheck: readiness on the management port")
                .contains("127.0.0.1/" + keycloakOption("http-management-port"))
                .contains("GET " + keycloakOption("http-relative-path") + "/health/ready ");
        assertThat(keycloakOption("health-enabled")).isEqualTo("true");
        assertThat(healthcheckTest("smtp")).isNotBlank();
    }

    @Test
    void gatewayRoutesToComposeServicesOnTheirPorts() {
        Map<String, String> env = environment(GATEWAY);
        Set<String> upstreams = env.keySet().stream()
                .filter(name -> name.endsWith("_SERVICE_URL") || name.equals("KEYCLOAK_URL"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(upstreams)
                .as("gateway upstream variables")
                .containsAll(GATEWAY_REQUIRED.stream()
                        .filter(n -> n.endsWith("_URL") && !n.startsWith("OIDC"))
                        .toList());
        for (String name : upstreams) {
            URI uri = URI.create(env.get(name));
            String host = uri.getHost();
            String expectedHost = name.equals("KEYCLOAK_URL")
                    ? "keycloak"
                    : name.substring(0, name.length() - "_SERVICE_URL".length())
                                    .toLowerCase()
                                    .replace('_', '-') + "-service";
            assertThat(host).as("gateway " + name + " host").isEqualTo(expectedHost);
            assertThat(composeServices())
                    .as("gateway " + name + " names a compose service")
                    .containsKey(host);
            int listening = host.equals("keycloak")
                    ? Integer.parseInt(keycloakOption("http-port"))
                    : Integer.parseInt(environment(host).get("SERVER_PORT"));
            assertThat(uri.getPort())
                    .as("gateway " + name + " port (where " + host + " listens)")
                    .isEqualTo(listening);
        }
        // every route of the gateway reads its upstream from a variable that the compose file sets
        Set<String> routeVariables = new TreeSet<>();
        Object routes = appProperty(GATEWAY, "spring.cloud.gateway.server.webflux.routes");
        for (Object route : list(routes, "gateway routes")) {
            Matcher m = PLACEHOLDER.matcher(string(map(route, "gateway route").get("uri")));
            if (m.find()) {
                routeVariables.add(m.group(1));
            }
        }
        assertThat(routeVariables).as("variables of the gateway's route uris").isNotEmpty();
        assertThat(env.keySet()).as("gateway environment").containsAll(routeVariables);

        Map<String, String> dependsOn = dependsOn(GATEWAY);
        for (String upstream :
                Stream.concat(DOMAIN_SERVICES.stream(), Stream.of("keycloak")).toList()) {
            assertThat(dependsOn).as("gateway depends_on").containsEntry(upstream, "service_healthy");
        }
    }

    @Test
    void notificationServiceSendsMailToTheSmtpCatcher() {
        Map<String, String> env = environment("notification-service");
        assertThat(env).as("notification-service environment").containsEntry("SMTP_HOST", "smtp");
        assertThat(ports("smtp").stream().map(PortMapping::target))
                .as("SMTP_PORT is the port the smtp container listens on")
                .contains(Integer.valueOf(env.get("SMTP_PORT")));
    }

    @Test
    void keycloakImportsTheRealmExportOfTheRepository() {
        assertThat(keycloakCommand()).as("keycloak command").contains("--import-realm");
        Path realm = realmFile();
        assertThat(realm).as("realm export mounted into Keycloak").isRegularFile();
        assertThat(realmName()).as("realm in " + ROOT.relativize(realm)).isEqualTo("egov");
    }

    @Test
    void infrastructureIsPublishedWhereTheServicesLookByDefault() {
        // a service started from the IDE with its defaults can use the containers
        for (String service : DOMAIN_SERVICES) {
            Matcher db = jdbc(defaultOf(appProperty(service, "spring.datasource.url"), service + " datasource url"));
            assertThat(ports("postgres"))
                    .as("postgres ports, for " + service + "'s default DB_URL")
                    .contains(new PortMapping(db.group(1), Integer.parseInt(db.group(2)), 5432));
            String kafka = placeholders(service).get("KAFKA_BOOTSTRAP_SERVERS").orElseThrow();
            assertThat(kafkaListeners("KAFKA_ADVERTISED_LISTENERS"))
                    .as("Kafka listeners, for " + service + "'s default")
                    .containsValue(kafka);
            int kafkaPort = Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1));
            assertThat(ports("kafka").stream()
                            .filter(p -> p.published() == kafkaPort)
                            .map(PortMapping::target))
                    .as("Kafka's external listener is published on " + kafka)
                    .containsExactly(listenerPort(kafkaListenerName(kafka)));
            URI jwks = URI.create(placeholders(service).get("OIDC_JWK_SET_URI").orElseThrow());
            int keycloakPort = Integer.parseInt(keycloakOption("http-port"));
            assertThat(ports("keycloak"))
                    .as("keycloak ports, for " + service + "'s default OIDC_JWK_SET_URI")
                    .contains(new PortMapping(jwks.getHost(), jwks.getPort(), keycloakPort));
        }
    }

    /**
     * The outside parties run as containers of the devstack simulators: built from devstack with their own
     * Dockerfile, started by their main class (a class that exists), listening on the port they publish,
     * and calling back into the platform by compose service names.
     */
    @Test
    void runsTheSimulatorsOfOutsidePartiesFromDevstack() {
        SIMULATORS.forEach((name, mainClass) -> {
            Map<String, Object> build = map(service(name).get("build"), name + ".build");
            Path context = ROOT.resolve(string(build.get("context"))).normalize();
            assertThat(context).as(name + " build context").isEqualTo(ROOT.resolve("devstack"));
            assertThat(context.resolve(string(build.get("dockerfile"))).normalize())
                    .as(name + " Dockerfile")
                    .isRegularFile();
            List<String> command = list(service(name).get("command"), name + ".command").stream()
                    .map(String::valueOf)
                    .toList();
            assertThat(command.get(0)).as(name + " main class").isEqualTo(mainClass);
            assertThat(ROOT.resolve("devstack/src/main/java/" + mainClass.replace('.', '/') + ".java"))
                    .isRegularFile();
            int port = Integer.parseInt(command.get(command.indexOf("--port") + 1));
            assertThat(ports(name)).as(name + " ports").containsExactly(new PortMapping(LOOPBACK, port, port));
        });
        List<String> payment = list(service("payment-gateway-simulator").get("command"), "command").stream()
                .map(String::valueOf)
                .toList();
        URI ipn = URI.create(payment.get(payment.indexOf("--ipn-url") + 1));
        assertThat(ipn.getHost() + ":" + ipn.getPort())
                .as("the IPN reaches the gateway container")
                .isEqualTo(GATEWAY + ":" + environment(GATEWAY).get("SERVER_PORT"));
        List<String> sms = list(service("sms-gateway-simulator").get("command"), "command").stream()
                .map(String::valueOf)
                .toList();
        URI receipts = URI.create(sms.get(sms.indexOf("--receipt-url") + 1));
        assertThat(receipts.getHost() + ":" + receipts.getPort())
                .as("delivery receipts reach notification-service")
                .isEqualTo("notification-service:"
                        + environment("notification-service").get("SERVER_PORT"));
        assertThat(sms.get(sms.indexOf("--receipt-key") + 1))
                .as("the receipt key notification-service expects")
                .isEqualTo(defaultOf(
                        appProperty("notification-service", "egov.notification.sms.receipt-key"), "receipt key"));
    }

    /**
     * Kafka as in Kubernetes (deploy/kubernetes/base/kafka): the listeners the services and the host use ask for a
     * SCRAM-SHA-512 user, only ACLs allow anything, and the plain-text listeners are on the container's loopback only.
     * deploy-tests' ComposeKafkaTest starts a real broker with this environment and proves it with real clients.
     */
    @Test
    void kafkaAsksEveryClientOutsideItsContainerForAUserAndAllowsOnlyWhatAnAclSays() {
        Map<String, String> env = environment("kafka");
        Map<String, String> protocols = new LinkedHashMap<>();
        for (String entry : env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            String[] parts = entry.split(":");
            protocols.put(parts[0].trim(), parts[1].trim());
        }
        kafkaListeners("KAFKA_LISTENERS").forEach((name, address) -> {
            String host = address.substring(0, address.lastIndexOf(':'));
            if (!protocols.get(name).equals("SASL_PLAINTEXT")) {
                assertThat(host)
                        .as(
                                "Kafka listener %s (%s) without a user binds the container's loopback",
                                name, protocols.get(name))
                        .isEqualTo(LOOPBACK);
            }
        });
        String services = kafkaListenerName(environment("identity-service").get("KAFKA_BOOTSTRAP_SERVERS"));
        String published = kafkaListenerName(LOOPBACK + ":"
                + ports("kafka").stream()
                        .map(PortMapping::published)
                        .findFirst()
                        .orElseThrow());
        for (String listener : List.of(services, published)) {
            assertThat(protocols).as("Kafka listener protocols").containsEntry(listener, "SASL_PLAINTEXT");
        }
        assertThat(env)
                .containsEntry("KAFKA_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        // the anonymous super user exists only where no listener outside the container leads
        assertThat(env.get("KAFKA_SUPER_USERS")).isEqualTo("User:ANONYMOUS");
        assertThat(healthcheckTest("kafka"))
                .as("the healthcheck uses a loopback listener, without a user")
                .contains(kafkaListeners("KAFKA_ADVERTISED_LISTENERS").get("BROKER"));
        assertThat(protocols).containsEntry("BROKER", "PLAINTEXT");
    }

    /** Each domain service signs in as its own user, with the password kafka-init gives that user. */
    @ParameterizedTest
    @MethodSource("domainServices")
    void signsInToKafkaAsItsOwnUser(String service) {
        Map<String, String> env = environment(service);
        assertThat(env)
                .containsEntry("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
        Matcher jaas =
                JAAS_SCRAM.matcher(string(rawEnvironment(service).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")));
        assertThat(jaas.matches())
                .as(service + " SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")
                .isTrue();
        assertThat(jaas.group(1)).as(service + " Kafka user").isEqualTo(service);
        // compared before interpolation: one override of EGOV_KAFKA_<SERVICE>_PASSWORD must change both
        String variable = service.toUpperCase().replace('-', '_') + "_KAFKA_PASSWORD";
        assertThat(jaas.group(2))
                .as(service + " Kafka password vs kafka-init's " + variable)
                .isEqualTo(string(rawEnvironment(KAFKA_INIT).get(variable)))
                .startsWith("${EGOV_KAFKA_");
    }

    /**
     * kafka-init runs the repository's script once Kafka is healthy, on the kafka container's loopback listener (it
     * shares that container's network namespace), and ends; the services wait for it to have succeeded.
     */
    @Test
    void kafkaInitMakesTheUsersOnTheBrokersLoopbackListener() {
        Map<String, Object> init = service(KAFKA_INIT);
        assertThat(string(init.get("image"))).isEqualTo(string(service("kafka").get("image")));
        assertThat(string(init.get("network_mode"))).isEqualTo("service:kafka");
        assertThat(dependsOn(KAFKA_INIT)).isEqualTo(Map.of("kafka", "service_healthy"));
        assertThat(environment(KAFKA_INIT))
                .containsEntry(
                        "KAFKA_ADMIN_BOOTSTRAP",
                        kafkaListeners("KAFKA_ADVERTISED_LISTENERS").get("BROKER"));
        List<String> entrypoint = list(init.get("entrypoint"), KAFKA_INIT + ".entrypoint").stream()
                .map(String::valueOf)
                .toList();
        String script = entrypoint.get(entrypoint.size() - 1);
        Path mounted = null;
        for (Object volume : list(init.get("volumes"), KAFKA_INIT + ".volumes")) {
            String[] parts = string(volume).split(":");
            if (parts[1].equals(script)) {
                mounted = ROOT.resolve(parts[0]).normalize();
            }
        }
        assertThat(mounted)
                .as(KAFKA_INIT + " mounts the script it runs, " + script)
                .isNotNull();
        assertThat(mounted)
                .isEqualTo(ROOT.resolve("deploy/kafka/compose-init.sh"))
                .isRegularFile();
    }

    @Test
    void gatewayInstancesShareTheirRateLimitsInRedis() {
        URI redis = URI.create(environment(GATEWAY).get("EGOV_REDIS_URL"));
        assertThat(redis.getHost()).isEqualTo("redis");
        assertThat(ports("redis").stream().map(PortMapping::target)).contains(redis.getPort());
        assertThat(dependsOn(GATEWAY)).containsEntry("redis", "service_healthy");
        assertThat(healthcheckTest("redis")).contains("ping");
    }

    // ------------------------------------------------------------------------------------------ compose

    private static Map<String, Object> composeServices() {
        return map(COMPOSE.get("services"), "services");
    }

    private static Map<String, Object> service(String name) {
        Object service = composeServices().get(name);
        if (service == null) {
            fail("docker-compose.yml defines no service " + name);
        }
        return map(service, name);
    }

    private static Map<String, Object> rawEnvironment(String service) {
        Object environment = service(service).get("environment");
        Map<String, Object> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v));
        } else if (environment instanceof List<?> l) {
            for (Object entry : l) {
                String s = string(entry);
                int eq = s.indexOf('=');
                result.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        } else if (environment != null) {
            fail(service + ".environment is neither a map nor a list");
        }
        return result;
    }

    /** The environment as the container sees it, compose variables replaced by their defaults. */
    private static Map<String, String> environment(String service) {
        Map<String, String> result = new LinkedHashMap<>();
        rawEnvironment(service).forEach((k, v) -> result.put(k, v == null ? null : interpolate(string(v))));
        return result;
    }

    private record PortMapping(String hostIp, int published, int target) {}

    private static List<PortMapping> ports(String service) {
        Object ports = service(service).get("ports");
        if (ports == null) {
            return List.of();
        }
        List<PortMapping> result = new ArrayList<>();
        for (Object port : list(ports, service + ".ports")) {
            if (port instanceof Map<?, ?> m) {
                result.add(new PortMapping(
                        m.get("host_ip") == null ? "0.0.0.0" : interpolate(string(m.get("host_ip"))),
                        Integer.parseInt(interpolate(string(m.get("published")))),
                        Integer.parseInt(interpolate(string(m.get("target"))))));
            } else if (port instanceof String s) {
                String[] parts = interpolate(s).replaceFirst("/(tcp|udp)$", "").split(":");
                switch (parts.length) {
                    case 3 ->
                        result.add(new PortMapping(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
                    case 2 ->
                        result.add(new PortMapping("0.0.0.0", Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
                    default -> fail(service + " publishes " + s + " without a host address and port");
                }
            } else {
                fail(service + " port " + port + " must be a quoted string (YAML reads 8080:8080 as a number)");
            }
        }
        return result;
    }

    /** depends_on as dependency -> condition (the short list form has no condition). */
    private static Map<String, String> dependsOn(String service) {
        Object dependsOn = service(service).get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(
                    String.valueOf(k),
                    v instanceof Map<?, ?> options ? String.valueOf(options.get("condition")) : "service_started"));
        } else if (dependsOn instanceof List<?> l) {
            l.forEach(name -> result.put(String.valueOf(name), "service_started"));
        }
        return result;
    }

    private static String healthcheckTest(String service) {
        Object healthcheck = service(service).get("healthcheck");
        if (healthcheck == null) {
            return "";
        }
        Object test = map(healthcheck, service + ".healthcheck").get("test");
        if (test instanceof List<?> l) {
            return l.stream().map(String::valueOf).collect(Collectors.joining(" "));
        }
        return test == null ? "" : String.valueOf(test);
    }

    private static List<String> keycloakCommand() {
        Object command = service("keycloak").get("command");
        if (command instanceof String s) {
            return Arrays.asList(s.trim().split("\\s+"));
        }
        return list(command, "keycloak.command").stream().map(String::valueOf).toList();
    }

    /** The value of {@code --name=value} (or {@code --name value}) on Keycloak's command line. */
    private static String keycloakOption(String name) {
        List<String> command = keycloakCommand();
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
            if (arg.equals("--" + name) && i + 1 < command.size()) {
                return command.get(i + 1);
            }
        }
        return fail("keycloak command has no --" + name);
    }

    private static Path realmFile() {
        for (Object volume : list(service("keycloak").getOrDefault("volumes", List.of()), "keycloak.volumes")) {
            String source;
            String target;
            if (volume instanceof Map<?, ?> m) {
                source = string(m.get("source"));
                target = string(m.get("target"));
            } else {
                String[] parts = string(volume).split(":");
                source = parts[0];
                target = parts.length > 1 ? parts[1] : "";
            }
            if (target.startsWith("/opt/keycloak/data/import/") && target.endsWith(".json")) {
                return ROOT.resolve(source).normalize();
            }
        }
        return fail("keycloak mounts no realm export into /opt/keycloak/data/import/");
    }

    private static String realmName() {
        Path realm = realmFile();
        if (!Files.isRegularFile(realm)) {
            fail("the realm export mounted into Keycloak does not exist: " + ROOT.relativize(realm));
        }
        return string(load(realm).get("realm"));
    }

    private static Set<String> initScriptDatabases() {
        for (Object volume : list(service("postgres").getOrDefault("volumes", List.of()), "postgres.volumes")) {
            String[] parts = string(volume).split(":");
            if (parts.length > 1 && parts[1].startsWith("/docker-entrypoint-initdb.d/")) {
                Path script = ROOT.resolve(parts[0]).normalize();
                assertThat(script).as("postgres init script").isRegularFile();
                Matcher m = INIT_SCRIPT_DATABASES.matcher(read(script));
                if (!m.find()) {
                    fail(ROOT.relativize(script)
                            + " has no 'for db in <databases>; do' loop to read the databases from");
                }
                return new LinkedHashSet<>(Arrays.asList(m.group(1).trim().split("\\s+")));
            }
        }
        return fail("postgres mounts no script into /docker-entrypoint-initdb.d/");
    }

    /** listener name -> host:port of KAFKA_LISTENERS or KAFKA_ADVERTISED_LISTENERS. */
    private static Map<String, String> kafkaListeners(String variable) {
        String listeners = environment("kafka").get(variable);
        assertThat(listeners).as("kafka " + variable).isNotBlank();
        Map<String, String> result = new LinkedHashMap<>();
        for (String listener : listeners.split(",")) {
            int sep = listener.indexOf("://");
            result.put(
                    listener.substring(0, sep).trim(),
                    listener.substring(sep + 3).trim());
        }
        return result;
    }

    private static String kafkaListenerName(String advertisedAddress) {
        return kafkaListeners("KAFKA_ADVERTISED_LISTENERS").entrySet().stream()
                .filter(e -> e.getValue().equals(advertisedAddress))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> fail("no Kafka listener advertises " + advertisedAddress));
    }

    private static int listenerPort(String listenerName) {
        String address = kafkaListeners("KAFKA_LISTENERS").get(listenerName);
        assertThat(address).as("KAFKA_LISTENERS entry for " + listenerName).isNotNull();
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** Compose interpolation with the defaults: {@code ${X:-d}}, {@code ${X-d}} give d; {@code $$} gives $. */
    private static String interpolate(String value) {
        Matcher m = COMPOSE_VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else if (m.group(2) != null && m.group(2).endsWith("-")) {
                replacement = m.group(3);
            } else {
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------ application.yml

    private static final Map<String, Map<String, Object>> APPLICATION_YML = new LinkedHashMap<>();

    private static Map<String, Object> applicationYml(String service) {
        return APPLICATION_YML.computeIfAbsent(
                service, s -> load(ROOT.resolve(s).resolve("src/main/resources/application.yml")));
    }

    private static Optional<Object> appPropertyOptional(String service, String dottedName) {
        Object node = applicationYml(service);
        for (String key : dottedName.split("\\.")) {
            if (!(node instanceof Map<?, ?> m) || !m.containsKey(key)) {
                return Optional.empty();
            }
            node = m.get(key);
        }
        return Optional.ofNullable(node);
    }

    private static Object appProperty(String service, String dottedName) {
        return appPropertyOptional(service, dottedName)
                .orElseGet(() -> fail(service + " application.yml has no " + dottedName));
    }

    /** Every {@code ${NAME:default}} of the service's application.yml: name -> default (if any). */
    private static Map<String, Optional<String>> placeholders(String service) {
        Map<String, Optional<String>> result = new LinkedHashMap<>();
        collectPlaceholders(applicationYml(service), result);
        return result;
    }

    private static void collectPlaceholders(Object node, Map<String, Optional<String>> result) {
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectPlaceholders(v, result));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectPlaceholders(v, result));
        } else if (node instanceof String s) {
            Matcher m = PLACEHOLDER.matcher(s);
            while (m.find()) {
                result.putIfAbsent(m.group(1), Optional.ofNullable(m.group(2)));
            }
        }
    }

    /** The default of a value that is a single placeholder, or the value itself. */
    private static String defaultOf(Object value, String what) {
        String s = string(value);
        Matcher m = PLACEHOLDER.matcher(s);
        if (m.matches()) {
            if (m.group(2) == null) {
                fail(what + " has no default: " + s);
            }
            return m.group(2);
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static boolean namesLoopback(String value) {
        return value != null && (value.contains("127.0.0.1") || value.contains("localhost") || value.contains("[::1]"));
    }

    private static Matcher jdbc(String url) {
        Matcher m = JDBC_POSTGRES.matcher(url == null ? "" : url);
        if (!m.matches()) {
            fail("not a jdbc:postgresql://host[:port]/database URL: " + url);
        }
        return m;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with docker-compose.yml and pom.xml above "
                + Path.of("").toAbsolutePath());
    }

    private static Map<String, Object> load(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // Docker Compose refuses duplicate keys too
        Object document = new Yaml(options).load(read(file));
        return map(document, file.toString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        if (!(node instanceof Map)) {
            fail(what + " is not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }

    private static List<?> list(Object node, String what) {
        if (!(node instanceof List<?> l)) {
            return fail(what + " is not a list: " + node);
        }
        return l;
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}

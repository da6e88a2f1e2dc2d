package vn.egov.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The list of development values stays complete: every development default the repository publishes
 * (services' application.yml, docker-compose.yml, ./egov, the local realm, the payment simulator) is refused
 * outside the local profile, and each service's own configuration, started as production without its
 * environment, is refused for every secret and key it lists.
 */
class DevelopmentValuesTest {

    static final Path ROOT = ProductionGuardTest.repository();

    @ParameterizedTest
    @ValueSource(strings = {"identity-service", "dossier-service", "payment-service", "notification-service"})
    void aServiceStartedWithItsDefaultsIsRefusedForEachSecretAndKey(String service) throws IOException {
        StandardEnvironment env = defaultsOf(service);
        Binder binder = Binder.get(env);
        List<String> listed = new ArrayList<>();
        listed.addAll(binder.bind("egov.security.checked-secrets", Bindable.listOf(String.class))
                .orElse(List.of()));
        listed.addAll(binder.bind("egov.security.checked-keys", Bindable.listOf(String.class))
                .orElse(List.of()));
        assertThat(listed).as(service + " lists its secrets").contains("spring.datasource.password");

        List<String> problems = ProductionChecks.problems(env);

        for (String name : listed) {
            assertThat(problems).as(service).contains(name + " has a development value");
        }
        assertThat(problems).as(service).anySatisfy(p -> assertThat(p).contains("issuer-uri is not https"));
    }

    @Test
    void theGatewayStartedWithItsDefaultsIsRefused() throws IOException {
        List<String> problems = ProductionChecks.problems(defaultsOf("gateway-service"));

        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("issuer-uri is not https"))
                .anySatisfy(p -> assertThat(p).startsWith("management.server.port is not set"));
    }

    @Test
    void thePortalStartedWithItsDefaultsIsRefusedForItsSecretsAndKey() throws IOException {
        List<String> problems = ProductionChecks.problems(defaultsOf("web-portal"));

        assertThat(problems)
                .contains("spring.datasource.password has a development value")
                .anySatisfy(p -> assertThat(p).startsWith("egov.portal.sign-in.client-secret "))
                .anySatisfy(p -> assertThat(p).startsWith("egov.portal.sign-in.session-key "));
    }

    @Test
    void thePortalWithTheLocalRunsPlainHttpCookieIsRefused() throws IOException {
        StandardEnvironment env = defaultsOf("web-portal");
        assertThat(ProductionChecks.problems(env)).noneMatch(p -> p.contains("secure-cookie"));
        // what ./egov and docker-compose.yml set for a run over plain http
        env.getPropertySources().addFirst(new MapPropertySource("local run", Map.of("PORTAL_SECURE_COOKIE", "false")));

        assertThat(ProductionChecks.problems(env))
                .contains("egov.portal.sign-in.secure-cookie is off: it may be off"
                        + " only in local runs over plain http");
    }

    @Test
    void thePortalsLocalSessionKeyIsADevelopmentValue() throws IOException {
        Matcher key = Pattern.compile("PORTAL_SESSION_KEY=(\\S+)").matcher(Files.readString(ROOT.resolve("egov")));
        assertThat(key.find()).isTrue();
        assertThat(DevelopmentValues.isDevelopmentValue(key.group(1))).isTrue();
    }

    @Test
    void everySecretDefaultOfDockerComposeIsADevelopmentValue() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher m = Pattern.compile("\\$\\{(\\w*(?:SECRET|PASSWORD|_KEY)):-([^}]*)}")
                .matcher(compose);
        int seen = 0;
        while (m.find()) {
            if (m.group(1).startsWith("KEYCLOAK_ADMIN")) {
                // Keycloak's own bootstrap admin (admin/admin): no service reads it; the master realm is not
                // routed outside the local profile, and "admin" fails the word rule for any listed secret
                continue;
            }
            seen++;
            assertThat(DevelopmentValues.isDevelopmentValue(m.group(2)))
                    .as(m.group(1) + " default")
                    .isTrue();
        }
        assertThat(seen).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theLocalRunsValuesAreDevelopmentValues() throws IOException {
        String egov = Files.readString(ROOT.resolve("egov"));
        Matcher password = Pattern.compile("EGOV_DB_PASSWORD:-([^}\"]+)}").matcher(egov);
        assertThat(password.find()).isTrue();
        assertThat(DevelopmentValues.isDevelopmentValue(password.group(1))).isTrue();
        Matcher receipt = Pattern.compile("--receipt-key (\\S+?)[\")]").matcher(egov);
        assertThat(receipt.find()).isTrue();
        assertThat(DevelopmentValues.isDevelopmentValue(receipt.group(1))).isTrue();

        String simulator = Files.readString(ROOT.resolve(
                "devstack/src/main/java/vn/egov/devstack/simulators/payment/PaymentGatewaySimulator.java"));
        Matcher hash = Pattern.compile("DEFAULT_HASH_SECRET = \"([^\"]+)\"").matcher(simulator);
        assertThat(hash.find()).isTrue();
        assertThat(DevelopmentValues.isDevelopmentValue(hash.group(1))).isTrue();
    }

    @Test
    void theLiveRealmCheckKnowsEveryDemoAccountOfTheLocalRealm() throws IOException {
        tools.jackson.databind.JsonNode realm = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(Files.readString(ProductionGuardTest.LOCAL_REALM));
        java.util.List<String> withPassword = new java.util.ArrayList<>();
        for (tools.jackson.databind.JsonNode user : realm.path("users")) {
            for (tools.jackson.databind.JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asString(""))) {
                    withPassword.add(user.path("username").asString());
                }
            }
        }
        assertThat(LiveRealmCheck.DEMO_USERNAMES).containsExactlyInAnyOrderElementsOf(withPassword);
    }

    @Test
    void theLocalRealmsSecretsAndDemoPasswordAreDevelopmentValues() throws IOException {
        String realm = Files.readString(ProductionGuardTest.LOCAL_REALM);
        Matcher m = Pattern.compile("\"(?:secret|value)\"\\s*:\\s*\"([^\"]+)\"").matcher(realm);
        int seen = 0;
        while (m.find()) {
            seen++;
            assertThat(DevelopmentValues.isDevelopmentValue(m.group(1)))
                    .as(m.group())
                    .isTrue();
        }
        assertThat(seen).isGreaterThanOrEqualTo(6);
    }

    /** A service's application.yml alone, as production: no profile, no environment variables. */
    static StandardEnvironment defaultsOf(String service) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader()
                .load(service, new FileSystemResource(ROOT.resolve(service + "/src/main/resources/application.yml")))
                .forEach(env.getPropertySources()::addLast);
        assertThat(ProductionChecks.applies(env)).isTrue();
        return env;
    }
}

package vn.egov.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

/**
 * One start per unsafe setting, each refused, outside the local and test profiles; a safe production
 * configuration starts; the local and test profiles start with development values. The build runs tests
 * with {@code spring.profiles.active=test} (a system property), so each start here sets its own profile.
 */
class ProductionGuardTest {

    static final SecureRandom RANDOM = new SecureRandom();
    static final Path PRODUCTION_REALM = repository().resolve("deploy/keycloak/egov-realm-production.json");
    static final Path LOCAL_REALM = repository().resolve("devstack/src/main/resources/keycloak/egov-realm.json");

    /** A production configuration as an operator would write it: generated secrets, keys, https issuer. */
    static List<String> safe() {
        return new ArrayList<>(List.of(
                "spring.profiles.active=production",
                "egov.security.checked-secrets=spring.datasource.password,egov.demo.client-secret",
                "egov.security.checked-keys=egov.demo.data-key",
                "spring.datasource.password=" + secret(),
                "egov.demo.client-secret=" + secret(),
                "egov.demo.data-key=" + random(32),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://dichvucong.tinh.gov.vn/auth/realms/egov",
                "egov.security.separate-management-port=true",
                "server.port=8080",
                "management.server.port=9080",
                "egov.security.realm-file=" + PRODUCTION_REALM));
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProductionGuardAutoConfiguration.class));

    @Test
    void aSafeProductionConfigurationStarts() {
        start(safe(), context -> assertThat(context).hasNotFailed());
    }

    @Test
    void withoutAnyProfileTheGuardApplies() {
        refused(with("spring.profiles.active=", "spring.datasource.password=egov-dev"), "spring.datasource.password");
    }

    @Test
    void theLocalAndTestProfilesAllowDevelopmentValues() {
        for (String profile : List.of("local", "test", "local,debug")) {
            start(
                    with(
                            "spring.profiles.active=" + profile,
                            "spring.datasource.password=egov-dev",
                            "egov.demo.data-key=dossier-dev-data-key-local-run-only",
                            "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:8080/auth/realms/egov",
                            "management.server.port=",
                            "egov.security.realm-file=" + LOCAL_REALM),
                    context -> assertThat(context).as(profile).hasNotFailed());
        }
    }

    @Test
    void refusesTheDevelopmentDatabasePassword() {
        refused(with("spring.datasource.password=egov-dev"), "spring.datasource.password has a development value");
    }

    @Test
    void refusesADevelopmentClientSecret() {
        refused(
                with("egov.demo.client-secret=identity-service-dev-secret"),
                "egov.demo.client-secret has a development value");
    }

    @Test
    void refusesAnyClientSecretNamedLikeTheRealmsDevelopmentSecrets() {
        refused(
                with("egov.demo.client-secret=tax-office-dev-secret"),
                "egov.demo.client-secret has a development value");
    }

    @Test
    void refusesAPasswordAPersonChose() {
        // long enough for a length rule, still a dictionary word and digits
        refused(with("spring.datasource.password=Password12345678"), "spring.datasource.password contains the word");
        refused(with("egov.demo.client-secret=MyAdministrator2026!"), "egov.demo.client-secret contains the word");
    }

    @Test
    void refusesAShortSecret() {
        refused(with("egov.demo.client-secret=Zq8vN3kR7wT"), "egov.demo.client-secret is shorter than 16");
    }

    @Test
    void refusesAMissingSecret() {
        refused(with("egov.demo.client-secret="), "egov.demo.client-secret is not set");
    }

    @Test
    void refusesADevelopmentValueInAPropertyThatIsNotListed() {
        refused(
                with("egov.notification.sms.api-key=dev-sms-key"),
                "egov.notification.sms.api-key has a development value");
        refused(
                with("egov.payment.vnpay.hash-secret=egov-dev-vnpay-hash-secret-0123456789"),
                "egov.payment.vnpay.hash-secret has a development value");
    }

    @Test
    void refusesAKafkaSignInWithDockerComposesPassword() {
        refused(
                with("spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\"dossier-service\" password=\"dossier-service-kafka-dev\";"),
                "spring.kafka.properties.sasl.jaas.config has a development value");
        start(
                with("spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\"dossier-service\" password=\"q7V2mXr9TzK4pLw8NcB3\";"),
                context -> assertThat(context).hasNotFailed());
    }

    @Test
    void refusesTheDevelopmentSealingPassphrase() {
        refused(
                with("egov.demo.data-key=dossier-dev-data-key-local-run-only"),
                "egov.demo.data-key has a development value");
    }

    @Test
    void refusesAKeyThatIsAPassphraseInsteadOf32RandomBytes() {
        refused(
                with("egov.demo.data-key=a long and memorable passphrase for the keys"),
                "egov.demo.data-key is not base64");
        String text = Base64.getEncoder()
                .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        refused(with("egov.demo.data-key=" + text), "egov.demo.data-key is text encoded in base64");
        refused(with("egov.demo.data-key=" + random(16)), "egov.demo.data-key is 16 bytes, not 32");
        String repeated = Base64.getEncoder().encodeToString(new byte[32]);
        refused(with("egov.demo.data-key=" + repeated), "egov.demo.data-key repeats too few byte values");
    }

    @Test
    void refusesALoopbackOrPlainHttpIssuer() {
        refused(
                with("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:8080/auth/realms/egov"),
                "issuer-uri is not https");
        refused(
                with("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://localhost/auth/realms/egov"),
                "issuer-uri is a loopback address");
    }

    @Test
    void refusesTheActuatorOnThePublicPort() {
        refused(with("management.server.port="), "management.server.port is not set");
        refused(with("management.server.port=8080"), "management.server.port is the public port");
    }

    @Test
    void refusesASwitchForTestsOnly() {
        refused(
                with(
                        "egov.security.local-only-flags=egov.dossier.test-clock.enabled",
                        "egov.dossier.test-clock.enabled=true"),
                "egov.dossier.test-clock.enabled is on");
    }

    @Test
    void refusesAProtectionSwitchedOff() {
        refused(
                with(
                        "egov.security.required-flags=egov.portal.sign-in.secure-cookie",
                        "egov.portal.sign-in.secure-cookie=false"),
                "egov.portal.sign-in.secure-cookie is off");
        start(
                with(
                        "egov.security.required-flags=egov.portal.sign-in.secure-cookie",
                        "egov.portal.sign-in.secure-cookie=true"),
                context -> assertThat(context).hasNotFailed());
    }

    @Test
    void refusesTheLocalRealm() {
        refused(with("egov.security.realm-file=" + LOCAL_REALM), "user quantri.hethong has a password in the file");
        refused(with("egov.security.realm-file=" + LOCAL_REALM), "client egov-local-cli accepts passwords directly");
    }

    @Test
    void namesEveryProblemAtOnceAndNeverAValue() {
        start(with("spring.datasource.password=egov-dev", "egov.demo.client-secret=Password12345678"), context -> {
            assertThat(context).hasFailed();
            UnsafeConfigurationException refused = unsafe(context);
            assertThat(refused.problems()).hasSize(2);
            assertThat(refused.getMessage()).doesNotContain("egov-dev").doesNotContain("Password12345678");
        });
    }

    private void refused(List<String> properties, String problem) {
        start(properties, context -> {
            assertThat(context).hasFailed();
            assertThat(unsafe(context).problems()).anySatisfy(p -> assertThat(p).contains(problem));
        });
    }

    private static UnsafeConfigurationException unsafe(AssertableApplicationContext context) {
        Throwable failure = context.getStartupFailure();
        while (failure != null && !(failure instanceof UnsafeConfigurationException)) {
            failure = failure.getCause();
        }
        assertThat(failure).as("startup failure").isInstanceOf(UnsafeConfigurationException.class);
        return (UnsafeConfigurationException) failure;
    }

    private void start(List<String> properties, ContextConsumer<AssertableApplicationContext> check) {
        runner.withPropertyValues(properties.toArray(String[]::new)).run(check);
    }

    /** The safe configuration with some settings replaced. */
    static List<String> with(String... settings) {
        List<String> properties = safe();
        for (String setting : settings) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            properties.removeIf(p -> p.startsWith(name));
            properties.add(setting);
        }
        return properties;
    }

    /** A generated secret (hex: no letter run can spell a word the rules refuse, so this test never flakes). */
    static String secret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    static Path repository() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    }
}

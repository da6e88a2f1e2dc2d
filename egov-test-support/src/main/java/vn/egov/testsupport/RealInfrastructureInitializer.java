package vn.egov.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the real PostgreSQL and Kafka of {@link RealInfrastructure}, and at the
 * shared {@link TestIssuer}. The database is named after {@code spring.application.name} (dashes to
 * underscores) unless {@code egov.test.database} says otherwise.
 *
 * <p>Use with {@code @ContextConfiguration(initializers = RealInfrastructureInitializer.class)}.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The name Spring's test context gives the property source of {@code @DynamicPropertySource}. */
    static final String DYNAMIC_TEST_PROPERTIES = "Dynamic Test Properties";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        Map<String, Object> props = new HashMap<>();
        String database = env.getProperty(
                "egov.test.database",
                env.getProperty("spring.application.name", "egov").replace('-', '_'));
        if (env.getProperty("egov.test.datasource", Boolean.class, true)) {
            RealInfrastructure.PostgresEndpoint pg = RealInfrastructure.postgres(database);
            props.put("spring.datasource.url", pg.jdbcUrl(database));
            props.put("spring.datasource.username", pg.username());
            props.put("spring.datasource.password", pg.password());
        }
        if (env.getProperty("egov.test.kafka", Boolean.class, true)) {
            props.put("spring.kafka.bootstrap-servers", RealInfrastructure.kafkaBootstrapServers());
        }
        TestIssuer issuer = TestIssuer.shared();
        props.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer());
        props.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwkSetUri());
        // Above application.yml, but below a test's own @DynamicPropertySource values, so a test can
        // still point one property elsewhere (e.g. the issuer at a real Keycloak).
        MapPropertySource source = new MapPropertySource("egov-real-infrastructure", props);
        if (env.getPropertySources().contains(DYNAMIC_TEST_PROPERTIES)) {
            env.getPropertySources().addAfter(DYNAMIC_TEST_PROPERTIES, source);
        } else {
            env.getPropertySources().addFirst(source);
        }
    }
}

package vn.egov.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * The portal in a test: its sessions in a real PostgreSQL (egov-test-support's; no Kafka, the portal has no
 * broker), a client secret of its own (no Keycloak answers in these tests: a signed-in user is made by Spring
 * Security's test support, the code exchange is the platform tests' job), and a cookie over plain http.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@TestPropertySource(
        properties = {
            "egov.test.kafka=false",
            "egov.portal.sign-in.client-secret=web-portal-test-secret",
            "egov.portal.sign-in.issuer=http://127.0.0.1:9/auth/realms/egov",
            "egov.portal.sign-in.backchannel=http://127.0.0.1:9/auth/realms/egov",
            "egov.portal.sign-in.secure-cookie=false",
            // registration with a password, as local runs have it (RegistrationClosedTest: as production has it)
            "egov.portal.password-registration=true",
            "egov.portal.sign-in.session-key=" + PortalTestSetup.SESSION_KEY
        })
@interface PortalTestSetup {
    /** The tests' session key (32 bytes, base64); never used outside tests. */
    String SESSION_KEY = "dGVzdC1vbmx5LXBvcnRhbC1zZXNzaW9uLWtleS0zMmI=";
}

package vn.egov.gateway;

import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import vn.egov.testsupport.TestIssuer;

/**
 * What every test of a running gateway shares: the real OIDC issuer, a client for the gateway's random port, and
 * where the gateway finds its upstreams. Each subclass brings its own {@code @SpringBootTest} and upstreams (stubs
 * that answer, or addresses where nothing listens).
 */
abstract class GatewayUnderTest {

    static final TestIssuer ISSUER = TestIssuer.shared();

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
    }

    /** Points the gateway's routes at these upstreams and its token checks at {@link #ISSUER}. */
    static void upstreams(
            DynamicPropertyRegistry registry,
            Supplier<Object> identity,
            Supplier<Object> dossier,
            Supplier<Object> payment,
            Supplier<Object> notification,
            Supplier<Object> keycloak) {
        registry.add("IDENTITY_SERVICE_URL", identity);
        registry.add("DOSSIER_SERVICE_URL", dossier);
        registry.add("PAYMENT_SERVICE_URL", payment);
        registry.add("NOTIFICATION_SERVICE_URL", notification);
        registry.add("KEYCLOAK_URL", keycloak);
        registry.add("OIDC_ISSUER_URI", ISSUER::issuer);
        registry.add("OIDC_JWK_SET_URI", ISSUER::jwkSetUri);
    }
}

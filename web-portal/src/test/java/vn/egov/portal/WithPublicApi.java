package vn.egov.portal;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A portal test against the public API's stand-in: one WireMock server for the whole test JVM, so that test classes
 * with the same configuration share one cached Spring context (a server of their own would give each a new base URL
 * and so a new context). Each test starts from the catalogue alone ({@link PublicApiStandIn#reset()}).
 */
abstract class WithPublicApi {

    static final PublicApiStandIn api = PublicApiStandIn.shared();

    @DynamicPropertySource
    static void publicApi(DynamicPropertyRegistry registry) {
        registry.add("egov.portal.api.base-url", api::baseUrl);
    }

    @BeforeEach
    void startFromTheCatalogue() {
        api.reset();
    }
}

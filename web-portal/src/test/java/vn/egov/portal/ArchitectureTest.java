package vn.egov.portal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.egov.testsupport.architecture.ArchitectureRules.controllersUseNeitherJdbcClientNorTransactions;
import static vn.egov.testsupport.architecture.ArchitectureRules.outboundHttpClientsAreBuiltIn;
import static vn.egov.testsupport.architecture.ArchitectureRules.productionClassesOf;
import static vn.egov.testsupport.architecture.ArchitectureRules.usesOnlyTheContractsOf;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The rules of vn.egov.testsupport.architecture.ArchitectureRules that apply to the portal: it publishes and consumes
 * no events (its only way to the platform is the public API), and its one database holds the sessions.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = productionClassesOf(PortalApplication.class);

    @Test
    void controllersUseNeitherJdbcClientNorTransactions_() {
        controllersUseNeitherJdbcClientNorTransactions().check(CLASSES);
    }

    /**
     * Calling the API is what every page does, so the pages hold the {@code RestClient}s they are given; but only
     * {@code api} builds them (the gateway's address, timeouts, the user's token, problem answers read in one place):
     * a page cannot call anything but the public API, nor bypass the problem handling.
     */
    @Test
    void onlyTheApiPackageBuildsHttpClients() {
        outboundHttpClientsAreBuiltIn("vn.egov.portal.api..").check(CLASSES);
    }

    /** The rule sees what it guards: without {@code api} allowed, the clients built there break it. */
    @Test
    void theRuleSeesTheClientsBuiltInTheApiPackage() {
        assertThatThrownBy(() ->
                        outboundHttpClientsAreBuiltIn("vn.egov.portal.signin..").check(CLASSES))
                .hasMessageContaining("vn.egov.portal.api.ApiConfiguration");
    }

    /** The portal reads the public API, like the mobile app: no event contract at all. */
    @Test
    void usesNoEventContract() {
        usesOnlyTheContractsOf().check(CLASSES);
    }
}

package vn.egov.gateway;

import static vn.egov.testsupport.architecture.ArchitectureRules.controllersUseNeitherJdbcClientNorTransactions;
import static vn.egov.testsupport.architecture.ArchitectureRules.outboundHttpClientsLiveIn;
import static vn.egov.testsupport.architecture.ArchitectureRules.productionClassesOf;
import static vn.egov.testsupport.architecture.ArchitectureRules.usesOnlyTheContractsOf;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The rules of vn.egov.testsupport.architecture.ArchitectureRules that apply to the gateway: it has no database
 * and publishes no events; it forwards through its routes (configuration), and no code of its own calls out.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = productionClassesOf(GatewayApplication.class);

    @Test
    void controllersUseNeitherJdbcClientNorTransactions_() {
        controllersUseNeitherJdbcClientNorTransactions().check(CLASSES);
    }

    @Test
    void noCodeMakesOutboundHttpCalls() {
        outboundHttpClientsLiveIn().check(CLASSES);
    }

    /** the gateway forwards HTTP; it neither publishes nor consumes events. */
    @Test
    void usesOnlyTheContractsItPublishesOrConsumes() {
        usesOnlyTheContractsOf().check(CLASSES);
    }
}

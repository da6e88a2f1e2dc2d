package vn.egov.dossier;

import static vn.egov.testsupport.architecture.ArchitectureRules.controllersUseNeitherJdbcClientNorTransactions;
import static vn.egov.testsupport.architecture.ArchitectureRules.onlyTheseWriteToTheOutbox;
import static vn.egov.testsupport.architecture.ArchitectureRules.outboundHttpClientsLiveIn;
import static vn.egov.testsupport.architecture.ArchitectureRules.productionClassesOf;
import static vn.egov.testsupport.architecture.ArchitectureRules.usesOnlyTheContractsOf;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import vn.egov.dossier.dossier.DossierLifecycle;

/** The rules of vn.egov.testsupport.architecture.ArchitectureRules, applied to dossier-service. */
class ArchitectureTest {

    static final JavaClasses CLASSES = productionClassesOf(DossierServiceApplication.class);

    /** Controllers translate HTTP; SQL and transactions live in services and repositories. */
    @Test
    void controllersUseNeitherJdbcClientNorTransactions_() {
        controllersUseNeitherJdbcClientNorTransactions().check(CLASSES);
    }

    /**
     * A dossier's status events (topic egov.dossier.events) are written to the outbox by the lifecycle only, in the
     * transaction of the status change, so no status changes without its event and no event without its change.
     */
    @Test
    void onlyTheLifecyclePublishesDossierEvents() {
        onlyTheseWriteToTheOutbox(DossierLifecycle.class.getName()).check(CLASSES);
    }

    /** Calls to other services go through their client packages (tokens, timeouts and breakers in one place). */
    @Test
    void outboundHttpClientsLiveInThePaymentAndIdentityPackages() {
        outboundHttpClientsLiveIn("vn.egov.dossier.payment..", "vn.egov.dossier.identity..")
                .check(CLASSES);
    }

    /**
     * dossier-service publishes dossier events and consumes payment events, and the agency registry's changes (its
     * working hours' replica, decision 60).
     */
    @Test
    void usesOnlyTheContractsItPublishesOrConsumes() {
        usesOnlyTheContractsOf("dossier", "payment", "identity").check(CLASSES);
    }
}

package vn.egov.notification;

import static vn.egov.testsupport.architecture.ArchitectureRules.controllersUseNeitherJdbcClientNorTransactions;
import static vn.egov.testsupport.architecture.ArchitectureRules.onlyThesePublish;
import static vn.egov.testsupport.architecture.ArchitectureRules.onlyTheseWriteToTheOutbox;
import static vn.egov.testsupport.architecture.ArchitectureRules.outboundHttpClientsLiveIn;
import static vn.egov.testsupport.architecture.ArchitectureRules.productionClassesOf;
import static vn.egov.testsupport.architecture.ArchitectureRules.usesOnlyTheContractsOf;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.notification.notice.DeliveriesQueued;
import vn.egov.notification.notice.InboxItemCreated;
import vn.egov.notification.notice.Notifier;

/** The rules of vn.egov.testsupport.architecture.ArchitectureRules, applied to notification-service. */
class ArchitectureTest {

    static final JavaClasses CLASSES = productionClassesOf(NotificationServiceApplication.class);

    @Test
    void controllersUseNeitherJdbcClientNorTransactions_() {
        controllersUseNeitherJdbcClientNorTransactions().check(CLASSES);
    }

    /**
     * notification-service only consumes: it writes nothing to an outbox. Its own (in-process) events say that a
     * notice was recorded: the Notifier alone makes them, and an operator's retry of a failed delivery queues it
     * again (DeliveryAdministration).
     */
    @Test
    void onlyTheNotifierPublishesNoticeEvents() {
        onlyTheseWriteToTheOutbox().check(CLASSES);
        onlyThesePublish(Set.of(Notifier.class.getName()), InboxItemCreated.class)
                .check(CLASSES);
        onlyThesePublish(
                        Set.of(Notifier.class.getName(), "vn.egov.notification.delivery.DeliveryAdministration"),
                        DeliveriesQueued.class)
                .check(CLASSES);
    }

    /** identity-service (contacts) and the SMS gateway are the outbound calls. */
    @Test
    void outboundHttpClientsLiveInTheirClientPackages() {
        outboundHttpClientsLiveIn("vn.egov.notification.contact..", "vn.egov.notification.delivery..")
                .check(CLASSES);
    }

    /** notification-service consumes every service's events and publishes none of them. */
    @Test
    void usesOnlyTheContractsItPublishesOrConsumes() {
        usesOnlyTheContractsOf("dossier", "payment", "identity").check(CLASSES);
    }
}

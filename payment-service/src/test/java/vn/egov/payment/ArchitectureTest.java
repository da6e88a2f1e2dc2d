package vn.egov.payment;

import static vn.egov.testsupport.architecture.ArchitectureRules.controllersUseNeitherJdbcClientNorTransactions;
import static vn.egov.testsupport.architecture.ArchitectureRules.onlyThesePublish;
import static vn.egov.testsupport.architecture.ArchitectureRules.onlyTheseWriteToTheOutbox;
import static vn.egov.testsupport.architecture.ArchitectureRules.outboundHttpClientsLiveIn;
import static vn.egov.testsupport.architecture.ArchitectureRules.productionClassesOf;
import static vn.egov.testsupport.architecture.ArchitectureRules.usesOnlyTheContractsOf;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.contracts.payment.PaymentCancelledV1;
import vn.egov.contracts.payment.PaymentExpiredV1;
import vn.egov.contracts.payment.PaymentFailedV1;
import vn.egov.contracts.payment.PaymentLatePaidV1;
import vn.egov.contracts.payment.PaymentOrderCreatedV1;
import vn.egov.contracts.payment.PaymentRefundedV1;
import vn.egov.contracts.payment.PaymentSucceededV1;
import vn.egov.payment.order.PaymentLifecycle;

/** The rules of vn.egov.testsupport.architecture.ArchitectureRules, applied to payment-service. */
class ArchitectureTest {

    static final JavaClasses CLASSES = productionClassesOf(PaymentServiceApplication.class);

    @Test
    void controllersUseNeitherJdbcClientNorTransactions_() {
        controllersUseNeitherJdbcClientNorTransactions().check(CLASSES);
    }

    /** PaymentLifecycle applies PaymentTransitions: each status event is the edge of the table it crossed. */
    @Test
    void onlyThePaymentLifecyclePublishesStatusEvents() {
        onlyTheseWriteToTheOutbox(PaymentLifecycle.class.getName()).check(CLASSES);
        onlyThesePublish(
                        Set.of(PaymentLifecycle.class.getName()),
                        PaymentOrderCreatedV1.class,
                        PaymentSucceededV1.class,
                        PaymentFailedV1.class,
                        PaymentExpiredV1.class,
                        PaymentCancelledV1.class,
                        PaymentLatePaidV1.class,
                        PaymentRefundedV1.class)
                .check(CLASSES);
    }

    /** The payment gateway's merchant API (query, refund) is the one outbound call. */
    @Test
    void outboundHttpClientsLiveInTheGatewayPackage() {
        outboundHttpClientsLiveIn("vn.egov.payment.vnpay..").check(CLASSES);
    }

    /** payment-service publishes payment events and consumes dossier events (refunds). */
    @Test
    void usesOnlyTheContractsItPublishesOrConsumes() {
        // and the agency registry's changes: each agency's receipt series (decision 60)
        usesOnlyTheContractsOf("payment", "dossier", "identity").check(CLASSES);
    }
}

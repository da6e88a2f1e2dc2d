package vn.egov.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.payment.order.PaymentOrderBuilder.aPaymentOrder;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.payment.order.PaymentStatus;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformanceTests;
import vn.egov.testsupport.ServiceTestSupport;

/**
 * payment-service running on a real port against real PostgreSQL and Kafka, with real signed tokens; the checks
 * every service passes come from {@link ServiceConformanceTests}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // no background sweeper here: it would query whatever listens on the default gateway port
            "egov.payment.orders.sweep-interval=1h",
            "egov.payment.refunds.retry.interval=1h",
            // nor a dossier-events consumer: in the same group as PaymentFlowIT's (cached) context, it
            // would take partitions and refund through the default gateway port
            "egov.payment.refunds.automatic.listener-auto-startup=false"
        })
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class PaymentServiceIT extends ServiceTestSupport<EventPublisher> {

    PaymentServiceIT() {
        super(EventTopics.PAYMENT, EventPublisher::publish);
    }

    @Test
    void aPaymentOrderIsShownToItsPayerAndTheAgencyOnly() {
        UUID id = aPaymentOrder()
                .withDossier("000.00.11.H26-261122-0001")
                .withAgency("000.00.11.H26")
                .withPayer("payer-subject")
                .withAmount(200_000L)
                .withStatus(PaymentStatus.PENDING)
                .insertInto(jdbc)
                .id();
        String payer = issuer.token(
                c -> c.subject("payer-subject").claim("realm_access", Map.of("roles", java.util.List.of("CITIZEN"))));
        service().assertProtected("/api/v1/payments/" + id, payer);
        assertThat(json(service().get("/api/v1/payments/" + id, payer)).read("$", Map.class))
                .containsEntry("amountVnd", 200_000)
                .containsEntry("status", "PENDING");
        assertThat(service()
                        .get("/api/v1/payments/" + id, issuer.staff("canbo.tuphap", "OFFICER", "000.00.11.H26"))
                        .statusCode())
                .isEqualTo(200);
        // someone else gets exactly what a missing order gives
        HttpResponse<String> other = service().get("/api/v1/payments/" + id, issuer.citizen("001090099999"));
        HttpResponse<String> absent =
                service().get("/api/v1/payments/" + UUID.randomUUID(), issuer.citizen("001090099999"));
        assertProblem(other, 404, "payment-not-found");
        assertProblem(absent, 404, "payment-not-found");
        assertProblem(
                service().get("/api/v1/payments/" + id, issuer.staff("canbo.khac", "OFFICER", "000.00.01.H26")),
                404,
                "payment-not-found");
    }
}

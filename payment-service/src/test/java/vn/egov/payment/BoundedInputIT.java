package vn.egov.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.testsupport.BoundedInputSupport;
import vn.egov.testsupport.EventSizes;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * Bounded input (issue 20) in payment-service: a refund's reason and an order's text fields are refused past
 * their limits with a problem naming the field (vi/en) and nothing stored, accepted at them; the largest
 * payment event the API can produce (an order created with every text field at its limit) fits the
 * producer's {@code max.request.size}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class BoundedInputIT extends BoundedInputSupport {

    @Autowired
    JsonMapper json;

    @Autowired
    KafkaTemplate<String, String> kafka;

    final String dossierService = issuer.client("dossier-service");

    String order(String dossierCode, String agencyCode, String payer, String description) {
        return json.writeValueAsString(Map.of(
                "dossierCode",
                dossierCode,
                "agencyCode",
                agencyCode,
                "payerSubject",
                payer,
                "amountVnd",
                25_000,
                "description",
                description));
    }

    long orders() {
        return count("select count(*) from payment_order");
    }

    @Test
    void aRefundReasonPastItsLimitIsRefusedNamingIt() {
        String officer = issuer.staff("canbo.gioihan", "OFFICER", "000.00.11.H26");
        String path = "/api/v1/payments/" + UUID.randomUUID() + "/refunds";
        long refunds = count("select count(*) from payment_refund");
        HttpResponse<String> vi = service()
                .post(
                        path,
                        officer,
                        "{\"amountVnd\":1000,\"reason\":\"" + "ệ".repeat(1001) + "\"}",
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(assertFieldProblem(vi, 400, "validation-failed", "reason")).isEqualTo(viSize("0", "1.000"));
        HttpResponse<String> en = service()
                .post(
                        path,
                        officer,
                        "{\"amountVnd\":1000,\"reason\":\"" + "ệ".repeat(1001) + "\"}",
                        "Idempotency-Key",
                        UUID.randomUUID().toString(),
                        "Accept-Language",
                        "en");
        assertThat(assertFieldProblem(en, 400, "validation-failed", "reason")).isEqualTo(enSize("0", "1,000"));
        // at the limit the reason passes; this payment simply does not exist
        HttpResponse<String> atLimit = service()
                .post(
                        path,
                        officer,
                        "{\"amountVnd\":1000,\"reason\":\"" + "ệ".repeat(1000) + "\"}",
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(404);
        assertThat(count("select count(*) from payment_refund")).isEqualTo(refunds);
    }

    @Test
    void anOrdersTextFieldsAreBoundedAndTheLargestPaymentEventFits() {
        long before = orders();
        HttpResponse<String> tooLong = service()
                .post(
                        "/api/v1/payments",
                        dossierService,
                        order("D".repeat(65), "A".repeat(65), "p", "ệ".repeat(256)),
                        "Idempotency-Key",
                        UUID.randomUUID().toString(),
                        "Accept-Language",
                        "en");
        assertThat(assertFieldProblem(tooLong, 400, "validation-failed", "dossierCode"))
                .isEqualTo(enSize("0", "64"));
        assertThat(assertFieldProblem(tooLong, 400, "validation-failed", "description"))
                .isEqualTo(enSize("0", "255"));
        assertFieldProblem(tooLong, 400, "validation-failed", "agencyCode");
        ServiceConformance.assertProblem(
                service()
                        .post(
                                "/api/v1/payments",
                                dossierService,
                                order("D", "A", "p", "d"),
                                "Idempotency-Key",
                                "k".repeat(256)),
                400,
                "idempotency-key-required");
        assertThat(orders()).isEqualTo(before);

        // every text field at its limit, in 3-byte letters: accepted, and its event measured
        String dossierCode = UUID.randomUUID().toString().substring(0, 8) + "ệ".repeat(56);
        HttpResponse<String> created = service()
                .post(
                        "/api/v1/payments",
                        dossierService,
                        order(dossierCode, "ệ".repeat(64), "ệ".repeat(255), "ệ".repeat(255)),
                        "Idempotency-Key",
                        "k".repeat(255));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        assertThat(count("select count(*) from outbox_event where event_key = ?", id))
                .isOne();
        int size = largestOutboxRecord(id);
        int max = EventSizes.maxRequestSize(kafka.getProducerFactory().getConfigurationProperties());
        System.out.printf(
                "[bounded-input] producer max.request.size=%d; largest payment event (created.v1): %d bytes%n",
                max, size);
        assertThat(size).isGreaterThan(3 * (56 + 64)).isLessThan(max / 8);
    }
}

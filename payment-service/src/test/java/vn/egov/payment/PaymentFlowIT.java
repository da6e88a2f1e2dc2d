package vn.egov.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.events.CloudEvent;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.contracts.dossier.DossierStatus;
import vn.egov.devstack.simulators.payment.PaymentGatewaySimulator;
import vn.egov.payment.expiry.PendingOrderSweeper;
import vn.egov.payment.refund.RefundRetrySweeper;
import vn.egov.testsupport.PoisonRecords;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.ServiceConformance;
import vn.egov.testsupport.TestIssuer;

/**
 * Issue 5 end to end against real PostgreSQL and Kafka and the devstack's payment gateway simulator:
 * orders from dossier-service, the gateway's pay page and IPN, duplicates, tampering, expiry, refunds.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // the test drives the sweeper itself
            "egov.payment.orders.sweep-interval=1h",
            "egov.payment.refunds.retry.interval=1h",
            "egov.payment.refunds.automatic.excluded-procedures=" + PaymentFlowIT.EXCLUDED_PROCEDURE
        })
@ContextConfiguration(initializers = vn.egov.testsupport.RealInfrastructureInitializer.class)
class PaymentFlowIT {

    static final String AGENCY = "000.00.11.H26";
    static final String EXCLUDED_PROCEDURE = "2.000999";
    static final String PAYER = "payer-" + UUID.randomUUID();
    static final PaymentGatewaySimulator gateway = PaymentGatewaySimulator.startOnFreePort("http://127.0.0.1:9/unset");
    static final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void gatewayAt(DynamicPropertyRegistry registry) {
        registry.add("egov.payment.vnpay.pay-url", gateway::payUrl);
        registry.add("egov.payment.vnpay.api-url", gateway::apiUrl);
    }

    @AfterAll
    static void stopGateway() {
        gateway.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    PendingOrderSweeper sweeper;

    @Autowired
    RefundRetrySweeper refundRetries;

    @Autowired
    KafkaTemplate<String, String> kafka;

    final TestIssuer issuer = TestIssuer.shared();
    final String dossierService = issuer.client("dossier-service");

    @BeforeEach
    void pointTheGatewayAtThisService() {
        gateway.ipnUrl("http://127.0.0.1:" + port + "/api/v1/payments/vnpay/ipn");
        gateway.ipnRetries(3, Duration.ofMillis(100));
        gateway.duplicateIpns(0);
        gateway.ipnEnabled(true);
        gateway.refuseRefunds(false);
        gateway.refundsUnavailable(false);
        gateway.loseRefundAnswers(0);
        gateway.outOfOrderIpns(false);
    }

    ServiceConformance service() {
        return new ServiceConformance(port);
    }

    // ---- orders ----

    @Test
    void onlyDossierServiceCreatesOrders() {
        String body = orderJson(dossierCode(), 50_000);
        assertProblem(
                service().post("/api/v1/payments", issuer.client("web-portal"), body, "Idempotency-Key", key()),
                403,
                "forbidden");
        assertProblem(
                service()
                        .post(
                                "/api/v1/payments",
                                issuer.client("ministry-justice", "identity.verify"),
                                body,
                                "Idempotency-Key",
                                key()),
                403,
                "forbidden");
        assertProblem(
                service().post("/api/v1/payments", issuer.citizen("001090012345"), body, "Idempotency-Key", key()),
                403,
                "forbidden");
        assertThat(service()
                        .post("/api/v1/payments", null, body, "Idempotency-Key", key())
                        .statusCode())
                .isEqualTo(401);
        assertProblem(service().post("/api/v1/payments", dossierService, body), 400, "idempotency-key-required");
        HttpResponse<String> invalid = service()
                .post("/api/v1/payments", dossierService, orderJson(dossierCode(), 0), "Idempotency-Key", key());
        assertFieldProblem(invalid, 400, "validation-failed", "amountVnd");
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameOrderAndRefusesAnotherRequest() {
        String key = key();
        String code = dossierCode();
        HttpResponse<String> first =
                service().post("/api/v1/payments", dossierService, orderJson(code, 120_000), "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode order = json.readTree(first.body());
        assertThat(order.get("amount").asLong()).isEqualTo(120_000L);
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        String paymentUrl = order.get("paymentUrl").asString();
        assertThat(paymentUrl)
                .startsWith(gateway.payUrl() + "?")
                .contains("vnp_Amount=12000000", "vnp_TmnCode=EGOVDEV1", "vnp_Version=2.1.0", "vnp_SecureHash=");

        HttpResponse<String> again =
                service().post("/api/v1/payments", dossierService, orderJson(code, 120_000), "Idempotency-Key", key);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json.readTree(again.body()).get("id").asString())
                .isEqualTo(order.get("id").asString());
        assertThat(json.readTree(again.body()).get("paymentUrl").asString()).isEqualTo(paymentUrl);

        assertProblem(
                service().post("/api/v1/payments", dossierService, orderJson(code, 130_000), "Idempotency-Key", key),
                409,
                "idempotency-key-reused");
        assertThat(outbox(order.get("id").asString(), "vn.egov.payment.created.v1"))
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from payment_order where dossier_code = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    // ---- the gateway ----

    @Test
    void payingOnTheGatewaysPageSettlesTheOrderOnceWithAReceipt() throws Exception {
        JsonNode order = createOrder(200_000);
        String id = order.get("id").asString();

        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(order.get("paymentUrl").asString()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Thanh toán", "200,000 VND");

        HttpResponse<String> paid = clickOnThePage(txnRef(id), "pay");
        assertThat(paid.statusCode()).isEqualTo(302);
        assertThat(gateway.deliveries())
                .filteredOn(d -> d.txnRef().equals(txnRef(id)))
                .extracting(PaymentGatewaySimulator.IpnDelivery::rspCode)
                .containsExactly("00");

        JsonNode shown = json.readTree(
                service().get("/api/v1/payments/" + id, payerToken()).body());
        assertThat(shown.get("status").asString()).isEqualTo("SUCCEEDED");
        String receipt = shown.get("receiptNumber").asString();
        // in the dossier's agency's own series (decision 36)
        assertThat(receipt).matches(Pattern.quote(AGENCY) + "/20\\d\\d/\\d{6}");
        assertThat(outbox(id, "vn.egov.payment.succeeded.v1")).isEqualTo(1);

        // the e-receipt, as data and as a printable page, for the payer and the agency's officers
        JsonNode receiptJson = json.readTree(service()
                .get("/api/v1/payments/" + id + "/receipt", payerToken())
                .body());
        assertThat(receiptJson.get("receiptNumber").asString()).isEqualTo(receipt);
        assertThat(receiptJson.get("amountVnd").asLong()).isEqualTo(200_000L);
        HttpResponse<String> printable = service()
                .get(
                        "/api/v1/payments/" + id + "/receipt",
                        issuer.staff("canbo.tuphap", "OFFICER", AGENCY),
                        "Accept",
                        "text/html");
        assertThat(printable.statusCode()).isEqualTo(200);
        assertThat(printable.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(printable.body()).contains("BIÊN LAI", receipt, "200.000 đồng");
        assertProblem(
                service().get("/api/v1/payments/" + id + "/receipt", issuer.citizen("001090099999")),
                404,
                "receipt-not-found");
        assertProblem(
                service().get("/api/v1/payments/" + createOrder(5_000).get("id").asString() + "/receipt", payerToken()),
                404,
                "receipt-not-found");

        var records = ServiceConformance.readTopic(
                RealInfrastructure.kafkaBootstrapServers(), EventTopics.PAYMENT, receipt, Duration.ofSeconds(60));
        assertThat(records).hasSize(1);
        JsonNode event = json.readTree(records.get(0).value());
        assertThat(records.get(0).key()).isEqualTo(id);
        assertThat(event.get("type").asString()).isEqualTo("vn.egov.payment.succeeded.v1");
        assertThat(event.get("data").get("paymentId").asString()).isEqualTo(id);
        assertThat(event.get("data").get("amountVnd").asLong()).isEqualTo(200_000L);
        assertThat(event.get("data").get("gatewayTransactionNo").asString()).isNotBlank();
        assertThat(event.get("data").get("bankCode").asString()).isEqualTo("NCB");
        assertThat(event.get("data").get("paidAt").asString()).isNotBlank();
        // the payer by subject id, so notification-service can send the receipt without the dossier's events
        assertThat(event.get("data").get("payerSubject").asString()).isEqualTo(PAYER);

        // the browser comes back with the gateway's signed result: shown, not acted on
        String returnQuery =
                URI.create(paid.headers().firstValue("Location").orElseThrow()).getRawQuery();
        HttpResponse<String> returned = service().get("/api/v1/payments/vnpay/return?" + returnQuery, null);
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        assertThat(json(returned).read("$.status", String.class)).isEqualTo("SUCCEEDED");
        assertThat(json(returned).read("$.receiptNumber", String.class)).isEqualTo(receipt);
        assertThat(returned.body()).doesNotContain(PAYER);
        assertProblem(
                service()
                        .get(
                                "/api/v1/payments/vnpay/return?"
                                        + returnQuery.replace("vnp_Amount=20000000", "vnp_Amount=100"),
                                null),
                400,
                "payment-invalid-signature");
    }

    @Test
    void aReturnNeverChangesTheOrder() {
        JsonNode order = createOrder(30_000);
        String id = order.get("id").asString();
        // a correctly signed "success" arriving through the browser only displays the order as it is
        String query = VnpayTestSigner.signedQuery(VnpayTestSigner.ipn(txnRef(id), 30_000, "00"));
        HttpResponse<String> returned = service().get("/api/v1/payments/vnpay/return?" + query, null);
        assertThat(returned.statusCode()).isEqualTo(200);
        assertThat(json(returned).read("$.status", String.class)).isEqualTo("PENDING");
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(outbox(id, "vn.egov.payment.succeeded.v1")).isZero();
    }

    @Test
    void decliningOnTheGatewaysPageFailsTheOrderAndRepeatsAreAlreadyConfirmed() throws Exception {
        gateway.duplicateIpns(2);
        JsonNode order = createOrder(75_000);
        String id = order.get("id").asString();
        browser.send(
                HttpRequest.newBuilder(URI.create(order.get("paymentUrl").asString()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(clickOnThePage(txnRef(id), "decline").statusCode()).isEqualTo(302);

        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(outbox(id, "vn.egov.payment.failed.v1")).isEqualTo(1);
        assertThat(gateway.deliveries())
                .filteredOn(d -> d.txnRef().equals(txnRef(id)))
                .extracting(PaymentGatewaySimulator.IpnDelivery::rspCode)
                .containsExactly("00", "02", "02");
        assertThat(jdbc.sql("select receipt_number from payment_order where id = ?::uuid")
                        .param(id)
                        .query(String.class)
                        .optional())
                .isEmpty();
    }

    @Test
    void aTamperedPayPageRequestIsRefusedByTheGateway() throws Exception {
        JsonNode order = createOrder(40_000);
        String tampered = order.get("paymentUrl").asString().replace("vnp_Amount=4000000", "vnp_Amount=100");
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(tampered)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("invalid signature");
    }

    @Test
    void tenConcurrentDuplicateIpnsHaveOneEffect() throws Exception {
        JsonNode order = createOrder(150_000);
        String id = order.get("id").asString();
        String query = VnpayTestSigner.signedQuery(VnpayTestSigner.ipn(txnRef(id), 150_000, "00"));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Callable<String> call = () -> {
                start.await();
                return rspCode(service().get("/api/v1/payments/vnpay/ipn?" + query, null));
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        List<String> codes = new ArrayList<>();
        for (Future<String> f : answers) {
            codes.add(f.get());
        }
        pool.shutdown();

        assertThat(codes).containsOnly("00", "02");
        assertThat(codes).filteredOn("00"::equals).hasSize(1);
        assertThat(codes).filteredOn("02"::equals).hasSize(9);
        assertThat(outbox(id, "vn.egov.payment.succeeded.v1")).isEqualTo(1);
        assertThat(status(id)).isEqualTo("SUCCEEDED");
    }

    @Test
    void tenIpnsFromTheGatewayForOnePaymentGiveOneEventAndNineAlreadyConfirmed() throws Exception {
        gateway.duplicateIpns(9);
        JsonNode order = createOrder(110_000);
        String id = order.get("id").asString();
        openThePayPage(order);

        assertThat(clickOnThePage(txnRef(id), "pay").statusCode()).isEqualTo(302);

        assertThat(gateway.deliveries())
                .filteredOn(d -> d.txnRef().equals(txnRef(id)))
                .extracting(PaymentGatewaySimulator.IpnDelivery::rspCode)
                .containsExactly("00", "02", "02", "02", "02", "02", "02", "02", "02", "02");
        assertThat(outbox(id, "vn.egov.payment.succeeded.v1")).isEqualTo(1);
        String receipt = jdbc.sql("select receipt_number from payment_order where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
        assertThat(ServiceConformance.readTopic(
                        RealInfrastructure.kafkaBootstrapServers(),
                        EventTopics.PAYMENT,
                        receipt,
                        Duration.ofSeconds(60)))
                .hasSize(1);
    }

    @Test
    void ipnsArrivingOutOfOrderAndAfterTheBrowserSettleEachOrderOnce() throws Exception {
        gateway.outOfOrderIpns(true);
        JsonNode first = createOrder(61_000);
        JsonNode second = createOrder(62_000);
        openThePayPage(first);
        openThePayPage(second);
        String firstId = first.get("id").asString();
        String secondId = second.get("id").asString();

        HttpResponse<String> back = clickOnThePage(txnRef(firstId), "pay");
        clickOnThePage(txnRef(secondId), "decline");
        // the browser is back before any IPN: the return page shows the order as it is, and changes nothing
        String returnQuery =
                URI.create(back.headers().firstValue("Location").orElseThrow()).getRawQuery();
        assertThat(json(service().get("/api/v1/payments/vnpay/return?" + returnQuery, null))
                        .read("$.status", String.class))
                .isEqualTo("PENDING");
        assertThat(status(firstId)).isEqualTo("PENDING");

        gateway.duplicateIpns(1);
        List<PaymentGatewaySimulator.IpnDelivery> released = gateway.releaseHeldIpns();

        assertThat(released)
                .extracting(PaymentGatewaySimulator.IpnDelivery::txnRef)
                .containsExactly(txnRef(secondId), txnRef(secondId), txnRef(firstId), txnRef(firstId));
        assertThat(released)
                .extracting(PaymentGatewaySimulator.IpnDelivery::rspCode)
                .containsExactly("00", "02", "00", "02");
        assertThat(status(firstId)).isEqualTo("SUCCEEDED");
        assertThat(status(secondId)).isEqualTo("FAILED");
        assertThat(outbox(firstId, "vn.egov.payment.succeeded.v1")).isEqualTo(1);
        assertThat(outbox(secondId, "vn.egov.payment.failed.v1")).isEqualTo(1);
    }

    @Test
    void badSignaturesWrongAmountsAndUnknownOrdersChangeNothing() {
        JsonNode order = createOrder(90_000);
        String id = order.get("id").asString();
        var params = VnpayTestSigner.ipn(txnRef(id), 90_000, "00");

        // amount changed after signing: "97"
        String signed = VnpayTestSigner.signedQuery(params);
        assertThat(rspCode(service()
                        .get(
                                "/api/v1/payments/vnpay/ipn?" + signed.replace("vnp_Amount=9000000", "vnp_Amount=100"),
                                null)))
                .isEqualTo("97");
        // signed with another secret: "97"
        assertThat(rspCode(service()
                        .get(
                                "/api/v1/payments/vnpay/ipn?"
                                        + VnpayTestSigner.signedQuery(params, "someone-elses-secret-123456"),
                                null)))
                .isEqualTo("97");
        // no signature at all: "97"
        assertThat(rspCode(service().get("/api/v1/payments/vnpay/ipn?" + VnpayTestSigner.query(params), null)))
                .isEqualTo("97");
        // correctly signed, but not the order's amount: "04"
        assertThat(rspCode(service()
                        .get(
                                "/api/v1/payments/vnpay/ipn?"
                                        + VnpayTestSigner.signedQuery(VnpayTestSigner.ipn(txnRef(id), 1_000, "00")),
                                null)))
                .isEqualTo("04");
        // correctly signed, no such order: "01"
        assertThat(rspCode(service()
                        .get(
                                "/api/v1/payments/vnpay/ipn?"
                                        + VnpayTestSigner.signedQuery(VnpayTestSigner.ipn(
                                                txnRef(UUID.randomUUID().toString()), 90_000, "00")),
                                null)))
                .isEqualTo("01");

        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(outbox(id, "vn.egov.payment.succeeded.v1")).isZero();
        assertThat(outbox(id, "vn.egov.payment.failed.v1")).isZero();

        assertThat(rspCode(service().get("/api/v1/payments/vnpay/ipn?" + signed, null)))
                .isEqualTo("00");
        assertThat(status(id)).isEqualTo("SUCCEEDED");
    }

    @Test
    void receiptNumbersFollowEachOtherWithoutGaps() {
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = createOrder(10_000 + i).get("id").asString();
            assertThat(rspCode(service()
                            .get(
                                    "/api/v1/payments/vnpay/ipn?"
                                            + VnpayTestSigner.signedQuery(
                                                    VnpayTestSigner.ipn(txnRef(id), 10_000 + i, "00")),
                                    null)))
                    .isEqualTo("00");
            String receipt = jdbc.sql("select receipt_number from payment_order where id = ?::uuid")
                    .param(id)
                    .query(String.class)
                    .single();
            assertThat(receipt).startsWith(AGENCY + "/");
            numbers.add(Long.parseLong(receipt.substring(receipt.lastIndexOf('/') + 1)));
        }
        assertThat(numbers.get(1)).isEqualTo(numbers.get(0) + 1);
        assertThat(numbers.get(2)).isEqualTo(numbers.get(1) + 1);
    }

    // ---- expiry and lost IPNs ----

    @Test
    void unpaidOrdersExpire() {
        String id = createOrder(25_000).get("id").asString();
        String fresh = createOrder(26_000).get("id").asString();
        // its payment window closed an hour ago, well past the grace period; the gateway never saw it
        jdbc.sql("update payment_order set expires_at = now() - interval '1 hour' where id = ?::uuid")
                .param(id)
                .update();

        assertThat(sweeper.sweep().expired()).isGreaterThanOrEqualTo(1);

        assertThat(status(id)).isEqualTo("EXPIRED");
        assertThat(status(fresh)).isEqualTo("PENDING");
        assertThat(outbox(id, "vn.egov.payment.expired.v1")).isEqualTo(1);
        // a declined result arriving late is simply already settled
        assertThat(rspCode(service()
                        .get(
                                "/api/v1/payments/vnpay/ipn?"
                                        + VnpayTestSigner.signedQuery(VnpayTestSigner.ipn(txnRef(id), 25_000, "24")),
                                null)))
                .isEqualTo("02");
        assertThat(status(id)).isEqualTo("EXPIRED");
        sweeper.sweep();
        assertThat(outbox(id, "vn.egov.payment.expired.v1")).isEqualTo(1);
    }

    @Test
    void aCitizenWhoLeavesTheGatewaysPageLetsTheOrderExpire() throws Exception {
        JsonNode order = createOrder(27_000);
        String id = order.get("id").asString();
        openThePayPage(order);

        HttpResponse<String> left = clickOnThePage(txnRef(id), "expire");

        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(gateway.deliveries()).noneMatch(d -> d.txnRef().equals(txnRef(id)));
        assertThat(status(id)).isEqualTo("PENDING");
        // the IPN is overdue and the window (and its grace) closed: the sweeper asks the gateway, which
        // answers "not paid" (vnp_TransactionStatus 01), so the order expires
        jdbc.sql("update payment_order set created_at = now() - interval '2 hours', "
                        + "expires_at = now() - interval '1 hour' where id = ?::uuid")
                .param(id)
                .update();

        assertThat(sweeper.sweep().expired()).isGreaterThanOrEqualTo(1);

        assertThat(status(id)).isEqualTo("EXPIRED");
        assertThat(outbox(id, "vn.egov.payment.expired.v1")).isEqualTo(1);
        assertThat(outbox(id, "vn.egov.payment.succeeded.v1")).isZero();
        HttpResponse<String> atTheGateway = browser.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + gateway.port() + "/paymentv2/status?vnp_TxnRef=" + txnRef(id)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json(atTheGateway).read("$", Map.class))
                .containsEntry("state", "ABANDONED")
                .containsEntry("vnp_TransactionNo", null);
    }

    // ---- late payments: the gateway took the money after the order stopped accepting it ----

    @Test
    void aPaymentMadeAfterTheDossierWasWithdrawnIsRecordedAndRefundedInFull() throws Exception {
        gateway.duplicateIpns(2);
        String code = uniqueDossierCode();
        JsonNode order = createOrderFor(code, 45_000);
        String id = order.get("id").asString();
        openThePayPage(order);
        // the citizen withdraws the dossier while the gateway's page is still open …
        String withdrawn = UUID.randomUUID().toString();
        produceDossierEvent(
                code,
                dossierCloudEvent(
                        withdrawn,
                        DossierLifecycleEventV1.WITHDRAWN,
                        code,
                        "1.001234",
                        "AWAITING_PAYMENT",
                        "WITHDRAWN",
                        "withdraw"));
        awaitHandled(withdrawn);
        assertThat(status(id)).isEqualTo("CANCELLED");

        // … and pays on it at the last second
        assertThat(clickOnThePage(txnRef(id), "pay").statusCode()).isEqualTo(302);

        // the IPN is confirmed (the result is recorded), its repeats are already confirmed
        assertThat(gateway.deliveries())
                .filteredOn(d -> d.txnRef().equals(txnRef(id)))
                .extracting(PaymentGatewaySimulator.IpnDelivery::rspCode)
                .containsExactly("00", "02", "02");
        assertThat(status(id)).isEqualTo("LATE_PAID");
        String receipt = jdbc.sql("select receipt_number from payment_order where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
        // in the dossier's agency's own series (decision 36)
        assertThat(receipt).matches(Pattern.quote(AGENCY) + "/20\\d\\d/\\d{6}");
        assertThat(outbox(id, "vn.egov.payment.late-paid.v1")).isEqualTo(1);
        assertThat(outbox(id, "vn.egov.payment.succeeded.v1")).isZero();
        String refundId = jdbc.sql(
                        "select id::text from payment_refund where payment_id = ?::uuid and status = 'REQUESTED'"
                                + " and amount_vnd = 45000 and requested_by = 'SYSTEM'")
                .param(id)
                .query(String.class)
                .single();

        // the refund is made by the retry sweeper, outside the IPN: in full, once
        refundRetries.retry();

        assertThat(status(id)).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("select status from payment_refund where id = ?::uuid")
                        .param(refundId)
                        .query(String.class)
                        .single())
                .isEqualTo("SUCCEEDED");
        assertThat(jdbc.sql("select refunded_vnd from payment_order where id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(45_000L);
        assertThat(gateway.refundedVnd(txnRef(id))).isEqualTo(45_000L);
        assertThat(outbox(id, "vn.egov.payment.refunded.v1")).isEqualTo(1);
        refundRetries.retry();
        assertThat(gateway.refundedVnd(txnRef(id))).isEqualTo(45_000L);
        // the gateway's result again: already confirmed, nothing more
        assertThat(rspCode(service()
                        .get(
                                "/api/v1/payments/vnpay/ipn?"
                                        + VnpayTestSigner.signedQuery(VnpayTestSigner.ipn(txnRef(id), 45_000, "00")),
                                null)))
                .isEqualTo("02");
        assertThat(outbox(id, "vn.egov.payment.late-paid.v1")).isEqualTo(1);
        // the receipt of the money received exists, and both events reach the topic
        assertThat(service()
                        .get("/api/v1/payments/" + id + "/receipt", payerToken())
                        .statusCode())
                .isEqualTo(200);
        var records = ServiceConformance.readTopic(
                RealInfrastructure.kafkaBootstrapServers(), EventTopics.PAYMENT, refundId, Duration.ofSeconds(60));
        assertThat(records).isNotEmpty().allSatisfy(r -> {
            JsonNode event = json.readTree(r.value());
            assertThat(event.get("type").asString())
                    .isIn("vn.egov.payment.late-paid.v1", "vn.egov.payment.refunded.v1");
            assertThat(event.get("data").get("payerSubject").asString()).isEqualTo(PAYER);
        });
    }

    @Test
    void aPaymentConfirmedAfterTheOrderExpiredIsRefundedNotAcceptedOrDropped() throws Exception {
        JsonNode order = createOrder(52_000);
        String id = order.get("id").asString();
        openThePayPage(order);
        // our side closed the order (its window and grace passed by our clock; the gateway had no payment) …
        jdbc.sql("update payment_order set created_at = now() - interval '2 hours', "
                        + "expires_at = now() - interval '1 hour' where id = ?::uuid")
                .param(id)
                .update();
        sweeper.sweep();
        assertThat(status(id)).isEqualTo("EXPIRED");

        // … while the gateway still took the citizen's money
        assertThat(clickOnThePage(txnRef(id), "pay").statusCode()).isEqualTo(302);

        assertThat(gateway.deliveries())
                .filteredOn(d -> d.txnRef().equals(txnRef(id)))
                .extracting(PaymentGatewaySimulator.IpnDelivery::rspCode)
                .containsExactly("00");
        assertThat(status(id)).isEqualTo("LATE_PAID");
        assertThat(outbox(id, "vn.egov.payment.succeeded.v1")).isZero();
        // an officer cannot keep part of it: only the whole amount goes back (here it is already reserved)
        String officer = issuer.staff("canbo.hoantien", "OFFICER", AGENCY);
        assertProblem(
                service()
                        .post("/api/v1/payments/" + id + "/refunds", officer, refund(10_000), "Idempotency-Key", key()),
                422,
                "refund-exceeds-paid");

        refundRetries.retry();

        assertThat(status(id)).isEqualTo("REFUNDED");
        assertThat(gateway.refundedVnd(txnRef(id))).isEqualTo(52_000L);
        assertThat(outbox(id, "vn.egov.payment.refunded.v1")).isEqualTo(1);
    }

    @Test
    void aLatePaymentWhoseRefundTheGatewayRefusesIsRefundedByAnOfficerInFullOnly() throws Exception {
        JsonNode order = createOrder(33_000);
        String id = order.get("id").asString();
        openThePayPage(order);
        jdbc.sql("update payment_order set created_at = now() - interval '2 hours', "
                        + "expires_at = now() - interval '1 hour' where id = ?::uuid")
                .param(id)
                .update();
        sweeper.sweep();
        clickOnThePage(txnRef(id), "pay");
        assertThat(status(id)).isEqualTo("LATE_PAID");
        gateway.refuseRefunds(true);

        refundRetries.retry();

        assertThat(status(id)).isEqualTo("LATE_PAID");
        assertThat(jdbc.sql("select status from payment_refund where payment_id = ?::uuid")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED");
        gateway.refuseRefunds(false);
        String officer = issuer.staff("canbo.hoantien", "OFFICER", AGENCY);
        String path = "/api/v1/payments/" + id + "/refunds";
        assertProblem(
                service().post(path, officer, refund(10_000), "Idempotency-Key", key()), 422, "refund-must-be-full");
        HttpResponse<String> whole = service().post(path, officer, refund(33_000), "Idempotency-Key", key());
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(201);
        assertThat(status(id)).isEqualTo("REFUNDED");
        assertThat(gateway.refundedVnd(txnRef(id))).isEqualTo(33_000L);
    }

    @Test
    void aCancelledOrderPaidWithItsIpnLostIsFoundByTheSweeperAndRefunded() throws Exception {
        gateway.ipnEnabled(false);
        String code = uniqueDossierCode();
        JsonNode paidOrder = createOrderFor(code, 47_000);
        String id = paidOrder.get("id").asString();
        // a second order of the same dossier (e.g. after an expired one), never paid
        JsonNode unpaidOrder = createOrderFor(code, 48_000);
        String unpaid = unpaidOrder.get("id").asString();
        openThePayPage(paidOrder);
        openThePayPage(unpaidOrder);
        String withdrawn = UUID.randomUUID().toString();
        produceDossierEvent(
                code,
                dossierCloudEvent(
                        withdrawn,
                        DossierLifecycleEventV1.WITHDRAWN,
                        code,
                        "1.001234",
                        "AWAITING_PAYMENT",
                        "WITHDRAWN",
                        "withdraw"));
        awaitHandled(withdrawn);
        assertThat(status(unpaid)).isEqualTo("CANCELLED");
        clickOnThePage(txnRef(id), "pay");
        assertThat(status(id)).isEqualTo("CANCELLED");
        sweeper.sweep();
        assertThat(status(id)).as("not asked before the window closes").isEqualTo("CANCELLED");

        // the pay pages' windows (and the grace) have closed: the gateway is asked once about each
        jdbc.sql("update payment_order set expires_at = now() - interval '1 hour' where id in (?::uuid, ?::uuid)")
                .params(id, unpaid)
                .update();
        assertThat(sweeper.sweep().latePaid()).isGreaterThanOrEqualTo(1);

        assertThat(status(id)).isEqualTo("LATE_PAID");
        assertThat(outbox(id, "vn.egov.payment.late-paid.v1")).isEqualTo(1);
        assertThat(status(unpaid)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select gateway_checked_at is not null from payment_order where id = ?::uuid")
                        .param(unpaid)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        sweeper.sweep();
        assertThat(outbox(id, "vn.egov.payment.late-paid.v1")).isEqualTo(1);
        refundRetries.retry();
        assertThat(status(id)).isEqualTo("REFUNDED");
        assertThat(gateway.refundedVnd(txnRef(id))).isEqualTo(47_000L);
    }

    @Test
    void aPaymentWhoseIpnWasLostIsSettledFromTheGatewaysRecordNotExpired() throws Exception {
        gateway.ipnEnabled(false);
        JsonNode order = createOrder(180_000);
        String id = order.get("id").asString();
        browser.send(
                HttpRequest.newBuilder(URI.create(order.get("paymentUrl").asString()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(clickOnThePage(txnRef(id), "pay").statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("PENDING");
        // the IPN is overdue, and even the payment window (and its grace) is long gone
        jdbc.sql("update payment_order set created_at = now() - interval '2 hours', "
                        + "expires_at = now() - interval '1 hour' where id = ?::uuid")
                .param(id)
                .update();

        assertThat(sweeper.sweep().succeeded()).isGreaterThanOrEqualTo(1);

        assertThat(status(id)).isEqualTo("SUCCEEDED");
        assertThat(outbox(id, "vn.egov.payment.succeeded.v1")).isEqualTo(1);
        assertThat(outbox(id, "vn.egov.payment.expired.v1")).isZero();
        assertThat(jdbc.sql("select receipt_number from payment_order where id = ?::uuid")
                        .param(id)
                        .query(String.class)
                        .single())
                .matches(Pattern.quote(AGENCY) + "/20\\d\\d/\\d{6}");
        // the IPN arriving at last changes nothing
        assertThat(rspCode(service()
                        .get(
                                "/api/v1/payments/vnpay/ipn?"
                                        + VnpayTestSigner.signedQuery(VnpayTestSigner.ipn(txnRef(id), 180_000, "00")),
                                null)))
                .isEqualTo("02");
        assertThat(outbox(id, "vn.egov.payment.succeeded.v1")).isEqualTo(1);
    }

    @Test
    void aDeclineWhoseIpnWasLostFailsTheOrder() throws Exception {
        gateway.ipnEnabled(false);
        JsonNode order = createOrder(35_000);
        String id = order.get("id").asString();
        browser.send(
                HttpRequest.newBuilder(URI.create(order.get("paymentUrl").asString()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        clickOnThePage(txnRef(id), "decline");
        jdbc.sql("update payment_order set created_at = now() - interval '30 minutes' where id = ?::uuid")
                .param(id)
                .update();

        sweeper.sweep();

        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(outbox(id, "vn.egov.payment.failed.v1")).isEqualTo(1);
    }

    // ---- refunds ----

    @Test
    void refundsNeverExceedWhatWasPaid() throws Exception {
        String id = paidThroughTheGateway(100_000);
        String officer = issuer.staff("canbo.hoantien", "OFFICER", AGENCY);
        String path = "/api/v1/payments/" + id + "/refunds";

        assertProblem(service().post(path, payerToken(), refund(10_000), "Idempotency-Key", key()), 403, "forbidden");
        assertProblem(
                service()
                        .post(
                                path,
                                issuer.staff("canbo.khac", "OFFICER", "000.00.01.H26"),
                                refund(10_000),
                                "Idempotency-Key",
                                key()),
                404,
                "payment-not-found");

        String key = key();
        HttpResponse<String> first = service().post(path, officer, refund(60_000), "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json.readTree(first.body()).get("paymentStatus").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(json.readTree(first.body()).get("refundStatus").asString()).isEqualTo("SUCCEEDED");
        assertThat(json.readTree(first.body()).get("remainingVnd").asLong()).isEqualTo(40_000L);
        HttpResponse<String> replay = service().post(path, officer, refund(60_000), "Idempotency-Key", key);
        assertThat(json.readTree(replay.body()).get("refundId").asString())
                .isEqualTo(json.readTree(first.body()).get("refundId").asString());
        assertProblem(
                service().post(path, officer, refund(5_000), "Idempotency-Key", key), 409, "idempotency-key-reused");

        assertProblem(
                service().post(path, officer, refund(40_001), "Idempotency-Key", key()), 422, "refund-exceeds-paid");
        HttpResponse<String> rest = service().post(path, officer, refund(40_000), "Idempotency-Key", key());
        assertThat(json.readTree(rest.body()).get("paymentStatus").asString()).isEqualTo("REFUNDED");
        assertProblem(
                service().post(path, officer, refund(1), "Idempotency-Key", key()), 409, "payment-not-refundable");

        assertThat(outbox(id, "vn.egov.payment.refunded.v1")).isEqualTo(2);
        assertThat(jdbc.sql("select payload from outbox_event where event_key = ? and event_type = ?")
                        .params(id, "vn.egov.payment.refunded.v1")
                        .query(String.class)
                        .list())
                .as("each refund names the payer who is refunded")
                .hasSize(2)
                .allSatisfy(p -> assertThat(
                                json.readTree(p).get("data").get("payerSubject").asString())
                        .isEqualTo(PAYER));
        assertThat(jdbc.sql("select refunded_vnd from payment_order where id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(100_000L);
    }

    @Test
    void concurrentRefundsStillStayWithinThePaidAmount() throws Exception {
        String id = paidThroughTheGateway(100_000);
        String officer = issuer.staff("canbo.hoantien", "OFFICER", AGENCY);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return service()
                        .post("/api/v1/payments/" + id + "/refunds", officer, refund(30_000), "Idempotency-Key", key())
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : statuses) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).filteredOn(c -> c == 201).hasSize(3);
        assertThat(codes).filteredOn(c -> c == 422).hasSize(3);
        assertThat(jdbc.sql(
                                "select sum(amount_vnd) from payment_refund where payment_id = ?::uuid and status = 'SUCCEEDED'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(90_000L);
        assertThat(jdbc.sql("select refunded_vnd from payment_order where id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(90_000L);
        assertThat(outbox(id, "vn.egov.payment.refunded.v1")).isEqualTo(3);
    }

    @Test
    void aRefundTheGatewayRefusesChangesNothingAndFreesItsAmount() throws Exception {
        String id = paidThroughTheGateway(50_000);
        String officer = issuer.staff("canbo.hoantien", "OFFICER", AGENCY);
        gateway.refuseRefunds(true);
        assertProblem(
                service()
                        .post("/api/v1/payments/" + id + "/refunds", officer, refund(50_000), "Idempotency-Key", key()),
                502,
                "refund-refused-by-gateway");
        assertThat(status(id)).isEqualTo("SUCCEEDED");
        assertThat(outbox(id, "vn.egov.payment.refunded.v1")).isZero();
        assertThat(jdbc.sql("select status from payment_refund where payment_id = ?::uuid")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED");

        gateway.refuseRefunds(false);
        HttpResponse<String> again = service()
                .post("/api/v1/payments/" + id + "/refunds", officer, refund(50_000), "Idempotency-Key", key());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(status(id)).isEqualTo("REFUNDED");
    }

    @Test
    void aRefundTheGatewayDidNotAnswerIsRetriedWithBackoffAndNeverMadeTwice() throws Exception {
        String id = paidThroughTheGateway(100_000);
        String officer = issuer.staff("canbo.hoantien", "OFFICER", AGENCY);
        gateway.refundsUnavailable(true);

        HttpResponse<String> accepted = service()
                .post("/api/v1/payments/" + id + "/refunds", officer, refund(70_000), "Idempotency-Key", key());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String refundId = json.readTree(accepted.body()).get("refundId").asString();
        assertThat(json.readTree(accepted.body()).get("refundStatus").asString())
                .isEqualTo("REQUESTED");
        // reserved: only 30 000 may still be asked for
        assertProblem(
                service()
                        .post("/api/v1/payments/" + id + "/refunds", officer, refund(30_001), "Idempotency-Key", key()),
                422,
                "refund-exceeds-paid");
        // not due before its first backoff has passed
        refundRetries.retry();
        assertThat(attempts(refundId)).isZero();

        // due: the gateway is still down, so it waits longer each time
        makeDue(refundId);
        Instant before = Instant.now();
        refundRetries.retry();
        Instant after = Instant.now();
        assertThat(attempts(refundId)).isEqualTo(1);
        assertThat(nextAttempt(refundId)).isBetween(before.plusSeconds(59), after.plusSeconds(61));
        assertThat(jdbc.sql("select last_error from payment_refund where id = ?::uuid")
                        .param(refundId)
                        .query(String.class)
                        .single())
                .contains("503");
        makeDue(refundId);
        before = Instant.now();
        refundRetries.retry();
        after = Instant.now();
        assertThat(attempts(refundId)).isEqualTo(2);
        assertThat(nextAttempt(refundId)).isBetween(before.plusSeconds(119), after.plusSeconds(121));
        assertThat(refundStatus(refundId)).isEqualTo("REQUESTED");
        assertThat(gateway.refundedVnd(txnRef(id))).isZero();

        // back up, but the answer to the refund it makes is lost: still REQUESTED here, refunded there
        gateway.refundsUnavailable(false);
        gateway.loseRefundAnswers(1);
        makeDue(refundId);
        refundRetries.retry();
        assertThat(refundStatus(refundId)).isEqualTo("REQUESTED");
        assertThat(gateway.refundedVnd(txnRef(id))).isEqualTo(70_000L);
        assertThat(status(id)).isEqualTo("SUCCEEDED");

        // asked again with the same request id: the gateway answers as before and refunds nothing more
        makeDue(refundId);
        refundRetries.retry();
        assertThat(refundStatus(refundId)).isEqualTo("SUCCEEDED");
        assertThat(gateway.refundedVnd(txnRef(id))).isEqualTo(70_000L);
        assertThat(status(id)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(jdbc.sql("select refunded_vnd from payment_order where id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(70_000L);
        assertThat(outbox(id, "vn.egov.payment.refunded.v1")).isEqualTo(1);
        makeDue(refundId);
        refundRetries.retry();
        assertThat(outbox(id, "vn.egov.payment.refunded.v1")).isEqualTo(1);
        // the rest, and not a dong more
        assertThat(service()
                        .post("/api/v1/payments/" + id + "/refunds", officer, refund(30_000), "Idempotency-Key", key())
                        .statusCode())
                .isEqualTo(201);
        assertThat(status(id)).isEqualTo("REFUNDED");
        assertThat(gateway.refundedVnd(txnRef(id))).isEqualTo(100_000L);
    }

    int attempts(String refundId) {
        return jdbc.sql("select attempts from payment_refund where id = ?::uuid")
                .param(refundId)
                .query(Integer.class)
                .single();
    }

    String refundStatus(String refundId) {
        return jdbc.sql("select status from payment_refund where id = ?::uuid")
                .param(refundId)
                .query(String.class)
                .single();
    }

    Instant nextAttempt(String refundId) {
        return jdbc.sql("select next_attempt_at from payment_refund where id = ?::uuid")
                .param(refundId)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    void makeDue(String refundId) {
        jdbc.sql("update payment_refund set next_attempt_at = now() - interval '1 second' where id = ?::uuid")
                .param(refundId)
                .update();
    }

    // ---- automatic refunds from dossier events ----

    @Test
    void aDossierRejectedBeforeProcessingIsRefundedOnceFromItsEvent() throws Exception {
        String code = uniqueDossierCode();
        String id = paidThroughTheGateway(code, 80_000);

        String eventId = UUID.randomUUID().toString();
        String event = dossierCloudEvent(
                eventId, DossierLifecycleEventV1.REJECTED, code, "1.001234", "SUBMITTED", "REJECTED", "reject");
        produceDossierEvent(code, event);
        awaitHandled(eventId);

        assertThat(status(id)).isEqualTo("REFUNDED");
        assertThat(jdbc.sql(
                                "select count(*) from payment_refund where payment_id = ?::uuid and status = 'SUCCEEDED'"
                                        + " and amount_vnd = 80000 and requested_by = 'SYSTEM' and reason = 'Hồ sơ bị từ chối trước khi xử lý'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(outbox(id, "vn.egov.payment.refunded.v1")).isEqualTo(1);

        // the same event again (a redelivery), then a later one with the same key: read after it
        produceDossierEvent(code, event);
        String later = UUID.randomUUID().toString();
        produceDossierEvent(
                code,
                dossierCloudEvent(
                        later,
                        DossierLifecycleEventV1.REJECTED,
                        code,
                        "1.001234",
                        "IN_PROCESSING",
                        "REJECTED",
                        "reject"));
        awaitHandled(later);
        assertThat(jdbc.sql("select count(*) from payment_refund where payment_id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(outbox(id, "vn.egov.payment.refunded.v1")).isEqualTo(1);
        assertThat(jdbc.sql("select refunded_vnd from payment_order where id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(80_000L);
    }

    @Test
    void aWithdrawnDossierIsRefundedAndAnUnpaidOrderCancelled() throws Exception {
        String code = uniqueDossierCode();
        String id = paidThroughTheGateway(code, 30_000);
        String eventId = UUID.randomUUID().toString();
        produceDossierEvent(
                code,
                dossierCloudEvent(
                        eventId,
                        DossierLifecycleEventV1.WITHDRAWN,
                        code,
                        "1.001234",
                        "SUBMITTED",
                        "WITHDRAWN",
                        "withdraw"));
        awaitHandled(eventId);
        assertThat(status(id)).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("select reason from payment_refund where payment_id = ?::uuid")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Công dân rút hồ sơ");

        String unpaidCode = uniqueDossierCode();
        String unpaid = createOrderFor(unpaidCode, 20_000).get("id").asString();
        String withdrawn = UUID.randomUUID().toString();
        produceDossierEvent(
                unpaidCode,
                dossierCloudEvent(
                        withdrawn,
                        DossierLifecycleEventV1.WITHDRAWN,
                        unpaidCode,
                        "1.001234",
                        "AWAITING_PAYMENT",
                        "WITHDRAWN",
                        "withdraw"));
        awaitHandled(withdrawn);
        assertThat(status(unpaid)).isEqualTo("CANCELLED");
        assertThat(outbox(unpaid, "vn.egov.payment.cancelled.v1")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from payment_refund where payment_id = ?::uuid")
                        .param(unpaid)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void noAutomaticRefundAfterProcessingBeganOrForAnExcludedProcedure() throws Exception {
        String processed = uniqueDossierCode();
        String processedId = paidThroughTheGateway(processed, 40_000);
        String fromProcessing = UUID.randomUUID().toString();
        produceDossierEvent(
                processed,
                dossierCloudEvent(
                        fromProcessing,
                        DossierLifecycleEventV1.REJECTED,
                        processed,
                        "1.001234",
                        "IN_PROCESSING",
                        "REJECTED",
                        "reject"));
        awaitHandled(fromProcessing);

        String excluded = uniqueDossierCode();
        String excludedId = paidThroughTheGateway(excluded, 40_000);
        String ofExcluded = UUID.randomUUID().toString();
        produceDossierEvent(
                excluded,
                dossierCloudEvent(
                        ofExcluded,
                        DossierLifecycleEventV1.REJECTED,
                        excluded,
                        EXCLUDED_PROCEDURE,
                        "SUBMITTED",
                        "REJECTED",
                        "reject"));
        awaitHandled(ofExcluded);

        for (String id : List.of(processedId, excludedId)) {
            assertThat(status(id)).isEqualTo("SUCCEEDED");
            assertThat(jdbc.sql("select count(*) from payment_refund where payment_id = ?::uuid")
                            .param(id)
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(outbox(id, "vn.egov.payment.refunded.v1")).isZero();
        }
    }

    String paidThroughTheGateway(long amount) throws Exception {
        return paidThroughTheGateway(dossierCode(), amount);
    }

    String paidThroughTheGateway(String dossierCode, long amount) throws Exception {
        JsonNode order = createOrderFor(dossierCode, amount);
        String id = order.get("id").asString();
        browser.send(
                HttpRequest.newBuilder(URI.create(order.get("paymentUrl").asString()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(clickOnThePage(txnRef(id), "pay").statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("SUCCEEDED");
        return id;
    }

    /**
     * Issue 20: the dossier-events listener dead-letters what it cannot read (not JSON, not a CloudEvent, not
     * UTF-8, a tombstone, a withdrawal without its dossier, a record too large to copy with the dead-letter
     * headers) and handles the next event of the same partition.
     */
    @Test
    void theDossierEventsListenerDeadLettersMalformedAndOversizedRecordsAndGoesOn() {
        String code = dossierCode();
        List<PoisonRecords.Poison> poisons = new ArrayList<>(PoisonRecords.malformed(code));
        poisons.add(PoisonRecords.cloudEvent(
                "a withdrawal without its dossier",
                DossierLifecycleEventV1.WITHDRAWN,
                code,
                "{\"fromStatus\":\"SUBMITTED\",\"toStatus\":\"WITHDRAWN\",\"feeVnd\":80000}"));
        poisons.add(PoisonRecords.cloudEvent(
                "a rejection whose data is a list", DossierLifecycleEventV1.REJECTED, code, "[\"" + code + "\"]"));
        poisons.add(PoisonRecords.oversized(code));
        // a withdrawal of a dossier with no order here: handled, nothing to refund or cancel
        String validId = UUID.randomUUID().toString();
        PoisonRecords.Poison valid = new PoisonRecords.Poison(
                "valid",
                dossierCloudEvent(
                                validId,
                                DossierLifecycleEventV1.WITHDRAWN,
                                code,
                                "1.000001",
                                "SUBMITTED",
                                "WITHDRAWN",
                                "withdraw")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        PoisonRecords.proveDeadLetteredAndGoneOn(
                RealInfrastructure.kafkaBootstrapServers(),
                EventTopics.DOSSIER,
                "payment-service",
                code,
                poisons,
                valid);
        assertThat(jdbc.sql(
                                "select count(*) from processed_event where consumer = 'payment-service.dossier-events' and event_id = ?")
                        .param(validId)
                        .query(Long.class)
                        .single())
                .as("the valid event handled")
                .isEqualTo(1);
    }

    // ---- reconciliation ----

    @Test
    void aSettlementFileWithOneMissingOneExtraAndOneMismatchedLineIsReportedExactly() {
        String agency = "RC." + UUID.randomUUID();
        String matched = paidOrder(agency, 11_000);
        String mismatched = paidOrder(agency, 12_000);
        String absentFromFile = paidOrder(agency, 13_000);
        String stillOpen = createOrder(agency, 14_000).get("id").asString();
        String unknown = txnRef(UUID.randomUUID().toString());
        String csv = "tmn_code,txn_ref,transaction_no,amount_vnd,pay_date,bank_code\n"
                + "EGOVDEV1," + txnRef(matched) + ",14000101,11000,20261122103512,NCB\n"
                + "EGOVDEV1," + txnRef(mismatched) + ",14000102,12500,20261122103512,NCB\n"
                + "EGOVDEV1," + unknown + ",14000103,9000,20261122103512,NCB\n"
                // settled by the gateway, never confirmed to us: the order is still open here
                + "EGOVDEV1," + txnRef(stillOpen) + ",14000104,14000,20261122103512,NCB\n";
        String admin = issuer.staff("quantri." + agency, "AGENCY_ADMIN", agency);
        String key = key();

        HttpResponse<String> created = upload(admin, csv, "2026-11-22", key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode report = json.readTree(created.body());
        assertThat(report.get("settlementDate").asString()).isEqualTo("2026-11-22");
        assertThat(report.get("matched").asInt()).isEqualTo(1);
        assertThat(report.get("missingOnOurSide").asInt()).isEqualTo(2);
        assertThat(report.get("missingOnTheirSide").asInt()).isEqualTo(1);
        assertThat(report.get("amountMismatches").asInt()).isEqualTo(1);
        Map<String, List<String>> byKind = new java.util.TreeMap<>();
        report.get("discrepancies")
                .forEach(d -> byKind.computeIfAbsent(d.get("kind").asString(), k -> new ArrayList<>())
                        .add(d.get("txnRef").asString()));
        assertThat(byKind).containsOnlyKeys("MISSING_ON_OUR_SIDE", "MISSING_ON_THEIR_SIDE", "AMOUNT_MISMATCH");
        assertThat(byKind.get("MISSING_ON_OUR_SIDE")).containsExactlyInAnyOrder(unknown, txnRef(stillOpen));
        assertThat(byKind.get("MISSING_ON_THEIR_SIDE")).containsExactly(txnRef(absentFromFile));
        assertThat(byKind.get("AMOUNT_MISMATCH")).containsExactly(txnRef(mismatched));

        // kept, listable, and the same upload again is the same report
        String id = report.get("id").asString();
        assertThat(json.readTree(upload(admin, csv, "2026-11-22", key).body())
                        .get("id")
                        .asString())
                .isEqualTo(id);
        assertProblem(
                upload(admin, csv + "EGOVDEV1,x1,1,1,20261122103512,NCB\n", "2026-11-22", key),
                409,
                "idempotency-key-reused");
        assertThat(json(service().get("/api/v1/payments/reconciliations", admin))
                        .read("$.items[*].id", List.class))
                .contains(id);
        assertThat(json.readTree(service()
                                .get("/api/v1/payments/reconciliations/" + id, admin)
                                .body())
                        .get("amountMismatches")
                        .asInt())
                .isEqualTo(1);
        assertProblem(
                service()
                        .get(
                                "/api/v1/payments/reconciliations/" + id,
                                issuer.staff("quantri.khac", "AGENCY_ADMIN", "000.00.01.H26")),
                404,
                "reconciliation-not-found");
        assertProblem(upload(issuer.staff("canbo.x", "OFFICER", agency), csv, "2026-11-22", key()), 403, "forbidden");
        assertProblem(upload(admin, "txn_ref,amount_vnd\nabc,1\n", null, key()), 400, "settlement-file-invalid");
    }

    @Test
    void theSimulatorsOwnSettlementFileMatchesWhatWasPaidThroughIt() throws Exception {
        String agency = "RC." + UUID.randomUUID();
        JsonNode order = createOrder(agency, 66_000);
        String id = order.get("id").asString();
        browser.send(
                HttpRequest.newBuilder(URI.create(order.get("paymentUrl").asString()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        clickOnThePage(txnRef(id), "pay");
        String csv = browser.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + gateway.port() + "/paymentv2/settlement"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(csv).contains(txnRef(id) + ",");

        HttpResponse<String> created =
                upload(issuer.staff("quantri." + agency, "AGENCY_ADMIN", agency), csv, null, key());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode report = json.readTree(created.body());
        assertThat(report.get("matched").asInt()).isEqualTo(1);
        assertThat(report.get("discrepancies")).isEmpty();
    }

    HttpResponse<String> upload(String token, String csv, String date, String key) {
        String boundary = "----egov" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        if (date != null) {
            body.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"date\"\r\n\r\n")
                    .append(date)
                    .append("\r\n");
        }
        body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"settlement.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n")
                .append(csv)
                .append("\r\n--")
                .append(boundary)
                .append("--\r\n");
        try {
            return browser.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/payments/reconciliations"))
                            .header("Authorization", "Bearer " + token)
                            .header("Idempotency-Key", key)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---- helpers ----

    JsonNode createOrderFor(String dossierCode, long amount) {
        HttpResponse<String> created = service()
                .post(
                        "/api/v1/payments",
                        dossierService,
                        orderJson(AGENCY, dossierCode, amount),
                        "Idempotency-Key",
                        key());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    /** A dossier event as dossier-service's outbox relay puts it on the topic (structured CloudEvent). */
    String dossierCloudEvent(
            String eventId,
            String type,
            String code,
            String procedureCode,
            String fromStatus,
            String toStatus,
            String action) {
        DossierLifecycleEventV1 data = new DossierLifecycleEventV1(
                code,
                procedureCode,
                "Thủ tục thử",
                AGENCY,
                "Sở Tư pháp",
                PAYER,
                null,
                DossierStatus.fromWire(fromStatus),
                DossierStatus.fromWire(toStatus),
                action,
                "actor-1",
                "withdraw".equals(action) ? "CITIZEN" : "OFFICER",
                "Hồ sơ không hợp lệ",
                LocalDate.of(2026, 12, 15),
                List.of(),
                80_000L,
                Instant.now(),
                null);
        return json.writeValueAsString(new CloudEvent(
                CloudEvent.SPEC_VERSION,
                eventId,
                "/dossier-service",
                type,
                code,
                Instant.now().toString(),
                "application/json",
                null,
                null,
                json.valueToTree(data)));
    }

    void produceDossierEvent(String key, String value) {
        try {
            kafka.send(EventTopics.DOSSIER, key, value).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + EventTopics.DOSSIER, e);
        }
    }

    /** Waits until payment-service has handled the (rejected/withdrawn) event. */
    void awaitHandled(String eventId) {
        await("event " + eventId + " handled")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql(
                                        "select count(*) from processed_event where consumer = 'payment-service.dossier-events'"
                                                + " and event_id = ?")
                                .param(eventId)
                                .query(Long.class)
                                .single()
                        > 0);
    }

    String uniqueDossierCode() {
        return AGENCY + "-261122-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String paidOrder(long amount) {
        return paidOrder(AGENCY, amount);
    }

    String paidOrder(String agency, long amount) {
        String id = createOrder(agency, amount).get("id").asString();
        assertThat(rspCode(service()
                        .get(
                                "/api/v1/payments/vnpay/ipn?"
                                        + VnpayTestSigner.signedQuery(VnpayTestSigner.ipn(txnRef(id), amount, "00")),
                                null)))
                .isEqualTo("00");
        return id;
    }

    JsonNode createOrder(long amount) {
        return createOrder(AGENCY, amount);
    }

    JsonNode createOrder(String agency, long amount) {
        HttpResponse<String> created = service()
                .post(
                        "/api/v1/payments",
                        dossierService,
                        orderJson(agency, dossierCode(), amount),
                        "Idempotency-Key",
                        key());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    void openThePayPage(JsonNode order) throws Exception {
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(order.get("paymentUrl").asString()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    }

    HttpResponse<String> clickOnThePage(String txnRef, String action) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/paymentv2/pay"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("txnRef=" + txnRef + "&action=" + action))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String orderJson(String dossierCode, long amount) {
        return orderJson(AGENCY, dossierCode, amount);
    }

    String orderJson(String agency, String dossierCode, long amount) {
        return json.writeValueAsString(Map.of(
                "dossierCode",
                dossierCode,
                "agencyCode",
                agency,
                "payerSubject",
                PAYER,
                "amountVnd",
                amount,
                "description",
                "Lệ phí hồ sơ " + dossierCode));
    }

    static String refund(long amount) {
        return "{\"amountVnd\":" + amount + ",\"reason\":\"Hồ sơ bị từ chối trước khi xử lý\"}";
    }

    String payerToken() {
        return issuer.token(c -> c.subject(PAYER).claim("realm_access", Map.of("roles", List.of("CITIZEN"))));
    }

    String rspCode(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("RspCode").asString();
    }

    long outbox(String subject, String type) {
        return jdbc.sql("select count(*) from outbox_event where event_key = ? and event_type = ?")
                .params(subject, type)
                .query(Long.class)
                .single();
    }

    String status(String id) {
        return jdbc.sql("select status from payment_order where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
    }

    static String txnRef(String id) {
        return id.replace("-", "");
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static String dossierCode() {
        return AGENCY + "-261122-" + (1000 + (int) (Math.random() * 8999));
    }
}

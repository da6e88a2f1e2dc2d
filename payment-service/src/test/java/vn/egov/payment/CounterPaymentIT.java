package vn.egov.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.events.CloudEvent;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.time.VietnamTime;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.contracts.dossier.DossierStatus;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;
import vn.egov.testsupport.TestIssuer;

/**
 * Issue 15's payment at the counter (decision 36) against real PostgreSQL and Kafka: an officer records a cash or
 * card payment of a dossier's fee, learnt from dossier-service's events (a walk-in dossier has no online order);
 * the receipt is numbered in the agency's own series, gap-free under concurrency; {@code succeeded.v1} goes out as
 * for an online payment; retries with the same key replay; refusals name their reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class CounterPaymentIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    KafkaTemplate<String, String> kafka;

    final TestIssuer issuer = TestIssuer.shared();

    ServiceConformance service() {
        return new ServiceConformance(port);
    }

    /** An agency of its own for each test, so its receipt series starts at 1 whatever ran before. */
    static String newAgency() {
        return "000.00." + UUID.randomUUID().toString().substring(0, 8) + ".T26";
    }

    static String newDossierCode(String agency) {
        return agency + "-261205-" + UUID.randomUUID().toString().substring(0, 6);
    }

    String officer(String agency) {
        return issuer.staff("motcua." + agency, "OFFICER", agency);
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static String year() {
        return String.valueOf(LocalDate.now(VietnamTime.ZONE).getYear());
    }

    /** A walk-in dossier received at the counter, as dossier-service publishes it; waits until payment-service knows it. */
    String walkIn(String agency, long feeVnd) {
        String code = newDossierCode(agency);
        dossierEvent(code, agency, DossierLifecycleEventV1.RECEIVED, DossierStatus.RECEIVED, feeVnd);
        awaitKnown(code, "RECEIVED");
        return code;
    }

    void dossierEvent(String code, String agency, String type, DossierStatus to, long feeVnd) {
        var data = new DossierLifecycleEventV1(
                code,
                "1.001193",
                "Đăng ký khai sinh",
                agency,
                "UBND phường Ba Đình",
                "walk-in:" + UUID.nameUUIDFromBytes(code.getBytes()),
                null,
                DossierStatus.SUBMITTED,
                to,
                "receive",
                "officer-1",
                "OFFICER",
                null,
                LocalDate.now(VietnamTime.ZONE).plusDays(5),
                List.of(),
                feeVnd,
                Instant.now(),
                null);
        String value = json.writeValueAsString(new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                "/dossier-service",
                type,
                code,
                Instant.now().toString(),
                "application/json",
                null,
                null,
                json.valueToTree(data)));
        try {
            kafka.send(EventTopics.DOSSIER, code, value).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + EventTopics.DOSSIER, e);
        }
    }

    void awaitKnown(String code, String status) {
        await("dossier " + code + " known as " + status)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from dossier_fee where dossier_code = ? and dossier_status = ?")
                                .params(code, status)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    HttpResponse<String> pay(String token, String body, String... headers) {
        return service().post("/api/v1/payments/counter", token, body, headers);
    }

    static String request(String code, String method) {
        return """
                {"dossierCode":"%s","method":"%s","payerName":"Trần Thị Bình"}""".formatted(code, method);
    }

    long paymentsOf(String code) {
        return jdbc.sql("select count(*) from payment_order where dossier_code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    @Test
    void anOfficerRecordsACashPaymentNumberedInTheAgencysSeriesAndTheFeeIsPaidAsOnline() {
        String agency = newAgency();
        String code = walkIn(agency, 150_000);
        String officer = officer(agency);
        String key = key();

        HttpResponse<String> paid = pay(officer, request(code, "CASH"), "Idempotency-Key", key);

        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        var body = json(paid);
        String id = body.read("$.id", String.class);
        assertThat(paid.headers().firstValue("Location")).contains("/api/v1/payments/" + id);
        assertThat(paid.headers().firstValue("Idempotent-Replayed")).contains("false");
        assertThat(body.read("$.dossierCode", String.class)).isEqualTo(code);
        assertThat(body.read("$.amount", Long.class)).isEqualTo(150_000L);
        assertThat(body.read("$.method", String.class)).isEqualTo("CASH");
        assertThat(body.read("$.status", String.class)).isEqualTo("SUCCEEDED");
        String receipt = body.read("$.receiptNumber", String.class);
        assertThat(receipt).isEqualTo(agency + "/" + year() + "/000001");
        assertThat(body.read("$.paidAt", String.class)).isNotBlank();

        // the officer is recorded on the payment: who collected it, for which agency, from whom
        Map<String, Object> row = jdbc.sql("""
                        select method, collected_by, collected_agency, payer_name, payer_subject, agency_code
                        from payment_order where id = ?::uuid""").param(id).query().singleRow();
        assertThat(row)
                .containsEntry("method", "CASH")
                .containsEntry(
                        "collected_by",
                        UUID.nameUUIDFromBytes(("motcua." + agency).getBytes()).toString())
                .containsEntry("collected_agency", agency)
                .containsEntry("payer_name", "Trần Thị Bình")
                .containsEntry("payer_subject", "walk-in:" + UUID.nameUUIDFromBytes(code.getBytes()))
                .containsEntry("agency_code", agency);

        // the same event as an online payment, so dossier-service and notification-service go on as after one
        var records = ServiceConformance.readTopic(
                RealInfrastructure.kafkaBootstrapServers(), EventTopics.PAYMENT, receipt, Duration.ofSeconds(60));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(id);
        JsonNode event = json.readTree(records.get(0).value());
        assertThat(event.get("type").asString()).isEqualTo("vn.egov.payment.succeeded.v1");
        assertThat(event.get("data").get("paymentId").asString()).isEqualTo(id);
        assertThat(event.get("data").get("dossierCode").asString()).isEqualTo(code);
        assertThat(event.get("data").get("agencyCode").asString()).isEqualTo(agency);
        assertThat(event.get("data").get("amountVnd").asLong()).isEqualTo(150_000L);
        assertThat(event.get("data").get("receiptNumber").asString()).isEqualTo(receipt);

        // the order as anyone allowed reads it says how it was paid
        assertThat(json(service().get("/api/v1/payments/" + id, officer)).read("$.method", String.class))
                .isEqualTo("CASH");

        // the receipt names the method and the collecting agency
        HttpResponse<String> shown = service().get("/api/v1/payments/" + id + "/receipt", officer);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        var r = json(shown);
        assertThat(r.read("$.receiptNumber", String.class)).isEqualTo(receipt);
        assertThat(r.read("$.method", String.class)).isEqualTo("CASH");
        assertThat(r.read("$.methodLabel", String.class)).isEqualTo("Tiền mặt");
        assertThat(r.read("$.collectingAgencyCode", String.class)).isEqualTo(agency);
        assertThat(r.read("$.collectingAgencyName", String.class)).isEqualTo("UBND phường Ba Đình");
        assertThat(r.read("$.payerName", String.class)).isEqualTo("Trần Thị Bình");
        HttpResponse<String> printable =
                service().get("/api/v1/payments/" + id + "/receipt", officer, "Accept", "text/html");
        assertThat(printable.body())
                .contains(receipt, "Tiền mặt", "UBND phường Ba Đình (" + agency + ")", "150.000 đồng", "Trần Thị Bình");

        // the same key again: the same payment, no second one, no second event
        HttpResponse<String> again = pay(officer, request(code, "CASH"), "Idempotency-Key", key);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json(again).read("$.id", String.class)).isEqualTo(id);
        assertThat(json(again).read("$.receiptNumber", String.class)).isEqualTo(receipt);
        assertThat(paymentsOf(code)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox_event where event_key = ? and event_type = ?")
                        .params(id, "vn.egov.payment.succeeded.v1")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertProblem(pay(officer, request(code, "CARD"), "Idempotency-Key", key), 409, "idempotency-key-reused");

        // another key: the fee is paid already
        assertProblem(pay(officer, request(code, "CARD"), "Idempotency-Key", key()), 409, "fee-already-paid");
        assertThat(paymentsOf(code)).isEqualTo(1);

        // money taken at the counter is not refunded through the gateway
        assertProblem(
                service()
                        .post(
                                "/api/v1/payments/" + id + "/refunds",
                                officer,
                                "{\"amountVnd\":150000,\"reason\":\"Nộp nhầm\"}",
                                "Idempotency-Key",
                                key()),
                409,
                "counter-payment-not-refundable-online");
    }

    @Test
    void aCardPaymentCancelsTheDossiersPendingOnlineOrderAndOnlineReceiptsUseTheAgencysSeriesToo() {
        String agency = newAgency();
        String code = newDossierCode(agency);
        // an online dossier awaiting payment, known here only by its order (no dossier event needed)
        HttpResponse<String> order = service()
                .post(
                        "/api/v1/payments",
                        issuer.client("dossier-service"),
                        json.writeValueAsString(Map.of(
                                "dossierCode",
                                code,
                                "agencyCode",
                                agency,
                                "payerSubject",
                                "citizen-" + UUID.randomUUID(),
                                "amountVnd",
                                80_000,
                                "description",
                                "Lệ phí hồ sơ " + code)),
                        "Idempotency-Key",
                        key());
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
        String online = json(order).read("$.id", String.class);

        HttpResponse<String> paid = pay(officer(agency), request(code, "CARD"), "Idempotency-Key", key());

        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        assertThat(json(paid).read("$.amount", Long.class)).isEqualTo(80_000L);
        assertThat(json(paid).read("$.method", String.class)).isEqualTo("CARD");
        assertThat(json(paid).read("$.receiptNumber", String.class)).isEqualTo(agency + "/" + year() + "/000001");
        // the online page can no longer pay it: money the gateway still takes on it is a late payment, refunded
        assertThat(jdbc.sql("select status from payment_order where id = ?::uuid")
                        .param(online)
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from outbox_event where event_key = ? and event_type = ?")
                        .params(online, "vn.egov.payment.cancelled.v1")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String id = json(paid).read("$.id", String.class);
        var receipt = json(service().get("/api/v1/payments/" + id + "/receipt", officer(agency)));
        assertThat(receipt.read("$.methodLabel", String.class)).isEqualTo("Thẻ");
        assertThat(receipt.read("$.collectingAgencyCode", String.class)).isEqualTo(agency);
    }

    @Test
    void twoAgenciesNumberTheirReceiptsInTwoIndependentSeries() {
        String first = newAgency();
        String second = newAgency();
        List<String> numbers = new ArrayList<>();
        for (String agency : List.of(first, second, first, first, second)) {
            HttpResponse<String> paid =
                    pay(officer(agency), request(walkIn(agency, 20_000), "CASH"), "Idempotency-Key", key());
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
            numbers.add(json(paid).read("$.receiptNumber", String.class));
        }
        String y = year();
        assertThat(numbers)
                .containsExactly(
                        first + "/" + y + "/000001",
                        second + "/" + y + "/000001",
                        first + "/" + y + "/000002",
                        first + "/" + y + "/000003",
                        second + "/" + y + "/000002");
    }

    @Test
    void anAgencyNumbersItsReceiptsInTheSeriesTheRegistryGivesIt() {
        String agency = newAgency();
        String series = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-26E";
        String y = year();
        HttpResponse<String> first =
                pay(officer(agency), request(walkIn(agency, 20_000), "CASH"), "Idempotency-Key", key());
        assertThat(json(first).read("$.receiptNumber", String.class)).isEqualTo(agency + "/" + y + "/000001");

        // the registry (identity-service) publishes the agency's registered series
        agencyChanged(agency, series, 3);
        await("the registry's series replicated")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from agency_receipt_series where agency_code = ? and series = ?")
                                .params(agency, series)
                                .query(Long.class)
                                .single()
                        == 1);
        // a late or replayed event of an older or the same version changes nothing; the next newer one is taken
        agencyChanged(agency, "CU-" + series, 2);
        agencyChanged(agency, "CU2-" + series, 3);
        agencyChanged(agency, series, 4);
        await("version 4 replicated")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select registry_version from agency_receipt_series where agency_code = ?")
                                .param(agency)
                                .query(Long.class)
                                .single()
                        == 4);

        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> paid =
                    pay(officer(agency), request(walkIn(agency, 20_000), "CASH"), "Idempotency-Key", key());
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
            numbers.add(json(paid).read("$.receiptNumber", String.class));
        }
        // a new series starts at 1
        assertThat(numbers).containsExactly(series + "/" + y + "/000001", series + "/" + y + "/000002");
    }

    /** vn.egov.identity.agency-changed.v1 as identity-service's outbox relay puts it on egov.identity.events. */
    void agencyChanged(String agency, String series, long version) {
        var data = new vn.egov.contracts.identity.AgencyChangedV1(
                agency,
                "Cơ quan thử",
                null,
                "COMMUNE",
                null,
                false,
                true,
                "07:30-11:30,13:30-17:00",
                null,
                series,
                version,
                "registry-admin",
                Instant.now());
        String value = json.writeValueAsString(new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                "/identity-service",
                vn.egov.contracts.identity.AgencyChangedV1.TYPE,
                agency,
                Instant.now().toString(),
                "application/json",
                null,
                null,
                json.valueToTree(data)));
        try {
            kafka.send(EventTopics.IDENTITY, agency, value).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + EventTopics.IDENTITY, e);
        }
    }

    @Test
    void concurrentPaymentsAtOneAgencyGetConsecutiveNumbersAndOneDossierIsPaidOnce() throws Exception {
        String agency = newAgency();
        int n = 8;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(walkIn(agency, 30_000));
        }
        String officer = officer(agency);
        List<HttpResponse<String>> answers =
                concurrently(codes.stream().map(c -> request(c, "CASH")).toList(), officer);
        assertThat(answers)
                .allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(201));
        assertThat(answers.stream().map(a -> json(a).read("$.receiptNumber", String.class)))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, n)
                        .mapToObj(i -> agency + "/" + year() + "/%06d".formatted(i))
                        .toList());

        // one dossier, several officers' clicks with different keys at once: paid once
        String code = walkIn(agency, 30_000);
        List<HttpResponse<String>> clicks =
                concurrently(java.util.Collections.nCopies(5, request(code, "CARD")), officer);
        assertThat(clicks.stream().map(HttpResponse::statusCode)).containsExactlyInAnyOrder(201, 409, 409, 409, 409);
        assertThat(clicks)
                .filteredOn(c -> c.statusCode() == 409)
                .allSatisfy(c -> assertProblem(c, 409, "fee-already-paid"));
        assertThat(paymentsOf(code)).isEqualTo(1);
        assertThat(json(clicks.stream()
                                .filter(c -> c.statusCode() == 201)
                                .findFirst()
                                .orElseThrow())
                        .read("$.receiptNumber", String.class))
                .isEqualTo(agency + "/" + year() + "/%06d".formatted(n + 1));
    }

    List<HttpResponse<String>> concurrently(List<String> bodies, String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (String body : bodies) {
                Callable<HttpResponse<String>> call = () -> {
                    start.await();
                    return pay(token, body, "Idempotency-Key", key());
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusalsNameTheirReasonAndStoreNothing() {
        String agency = newAgency();
        String code = walkIn(agency, 50_000);
        String officer = officer(agency);

        // roles: only an officer of the dossier's agency collects
        assertProblem(
                pay(issuer.citizen("001090012345"), request(code, "CASH"), "Idempotency-Key", key()), 403, "forbidden");
        assertProblem(
                pay(
                        issuer.staff("chuyenvien." + agency, "APPROVER", agency),
                        request(code, "CASH"),
                        "Idempotency-Key",
                        key()),
                403,
                "forbidden");
        assertProblem(
                pay(issuer.client("dossier-service"), request(code, "CASH"), "Idempotency-Key", key()),
                403,
                "forbidden");
        assertProblem(
                pay(officer(newAgency()), request(code, "CASH"), "Idempotency-Key", key()),
                403,
                "payment-of-another-agency");

        // bad input names the field, in Vietnamese by default and in English on request
        String vi = assertFieldProblem(
                pay(officer, request(code, "CHEQUE"), "Idempotency-Key", key()), 400, "validation-failed", "method");
        String en = assertFieldProblem(
                pay(officer, request(code, "CHEQUE"), "Idempotency-Key", key(), "Accept-Language", "en"),
                400,
                "validation-failed",
                "method");
        assertThat(vi).isNotEqualTo(en);
        assertFieldProblem(
                pay(officer, "{\"dossierCode\":\"" + code + "\"}", "Idempotency-Key", key()),
                400,
                "validation-failed",
                "method");
        assertFieldProblem(
                pay(officer, "{\"method\":\"CASH\"}", "Idempotency-Key", key()),
                400,
                "validation-failed",
                "dossierCode");
        assertFieldProblem(
                pay(
                        officer,
                        "{\"dossierCode\":\"%s\",\"method\":\"CASH\",\"payerName\":\"%s\"}"
                                .formatted(code, "ă".repeat(201)),
                        "Idempotency-Key",
                        key()),
                400,
                "validation-failed",
                "payerName");
        assertProblem(pay(officer, request(code, "CASH")), 400, "idempotency-key-required");

        // unknown dossier, a free one: no fee due
        assertProblem(
                pay(officer, request(newDossierCode(agency), "CASH"), "Idempotency-Key", key()),
                404,
                "dossier-fee-not-found");
        assertProblem(
                pay(officer, request(walkIn(agency, 0), "CASH"), "Idempotency-Key", key()),
                404,
                "dossier-fee-not-found");
        assertThat(paymentsOf(code)).isZero();

        // a dossier stopped meanwhile: no fee collected
        dossierEvent(code, agency, DossierLifecycleEventV1.STOPPED, DossierStatus.STOPPED, 50_000);
        awaitKnown(code, "STOPPED");
        assertProblem(pay(officer, request(code, "CASH"), "Idempotency-Key", key()), 409, "dossier-closed");
        assertThat(paymentsOf(code)).isZero();
        // no receipt number was used by any refusal
        assertThat(jdbc.sql("select count(*) from receipt_series where series = ?")
                        .param(agency)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}

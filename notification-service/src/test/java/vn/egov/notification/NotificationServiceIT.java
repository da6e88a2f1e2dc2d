package vn.egov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import com.jayway.jsonpath.Criteria;
import com.jayway.jsonpath.Filter;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.events.CloudEvent;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.contracts.dossier.DossierStatus;
import vn.egov.contracts.identity.CitizenRegisteredV1;
import vn.egov.contracts.identity.CitizenRegisteredV2;
import vn.egov.contracts.identity.ContactChangedV1;
import vn.egov.contracts.identity.ContactChangedV2;
import vn.egov.contracts.identity.ContactVerificationRequestedV1;
import vn.egov.contracts.identity.NationalIdRecoveredV1;
import vn.egov.contracts.identity.OfficerCreatedV1;
import vn.egov.contracts.identity.OfficerCreatedV2;
import vn.egov.contracts.identity.RegistrationRefusedV1;
import vn.egov.contracts.identity.RegistrationRefusedV2;
import vn.egov.contracts.payment.PaymentRefundedV1;
import vn.egov.contracts.payment.PaymentSucceededV1;
import vn.egov.devstack.simulators.sms.SmsGatewaySimulator;
import vn.egov.devstack.smtp.SmtpServer;
import vn.egov.notification.contact.ContactDirectory;
import vn.egov.testsupport.PoisonRecords;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;
import vn.egov.testsupport.ServiceTestSupport;

/**
 * notification-service running on a real port against real PostgreSQL and Kafka, with real signed tokens,
 * a real SMTP server (GreenMail) and the devstack's SMS gateway simulator. One Spring context for all
 * scenarios: a second context would join the same consumer group and take partitions away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@ExtendWith(OutputCaptureExtension.class)
class NotificationServiceIT extends ServiceTestSupport<EventPublisher> {

    NotificationServiceIT() {
        super(EventTopics.DOSSIER, EventPublisher::publish);
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    ContactDirectory directory;

    static final int SMTP_PORT = freePort();
    static final int IMAP_PORT = freePort();
    static volatile SmtpServer smtp = SmtpServer.start(SMTP_PORT, IMAP_PORT);
    static final SmsGatewaySimulator SMS = startSms();
    static final IdentityServiceStub IDENTITY = new IdentityServiceStub();

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("egov.notification.sms.gateway-url", SMS::baseUrl);
        registry.add("egov.notification.sms.api-key", () -> "it-sms-key");
        registry.add("egov.notification.sender.poll-interval", () -> "200ms");
        registry.add("egov.notification.sender.initial-backoff", () -> "300ms");
        registry.add("egov.notification.sender.max-backoff", () -> "1s");
        registry.add("egov.notification.sender.max-attempts", () -> "100");
        registry.add("egov.notification.sender.per-recipient-limit", () -> "4");
        registry.add("egov.notification.sender.per-recipient-window", () -> "1h");
        registry.add("egov.notification.portal-url", () -> "https://dichvucong.example.vn");
        registry.add("egov.notification.sms.receipt-key", () -> "it-receipt-key");
        registry.add("egov.notification.sealing-key", () -> "it-sealing-key");
        registry.add("egov.notification.identity.base-url", IDENTITY::baseUrl);
        registry.add("egov.notification.identity.token-uri", IDENTITY::tokenUri);
        registry.add("egov.notification.identity.client-secret", () -> "it-notification-secret");
        registry.add("egov.notification.identity.timeout", () -> "1s");
        registry.add("egov.notification.identity.retry-wait", () -> "50ms");
        registry.add("egov.notification.identity.max-attempts", () -> "2");
        registry.add("egov.notification.identity.minimum-calls", () -> "50");
        registry.add("egov.notification.identity.sliding-window", () -> "100");
    }

    @AfterAll
    static void stopChannels() {
        smtp.close();
        SMS.stop();
        IDENTITY.close();
    }

    @Test
    void theInboxIsOwnOnly() {
        UUID item = UUID.randomUUID();
        jdbc.sql("insert into inbox_item (id, recipient_subject, kind, title, body) values (?, ?, ?, ?, ?)")
                .params(
                        item,
                        "inbox-owner",
                        "DOSSIER_RECEIVED",
                        "Hồ sơ đã được tiếp nhận",
                        "Hồ sơ của bạn đã được tiếp nhận.")
                .update();
        String owner = issuer.token(
                c -> c.subject("inbox-owner").claim("realm_access", Map.of("roles", java.util.List.of("CITIZEN"))));
        service().assertProtected("/api/v1/notifications", owner);
        assertThat(json(service().get("/api/v1/notifications", owner))
                        .read("$.items[?(@.id == '" + item + "')].title", List.class))
                .containsExactly("Hồ sơ đã được tiếp nhận");
        String stranger = issuer.citizen("001090099999");
        assertThat(json(service().get("/api/v1/notifications", stranger)).read("$.items[*].id", List.class))
                .doesNotContain(item.toString());
        assertProblem(
                service().post("/api/v1/notifications/" + item + "/read", stranger, null),
                404,
                "notification-not-found");
        assertThat(service()
                        .post("/api/v1/notifications/" + item + "/read", owner, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(service().get("/api/v1/notifications?unreadOnly=true", owner).body())
                .doesNotContain(item.toString());
    }

    // ------------------------------------------------------------------ notices from events

    @Test
    void aReceivedDossierGivesOneVietnameseEmailSmsAndInboxItemEvenWhenTheEventComesTwice() {
        Citizen citizen = registeredCitizen();
        String code = dossierCode();
        String received = cloudEvent(
                EventTopics.DOSSIER,
                DossierLifecycleEventV1.RECEIVED,
                code,
                dossierEvent(code, citizen.subject(), "RECEIVED"));
        send(EventTopics.DOSSIER, code, received);
        send(EventTopics.DOSSIER, code, received); // redelivered: same CloudEvent id
        // a later event on the same key (same partition, processed after both copies)
        send(
                EventTopics.DOSSIER,
                code,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.FORWARDED,
                        code,
                        dossierEvent(code, citizen.subject(), "IN_PROCESSING")));

        await("the forwarded notice", () -> inboxCount(citizen.subject(), "DOSSIER_FORWARDED") == 1);
        await("the email", () -> emailsAbout(citizen.email(), code, "tiếp nhận").size() == 1);
        await("the SMS", () -> smsAbout(citizen.phone(), code, "tiep nhan").size() == 1);

        assertThat(inboxCount(citizen.subject(), "DOSSIER_RECEIVED")).isEqualTo(1);
        MimeMessage email = emailsAbout(citizen.email(), code, "tiếp nhận").get(0);
        assertThat(subjectOf(email)).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận");
        assertThat(textOf(email))
                .contains(
                        "Đăng ký khai sinh",
                        "Ngày hẹn trả kết quả: 15/12/2026",
                        "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01): https://dichvucong.example.vn/ho-so/"
                                + code + "/mau/01",
                        "Theo dõi hồ sơ: https://dichvucong.example.vn/ho-so/" + code)
                .doesNotContain("001090012345");
        assertThat(smsAbout(citizen.phone(), code, "tiep nhan").get(0).text()).contains("15/12/2026");

        String token = tokenOf(citizen.subject());
        assertThat(noticeTexts(token, "DOSSIER_RECEIVED"))
                .anySatisfy(t -> assertThat(t).contains("Hồ sơ " + code + " đã được tiếp nhận"));

        // still one of each once everything settled
        holds("one email and one SMS", Duration.ofSeconds(1), () -> {
            assertThat(emailsAbout(citizen.email(), code, "tiếp nhận")).hasSize(1);
            assertThat(smsAbout(citizen.phone(), code, "tiep nhan")).hasSize(1);
        });
        assertThat(inboxCount(citizen.subject(), "DOSSIER_RECEIVED")).isEqualTo(1);
        assertThat(jdbc.sql(
                                "select status from delivery where recipient_subject = ? and kind = 'DOSSIER_RECEIVED' order by channel")
                        .param(citizen.subject())
                        .query(String.class)
                        .list())
                .containsExactly("SENT", "SENT", "SENT");
    }

    @Test
    void aStoppedDossierAndAPostedResultAreToldToTheApplicantTheStopWithItsFormAndReason() {
        Citizen citizen = registeredCitizen();
        String code = dossierCode();
        DossierLifecycleEventV1 received = dossierEvent(code, citizen.subject(), "IN_PROCESSING");
        DossierLifecycleEventV1 stopped = new DossierLifecycleEventV1(
                code,
                received.procedureCode(),
                received.procedureName(),
                received.agencyCode(),
                received.agencyName(),
                citizen.subject(),
                null,
                DossierStatus.IN_PROCESSING,
                DossierStatus.fromWire("STOPPED"),
                "stop-processing",
                "approver-1",
                "APPROVER",
                "Người nộp đề nghị dừng",
                null,
                List.of(),
                0L,
                Instant.now(),
                null);
        send(
                EventTopics.DOSSIER,
                code,
                cloudEvent(EventTopics.DOSSIER, DossierLifecycleEventV1.STOPPED, code, stopped));
        await("the stop notice", () -> inboxCount(citizen.subject(), "DOSSIER_STOPPED") == 1);
        String token = tokenOf(citizen.subject());
        assertThat(noticeTexts(token, "DOSSIER_STOPPED"))
                .singleElement()
                .asString()
                .startsWith("Dừng giải quyết hồ sơ " + code + "\n")
                .contains(
                        "Lý do: Người nộp đề nghị dừng.",
                        "Thông báo dừng giải quyết hồ sơ (Mẫu số 05): https://dichvucong.example.vn/ho-so/" + code
                                + "/mau/05");

        // the result sent by post: told too, and no form of its own to link to
        String posted = dossierCode();
        send(
                EventTopics.DOSSIER,
                posted,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.RESULT_POSTED,
                        posted,
                        dossierEvent(posted, citizen.subject(), "POSTED")));
        await("the posted-result notice", () -> inboxCount(citizen.subject(), "DOSSIER_RESULT_POSTED") == 1);
        assertThat(noticeTexts(token, "DOSSIER_RESULT_POSTED"))
                .singleElement()
                .asString()
                .contains("qua dịch vụ bưu chính", "https://dichvucong.example.vn/ho-so/" + posted)
                .doesNotContain("/mau/");
    }

    @Test
    void whileSmtpIsDownEmailWaitsAndIsDeliveredWhenItComesBackWithoutHoldingUpSmsOrInbox() {
        Citizen citizen = registeredCitizen();
        smtp.close();
        try {
            String code = dossierCode();
            send(
                    EventTopics.DOSSIER,
                    code,
                    cloudEvent(
                            EventTopics.DOSSIER,
                            DossierLifecycleEventV1.RECEIVED,
                            code,
                            dossierEvent(code, citizen.subject(), "RECEIVED")));
            await(
                    "the SMS while SMTP is down",
                    () -> smsAbout(citizen.phone(), code, "tiep nhan").size() == 1);
            assertThat(inboxCount(citizen.subject(), "DOSSIER_RECEIVED")).isEqualTo(1);
            await(
                    "failed email attempts",
                    () -> jdbc.sql("""
                            select count(*) from delivery where recipient_subject = ? and kind = 'DOSSIER_RECEIVED'
                            and channel = 'EMAIL' and status = 'PENDING' and attempts >= 2 and last_error is not null""")
                                    .param(citizen.subject())
                                    .query(Long.class)
                                    .single()
                            == 1);
        } finally {
            smtp = SmtpServer.start(SMTP_PORT, IMAP_PORT);
        }
        await(
                "the email after SMTP came back",
                () -> emailsTo(citizen.email()).stream()
                        .anyMatch(m -> subjectOf(m).contains("đã được tiếp nhận")));
        await(
                "the email delivery marked SENT",
                () -> "SENT"
                        .equals(jdbc.sql("""
                        select status from delivery where recipient_subject = ? and kind = 'DOSSIER_RECEIVED'
                        and channel = 'EMAIL'""")
                                .param(citizen.subject())
                                .query(String.class)
                                .single()));
    }

    @Test
    void anOptedOutChannelIsNotUsed() {
        Citizen citizen = registeredCitizen();
        String token = tokenOf(citizen.subject());
        assertThat(KindSettings.in(service().get("/api/v1/notifications/preferences", token), "DOSSIER_RECEIVED"))
                .isEqualTo(KindSettings.setting("DOSSIER_RECEIVED", false, true, true));
        HttpResponse<String> put = put(
                "/api/v1/notifications/preferences",
                token,
                "{\"kinds\":[{\"kind\":\"DOSSIER_RECEIVED\",\"email\":true,\"sms\":false}]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(KindSettings.in(put, "DOSSIER_RECEIVED"))
                .isEqualTo(KindSettings.setting("DOSSIER_RECEIVED", false, true, false));
        assertProblem(
                put(
                        "/api/v1/notifications/preferences",
                        token,
                        "{\"kinds\":[{\"kind\":\"NO_SUCH_KIND\",\"email\":true,\"sms\":false}]}"),
                400,
                "unknown-notification-kind");

        String code = dossierCode();
        send(
                EventTopics.DOSSIER,
                code,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.RECEIVED,
                        code,
                        dossierEvent(code, citizen.subject(), "RECEIVED")));
        await("the email", () -> emailsAbout(citizen.email(), code, "tiếp nhận").size() == 1);
        await("the inbox item", () -> inboxCount(citizen.subject(), "DOSSIER_RECEIVED") == 1);
        holds(
                "no SMS",
                Duration.ofMillis(800),
                () -> assertThat(smsAbout(citizen.phone(), code, "")).isEmpty());
        assertThat(jdbc.sql("""
                        select status || ':' || last_error from delivery
                        where recipient_subject = ? and kind = 'DOSSIER_RECEIVED' and channel = 'SMS'""").param(citizen.subject()).query(String.class).single())
                .isEqualTo("SKIPPED:opted-out");
    }

    @Test
    void aPaymentReceiptGoesToThePayerWithTheAmountInVnd() {
        Citizen citizen = registeredCitizen();
        String code = dossierCode();
        send(
                EventTopics.DOSSIER,
                code,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.SUBMITTED,
                        code,
                        dossierEvent(code, citizen.subject(), "AWAITING_PAYMENT")));
        await("the submitted notice", () -> inboxCount(citizen.subject(), "DOSSIER_SUBMITTED") == 1);
        UUID paymentId = UUID.randomUUID();
        send(
                EventTopics.PAYMENT,
                paymentId.toString(),
                cloudEvent(
                        EventTopics.PAYMENT,
                        PaymentSucceededV1.TYPE,
                        paymentId.toString(),
                        new PaymentSucceededV1(
                                paymentId,
                                code,
                                "000.00.01.H26",
                                1_500_000L,
                                "BL-2026-000042",
                                Instant.parse("2026-11-22T03:05:00Z"),
                                "14000001",
                                "NCB",
                                citizen.subject())));
        await("the receipt notice", () -> inboxCount(citizen.subject(), "PAYMENT_SUCCEEDED") == 1);
        assertThat(noticeTexts(tokenOf(citizen.subject()), "PAYMENT_SUCCEEDED"))
                .anySatisfy(t -> assertThat(t).contains("1.500.000 đồng", "BL-2026-000042", "10:05 22/11/2026"));
        await(
                "the receipt email",
                () -> emailsAbout(citizen.email(), code, "Biên lai").size() == 1);
        // the payment moves the dossier on: its officers are told, the applicant is not told "submitted" a second time
        String officerName = "canbo." + UUID.randomUUID().toString().substring(0, 8);
        String agency = "000.00." + ThreadLocalRandom.current().nextInt(10, 99) + ".H"
                + UUID.randomUUID().toString().substring(0, 6);
        assertThat(service()
                        .get("/api/v1/notifications", issuer.staff(officerName, "OFFICER", agency))
                        .statusCode())
                .isEqualTo(200);
        send(
                EventTopics.DOSSIER,
                code,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.SUBMITTED,
                        code,
                        atAgency(paidEvent(code, citizen.subject()), agency)));
        String officer = UUID.nameUUIDFromBytes(officerName.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        await(
                "the officer's new dossier notice",
                () -> officerItems(officer).stream().anyMatch(t -> t.contains(code)));
        // (same event, same transaction: had the applicant been told, it would be in the inbox by now)
        assertThat(inboxCount(citizen.subject(), "DOSSIER_SUBMITTED")).isEqualTo(1);
    }

    /**
     * FaultsUnderLoadIT's missing receipts: a fee paid within a second of submitting (or the backlog after a
     * restart) has its payment event processed before any event of its dossier. The event names the payer, so
     * the receipt reaches them anyway, once, with contacts resolved as for dossier events: here a person only
     * identity-service knows (no identity event, no dossier event), so the inbox item, the email and the SMS
     * all depend on the subject alone.
     */
    @Test
    void aReceiptProcessedBeforeAnyEventOfItsDossierReachesThePayerTheEventNames() {
        String payer = UUID.randomUUID().toString();
        String email = "payer-" + payer.substring(0, 8) + "@example.vn";
        String phone = randomPhone();
        IDENTITY.person(payer, email, phone, "vi");
        String code = dossierCode();
        UUID paymentId = UUID.randomUUID();
        String paid = cloudEvent(
                EventTopics.PAYMENT,
                PaymentSucceededV1.TYPE,
                paymentId.toString(),
                new PaymentSucceededV1(
                        paymentId,
                        code,
                        "000.00.01.H26",
                        75_000L,
                        "BL-2026-000314",
                        Instant.parse("2026-11-22T03:05:00Z"),
                        "14000314",
                        "NCB",
                        payer));
        send(EventTopics.PAYMENT, paymentId.toString(), paid);
        send(EventTopics.PAYMENT, paymentId.toString(), paid); // redelivered: same CloudEvent id

        Awaitility.await("the receipt email")
                .atMost(Duration.ofSeconds(45))
                .until(() -> emailsAbout(email, code, "Biên lai").size() == 1);
        Awaitility.await("the receipt SMS")
                .atMost(Duration.ofSeconds(45))
                .until(() -> smsAbout(phone, code, "Bien lai BL-2026-000314").size() == 1);
        assertThat(textOf(emailsAbout(email, code, "Biên lai").get(0))).contains("75.000 đồng", "BL-2026-000314");
        assertThat(noticeTexts(tokenOf(payer), "PAYMENT_SUCCEEDED"))
                .anySatisfy(t -> assertThat(t).contains("Biên lai thanh toán lệ phí hồ sơ " + code, "BL-2026-000314"));

        // the dossier's own events come later (they are on another topic): still one receipt, no second notice
        String dossierEvent =
                cloudEvent(EventTopics.DOSSIER, DossierLifecycleEventV1.SUBMITTED, code, paidEvent(code, payer));
        send(EventTopics.DOSSIER, code, dossierEvent);
        String dossierEventId = json.readTree(dossierEvent).path("id").asString();
        Awaitility.await("the dossier event processed")
                .atMost(Duration.ofSeconds(45))
                .until(() -> jdbc.sql("select count(*) from processed_event where consumer = ? and event_id = ?")
                                .params("notification-service", dossierEventId)
                                .query(Long.class)
                                .single()
                        == 1);
        Awaitility.await("exactly one receipt, settled")
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> inboxCount(payer, "PAYMENT_SUCCEEDED") == 1
                        && emailsAbout(email, code, "Biên lai").size() == 1);
        assertThat(jdbc.sql("select count(*) from inbox_item where kind = 'PAYMENT_SUCCEEDED' and body like ?")
                        .param("%" + code + "%")
                        .query(Long.class)
                        .single())
                .as("nobody else told")
                .isEqualTo(1);
    }

    /**
     * Nothing here maps dossiers to applicants any more (V5 dropped the map): the payer comes from the event
     * alone, so a receipt from before {@code payerSubject} existed names no one to tell. It is dead-lettered, as
     * any event without what the listener needs (decision 12), and the next event of its partition is handled.
     */
    @Test
    void aReceiptWithoutItsPayerIsDeadLetteredAndTheNextOneHandled() {
        Citizen citizen = registeredCitizen();
        String code = dossierCode();
        UUID paymentId = UUID.randomUUID();
        tools.jackson.databind.JsonNode oldShape = withoutPayer(new PaymentSucceededV1(
                paymentId, code, "000.00.01.H26", 75_000L, "BL-2026-000315", Instant.now(), "14000315", "NCB", null));
        assertThat(oldShape.has("payerSubject")).isFalse();
        String valid = cloudEvent(
                EventTopics.PAYMENT,
                PaymentSucceededV1.TYPE,
                paymentId.toString(),
                new PaymentSucceededV1(
                        paymentId,
                        code,
                        "000.00.01.H26",
                        75_000L,
                        "BL-2026-000316",
                        Instant.now(),
                        "14000316",
                        "NCB",
                        citizen.subject()));
        PoisonRecords.proveDeadLetteredAndGoneOn(
                RealInfrastructure.kafkaBootstrapServers(),
                EventTopics.PAYMENT,
                "notification-service",
                paymentId.toString(),
                List.of(PoisonRecords.cloudEvent(
                        "a receipt without its payer",
                        PaymentSucceededV1.TYPE,
                        paymentId.toString(),
                        oldShape.toString())),
                new PoisonRecords.Poison("valid", valid.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        await("the receipt of the valid event", () -> inboxCount(citizen.subject(), "PAYMENT_SUCCEEDED") == 1);
        assertThat(jdbc.sql("select count(*) from inbox_item where kind = 'PAYMENT_SUCCEEDED' and body like ?")
                        .param("%BL-2026-000315%")
                        .query(Long.class)
                        .single())
                .as("the receipt without a payer told no one")
                .isZero();
        assertThat(jdbc.sql("select to_regclass('dossier_recipient') is null")
                        .query(Boolean.class)
                        .single())
                .as("the dossier → applicant map is gone (V5)")
                .isTrue();
    }

    /** The event's data as published before {@code payerSubject} existed: without the field at all. */
    tools.jackson.databind.JsonNode withoutPayer(Object event) {
        tools.jackson.databind.node.ObjectNode data = json.valueToTree(event);
        data.remove("payerSubject");
        return data;
    }

    /** The transition a paid fee makes: AWAITING_PAYMENT → SUBMITTED by the system. */
    static DossierLifecycleEventV1 paidEvent(String code, String applicant) {
        return new DossierLifecycleEventV1(
                code,
                "1.001234",
                "Đăng ký khai sinh",
                "000.00.01.H26",
                "UBND phường Ba Đình",
                applicant,
                null,
                DossierStatus.AWAITING_PAYMENT,
                DossierStatus.SUBMITTED,
                "pay",
                null,
                "SYSTEM",
                null,
                LocalDate.of(2026, 12, 15),
                List.of(),
                1_500_000L,
                Instant.now(),
                null);
    }

    @Test
    void aRefundIsToldToTheApplicantOnceWithTheRefundedAmount() {
        Citizen citizen = registeredCitizen();
        String code = dossierCode();
        send(
                EventTopics.DOSSIER,
                code,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.WITHDRAWN,
                        code,
                        dossierEvent(code, citizen.subject(), "WITHDRAWN")));
        await("the withdrawal notice", () -> inboxCount(citizen.subject(), "DOSSIER_WITHDRAWN") == 1);
        UUID paymentId = UUID.randomUUID();
        PaymentRefundedV1 refunded = new PaymentRefundedV1(
                paymentId,
                UUID.randomUUID(),
                code,
                "000.00.01.H26",
                200_000L,
                200_000L,
                200_000L,
                true,
                "BL-2026-000043",
                Instant.parse("2026-11-22T03:05:00Z"),
                citizen.subject());
        String event = cloudEvent(EventTopics.PAYMENT, PaymentRefundedV1.TYPE, paymentId.toString(), refunded);
        send(EventTopics.PAYMENT, paymentId.toString(), event);
        send(EventTopics.PAYMENT, paymentId.toString(), event);
        await("the refund notice", () -> inboxCount(citizen.subject(), "PAYMENT_REFUNDED") == 1);
        assertThat(noticeTexts(tokenOf(citizen.subject()), "PAYMENT_REFUNDED"))
                .anySatisfy(t -> assertThat(t).contains("200.000 đồng", "BL-2026-000043", "hoàn trả"));
        await(
                "the refund email",
                () -> emailsAbout(citizen.email(), code, "Hoàn trả lệ phí").size() == 1);
        holds(
                "the same event twice, one notice",
                Duration.ofMillis(800),
                () -> assertThat(inboxCount(citizen.subject(), "PAYMENT_REFUNDED"))
                        .isEqualTo(1));
    }

    @Test
    void theLiveStreamDeliversOwnNewItemsOnly() throws Exception {
        Citizen me = registeredCitizen();
        String strangerSubject = UUID.randomUUID().toString();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + tokenOf(me.subject()))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<Stream<String>> response =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the stream ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String strangersCode = dossierCode();
            send(
                    EventTopics.DOSSIER,
                    strangersCode,
                    cloudEvent(
                            EventTopics.DOSSIER,
                            DossierLifecycleEventV1.RECEIVED,
                            strangersCode,
                            dossierEvent(strangersCode, strangerSubject, "RECEIVED")));
            await("the stranger's item", () -> inboxCount(strangerSubject, "DOSSIER_RECEIVED") == 1);

            String code = dossierCode();
            Instant sent = Instant.now();
            send(
                    EventTopics.DOSSIER,
                    code,
                    cloudEvent(
                            EventTopics.DOSSIER,
                            DossierLifecycleEventV1.RECEIVED,
                            code,
                            dossierEvent(code, me.subject(), "RECEIVED")));
            List<String> seen = new ArrayList<>();
            String data = null;
            while (data == null && Duration.between(sent, Instant.now()).toSeconds() < 30) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    seen.add(line);
                    if (line.startsWith("data:") && line.contains(code)) {
                        data = line;
                    }
                }
            }
            assertThat(data)
                    .as("an SSE data line for my item; saw %s", seen)
                    .isNotNull()
                    .contains("Hồ sơ " + code + " đã được tiếp nhận", "DOSSIER_RECEIVED");
            assertThat(seen).contains("event:notification");
            assertThat(String.join("\n", seen) + String.join("\n", lines)).doesNotContain(strangersCode);
        } finally {
            response.body().close();
        }
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventOnItsPartitionIsStillHandled() {
        Citizen citizen = registeredCitizen();
        String code = dossierCode();
        String poison = "{not a cloud event " + code + "}";
        send(EventTopics.DOSSIER, code, poison);
        send(
                EventTopics.DOSSIER,
                code,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.RECEIVED,
                        code,
                        dossierEvent(code, citizen.subject(), "RECEIVED")));
        await("the notice after the poison message", () -> inboxCount(citizen.subject(), "DOSSIER_RECEIVED") == 1);
        assertThat(ServiceConformance.readTopic(
                        RealInfrastructure.kafkaBootstrapServers(),
                        EventTopics.deadLetter(EventTopics.DOSSIER, "notification-service"),
                        code,
                        Duration.ofSeconds(30)))
                .extracting(r -> r.value())
                .containsExactly(poison);
    }

    /**
     * Issue 20: each of the three listeners dead-letters what it cannot read (not JSON, not a CloudEvent, not
     * UTF-8, a tombstone, data without what a notice needs, a record too large to copy with the dead-letter
     * headers) and handles the next event of the same partition.
     */
    @Test
    void everyListenerDeadLettersMalformedAndOversizedRecordsAndGoesOn(CapturedOutput output) {
        Citizen citizen = registeredCitizen();
        String code = dossierCode();
        String dossierValid = cloudEvent(
                EventTopics.DOSSIER,
                DossierLifecycleEventV1.RECEIVED,
                code,
                dossierEvent(code, citizen.subject(), "RECEIVED"));
        proveListenerGoesOn(
                EventTopics.DOSSIER,
                code,
                dossierValid,
                PoisonRecords.cloudEvent(
                        "a dossier event without its applicant",
                        DossierLifecycleEventV1.RECEIVED,
                        code,
                        "{\"dossierCode\":\"" + code + "\",\"toStatus\":\"RECEIVED\",\"feeVnd\":0}"),
                PoisonRecords.cloudEvent("data that is no object", DossierLifecycleEventV1.SUBMITTED, code, "\"text\""),
                // well-formed and complete, but not from dossier-service, the topic's only writer (issue 16 item 5)
                PoisonRecords.fromSource(
                        "a dossier event from another source",
                        "/payment-service",
                        DossierLifecycleEventV1.RECEIVED,
                        code,
                        json.writeValueAsString(dossierEvent(code, citizen.subject(), "RECEIVED"))));
        assertThat(inboxCount(citizen.subject(), "DOSSIER_RECEIVED")).isEqualTo(1);

        UUID paymentId = UUID.randomUUID();
        String paymentValid = cloudEvent(
                EventTopics.PAYMENT,
                PaymentSucceededV1.TYPE,
                paymentId.toString(),
                new PaymentSucceededV1(
                        paymentId,
                        dossierCode(),
                        "000.00.01.H26",
                        25_000,
                        "BL-2026-000777",
                        Instant.now(),
                        "14000777",
                        "NCB",
                        UUID.randomUUID().toString()));
        proveListenerGoesOn(
                EventTopics.PAYMENT,
                paymentId.toString(),
                paymentValid,
                PoisonRecords.cloudEvent(
                        "a payment without its dossier",
                        PaymentSucceededV1.TYPE,
                        paymentId.toString(),
                        "{\"paymentId\":\"" + paymentId + "\",\"amountVnd\":25000}"),
                PoisonRecords.cloudEvent(
                        "a refund without its amounts", PaymentRefundedV1.TYPE, paymentId.toString(), "{}"));

        String officer = UUID.randomUUID().toString();
        String identityValid = cloudEvent(
                EventTopics.IDENTITY,
                OfficerCreatedV1.TYPE,
                officer,
                new OfficerCreatedV1(
                        officer,
                        "canbo." + officer.substring(0, 6),
                        "Trần Thị Bình",
                        "cb-" + officer.substring(0, 8) + "@example.gov.vn",
                        "OFFICER",
                        "000.00.01.H26",
                        "agency-admin",
                        Instant.now()));
        proveListenerGoesOn(
                EventTopics.IDENTITY,
                officer,
                identityValid,
                PoisonRecords.cloudEvent(
                        "a registration without its person",
                        CitizenRegisteredV1.TYPE,
                        officer,
                        "{\"fullName\":\"Nguyễn Văn An\",\"levelOfAssurance\":1}"),
                PoisonRecords.cloudEvent(
                        "a code without its destination",
                        ContactVerificationRequestedV1.TYPE,
                        officer,
                        "{\"personId\":\"" + officer + "\",\"channel\":\"EMAIL\",\"code\":\"123456\"}"),
                // v2 whose sealed fields do not open here (issue 16): sealed for another person, another field, in
                // clear
                PoisonRecords.cloudEvent(
                        "a registration whose email was sealed for another person",
                        CitizenRegisteredV2.TYPE,
                        officer,
                        json.writeValueAsString(new CitizenRegisteredV2(
                                officer,
                                sealer.seal("Nguyễn Văn An", CitizenRegisteredV2.TYPE, "sealedFullName", officer),
                                sealer.seal(
                                        "an@example.vn",
                                        CitizenRegisteredV2.TYPE,
                                        "sealedEmail",
                                        UUID.randomUUID().toString()),
                                null,
                                1,
                                Instant.now()))),
                PoisonRecords.cloudEvent(
                        "an officer whose name was sealed as their email",
                        OfficerCreatedV2.TYPE,
                        officer,
                        json.writeValueAsString(new OfficerCreatedV2(
                                officer,
                                "canbo.x",
                                sealer.seal("Trần Thị Bình", OfficerCreatedV2.TYPE, "sealedEmail", officer),
                                sealer.seal("cb@example.gov.vn", OfficerCreatedV2.TYPE, "sealedEmail", officer),
                                "OFFICER",
                                "000.00.01.H26",
                                "agency-admin",
                                Instant.now()))),
                PoisonRecords.cloudEvent(
                        "a contact change in clear under v2's names",
                        ContactChangedV2.TYPE,
                        officer,
                        json.writeValueAsString(new ContactChangedV2(
                                officer, "EMAIL", "moi@example.vn", null, "cu@example.vn", Instant.now()))),
                PoisonRecords.cloudEvent(
                        "a refused registration whose phone was sealed for another attempt's event",
                        RegistrationRefusedV2.TYPE,
                        officer,
                        json.writeValueAsString(new RegistrationRefusedV2(
                                officer,
                                null,
                                sealer.seal("0912345678", RegistrationRefusedV2.TYPE, "sealedPhone", "another"),
                                "vi",
                                List.of(),
                                Instant.now()))));
        // the log says which field of which type failed and how, never the value
        assertThat(output.getAll())
                .contains(CitizenRegisteredV2.TYPE + " sealedEmail does not open")
                .contains(OfficerCreatedV2.TYPE + " sealedFullName does not open")
                .contains(ContactChangedV2.TYPE + " sealedEmail is not sealed")
                .contains(RegistrationRefusedV2.TYPE + " sealedPhone does not open")
                .doesNotContain("an@example.vn")
                .doesNotContain("moi@example.vn")
                .doesNotContain("0912345678");
    }

    /** Malformed records, the given ones and an oversized one, then {@code valid}: all dead-lettered but it, handled. */
    private void proveListenerGoesOn(String topic, String key, String valid, PoisonRecords.Poison... unusable) {
        List<PoisonRecords.Poison> poisons = new ArrayList<>(PoisonRecords.malformed(key));
        poisons.addAll(List.of(unusable));
        poisons.add(PoisonRecords.oversized(key));
        PoisonRecords.proveDeadLetteredAndGoneOn(
                RealInfrastructure.kafkaBootstrapServers(),
                topic,
                "notification-service",
                key,
                poisons,
                new PoisonRecords.Poison("valid", valid.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String validId = json.readTree(valid).path("id").asString();
        assertThat(jdbc.sql("select count(*) from processed_event where consumer = ? and event_id = ?")
                        .params("notification-service", validId)
                        .query(Long.class)
                        .single())
                .as("the valid event after the poisons on %s handled", topic)
                .isEqualTo(1);
    }

    @Test
    void aBurstOfEventsCannotFloodAPhoneTheRestWaitsForTheRateLimitWindow() {
        Citizen citizen = registeredCitizen(); // the welcome SMS is the first of 4 allowed per hour here
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String code = dossierCode();
            codes.add(code);
            send(
                    EventTopics.DOSSIER,
                    code,
                    cloudEvent(
                            EventTopics.DOSSIER,
                            DossierLifecycleEventV1.RECEIVED,
                            code,
                            dossierEvent(code, citizen.subject(), "RECEIVED")));
        }
        await("every inbox item", () -> inboxCount(citizen.subject(), "DOSSIER_RECEIVED") == 30);
        await("the SMS the limit allows", () -> SMS.receivedBy(citizen.phone()).size() == 4);
        holds(
                "no SMS past the limit",
                Duration.ofSeconds(1),
                () -> assertThat(SMS.receivedBy(citizen.phone())).hasSize(4));
        await(
                "the rest deferred, not dropped",
                () -> jdbc.sql("""
                                        select count(*) from delivery where recipient_subject = ? and channel = 'SMS'
                                        and status = 'PENDING' and next_attempt_at > now() + interval '5 minutes'""").param(citizen.subject()).query(Long.class).single() == 27);
        assertThat(jdbc.sql("""
                        select count(*) from delivery where recipient_subject = ? and channel = 'SMS'
                        and status = 'PENDING' and attempts = 0""").param(citizen.subject()).query(Long.class).single())
                .as("a deferral is not an attempt, whether the row was claimed or deferred with the person's others")
                .isEqualTo(27);
    }

    @Test
    void theOfficersOfTheAgencyHearOfANewDossierAndTheApplicantOfItsReceipt() {
        Citizen citizen = registeredCitizen();
        String agency = "000.00." + ThreadLocalRandom.current().nextInt(10, 99) + ".H"
                + UUID.randomUUID().toString().substring(0, 6);
        String officer = UUID.randomUUID().toString();
        String officerEmail = "cb-" + officer.substring(0, 8) + "@example.gov.vn";
        send(
                EventTopics.IDENTITY,
                officer,
                cloudEvent(
                        EventTopics.IDENTITY,
                        OfficerCreatedV2.TYPE,
                        officer,
                        new OfficerCreatedV2(
                                officer,
                                "canbo." + officer.substring(0, 6),
                                sealer.seal("Trần Thị Bình", OfficerCreatedV2.TYPE, "sealedFullName", officer),
                                sealer.seal(officerEmail, OfficerCreatedV2.TYPE, "sealedEmail", officer),
                                "OFFICER",
                                agency,
                                "agency-admin",
                                Instant.now())));
        await(
                "the officer known",
                () -> jdbc.sql("select count(*) from agency_officer where subject = ?")
                                .param(officer)
                                .query(Long.class)
                                .single()
                        == 1);

        String code = dossierCode();
        DossierLifecycleEventV1 base = dossierEvent(code, citizen.subject(), "SUBMITTED");
        DossierLifecycleEventV1 submitted = new DossierLifecycleEventV1(
                code,
                base.procedureCode(),
                base.procedureName(),
                agency,
                base.agencyName(),
                citizen.subject(),
                null,
                null,
                DossierStatus.SUBMITTED,
                "submit",
                citizen.subject(),
                "CITIZEN",
                null,
                base.dueDate(),
                List.of(),
                0L,
                Instant.now(),
                null);
        send(
                EventTopics.DOSSIER,
                code,
                cloudEvent(EventTopics.DOSSIER, DossierLifecycleEventV1.SUBMITTED, code, submitted));

        await("the officer's inbox item", () -> inboxCount(officer, "OFFICER_DOSSIER_SUBMITTED") == 1);
        await(
                "the officer's email",
                () -> emailsAbout(officerEmail, code, "chờ tiếp nhận").size() == 1);
        assertThat(inboxCount(citizen.subject(), "DOSSIER_SUBMITTED")).isEqualTo(1);
        assertThat(inboxCount(citizen.subject(), "OFFICER_DOSSIER_SUBMITTED")).isZero();
        assertThat(jdbc.sql("""
                        select status || ':' || last_error from delivery where recipient_subject = ? and channel = 'SMS'""").param(officer).query(String.class).single()).isEqualTo("SKIPPED:no-phone-number");
    }

    @Test
    void anOverdueDueSoonOrUnreceivedDossierIsToldOnceToItsAgencysStaffWithTheDesksLinkButNotToTheApplicant() {
        Citizen citizen = registeredCitizen();
        String agency = "000.00." + ThreadLocalRandom.current().nextInt(10, 99) + ".H"
                + UUID.randomUUID().toString().substring(0, 6);
        String other = agency + "X";
        // known from their tokens: an officer and the administrator of the agency, an officer of another agency
        String officerName = "canbo." + UUID.randomUUID().toString().substring(0, 8);
        String adminName = "quantri." + UUID.randomUUID().toString().substring(0, 8);
        String strangerName = "canbo." + UUID.randomUUID().toString().substring(0, 8);
        for (String[] who : new String[][] {
            {officerName, "OFFICER", agency}, {adminName, "AGENCY_ADMIN", agency}, {strangerName, "OFFICER", other}
        }) {
            assertThat(service()
                            .get("/api/v1/notifications", issuer.staff(who[0], who[1], who[2]))
                            .statusCode())
                    .isEqualTo(200);
        }
        String officer = subjectOf(officerName);
        String admin = subjectOf(adminName);
        String stranger = subjectOf(strangerName);

        String code = dossierCode();
        DossierLifecycleEventV1 overdue = atAgency(dossierEvent(code, citizen.subject(), "IN_PROCESSING"), agency);
        String event = cloudEvent(EventTopics.DOSSIER, DossierLifecycleEventV1.OVERDUE, code, overdue);
        send(EventTopics.DOSSIER, code, event);
        send(EventTopics.DOSSIER, code, event);

        await("the officer's overdue notice", () -> inboxCount(officer, "OFFICER_DOSSIER_OVERDUE") == 1);
        await("the administrator's overdue notice", () -> inboxCount(admin, "OFFICER_DOSSIER_OVERDUE") == 1);
        holds("once each, nobody else", Duration.ofMillis(500), () -> {
            assertThat(inboxCount(officer, "OFFICER_DOSSIER_OVERDUE")).isEqualTo(1);
            assertThat(inboxCount(admin, "OFFICER_DOSSIER_OVERDUE")).isEqualTo(1);
            assertThat(inboxCount(stranger, "OFFICER_DOSSIER_OVERDUE")).isZero();
            assertThat(jdbc.sql("select count(*) from inbox_item where recipient_subject = ? and title like ?")
                            .param(citizen.subject())
                            .param("%" + code + "%")
                            .query(Long.class)
                            .single())
                    .isZero();
        });
        assertThat(jdbc.sql("select title || '|' || link from inbox_item where recipient_subject = ? and kind = ?")
                        .param(officer)
                        .param("OFFICER_DOSSIER_OVERDUE")
                        .query(String.class)
                        .single())
                .isEqualTo(
                        "Hồ sơ " + code + " đã quá hạn giải quyết|https://dichvucong.example.vn/motcua/ho-so/" + code);
        // a new dossier is still for the officers and approvers only, not for the administrator
        String fresh = dossierCode();
        send(
                EventTopics.DOSSIER,
                fresh,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.SUBMITTED,
                        fresh,
                        atAgency(paidEvent(fresh, citizen.subject()), agency)));
        await("the officer's new dossier notice", () -> inboxCount(officer, "OFFICER_DOSSIER_SUBMITTED") == 1);
        holds(
                "no new dossier notice for the administrator",
                Duration.ofMillis(500),
                () -> assertThat(inboxCount(admin, "OFFICER_DOSSIER_SUBMITTED")).isZero());

        // due soon (decision 50): the same people, once, before the due date
        String soon = dossierCode();
        String dueSoon = cloudEvent(
                EventTopics.DOSSIER,
                DossierLifecycleEventV1.DUE_SOON,
                soon,
                atAgency(dossierEvent(soon, citizen.subject(), "RECEIVED"), agency));
        send(EventTopics.DOSSIER, soon, dueSoon);
        send(EventTopics.DOSSIER, soon, dueSoon);
        await("the officer's due-soon notice", () -> inboxCount(officer, "OFFICER_DOSSIER_DUE_SOON") == 1);
        await("the administrator's due-soon notice", () -> inboxCount(admin, "OFFICER_DOSSIER_DUE_SOON") == 1);
        holds("once each, nobody else", Duration.ofMillis(500), () -> {
            assertThat(inboxCount(officer, "OFFICER_DOSSIER_DUE_SOON")).isEqualTo(1);
            assertThat(inboxCount(admin, "OFFICER_DOSSIER_DUE_SOON")).isEqualTo(1);
            assertThat(inboxCount(stranger, "OFFICER_DOSSIER_DUE_SOON")).isZero();
            assertThat(inboxCount(citizen.subject(), "OFFICER_DOSSIER_DUE_SOON"))
                    .isZero();
        });
        assertThat(jdbc.sql("select title || '|' || link from inbox_item where recipient_subject = ? and kind = ?")
                        .param(admin)
                        .param("OFFICER_DOSSIER_DUE_SOON")
                        .query(String.class)
                        .single())
                .isEqualTo("Hồ sơ " + soon + " sắp đến hạn trả kết quả|https://dichvucong.example.vn/motcua/ho-so/"
                        + soon);

        // not received within its receipt limit (decision 51): the same people, once
        String waiting = dossierCode();
        String receiptOverdue = cloudEvent(
                EventTopics.DOSSIER,
                DossierLifecycleEventV1.RECEIPT_OVERDUE,
                waiting,
                atAgency(dossierEvent(waiting, citizen.subject(), "SUBMITTED"), agency));
        send(EventTopics.DOSSIER, waiting, receiptOverdue);
        send(EventTopics.DOSSIER, waiting, receiptOverdue);
        await("the officer's receipt notice", () -> inboxCount(officer, "OFFICER_DOSSIER_RECEIPT_OVERDUE") == 1);
        await("the administrator's receipt notice", () -> inboxCount(admin, "OFFICER_DOSSIER_RECEIPT_OVERDUE") == 1);
        holds("once each, nobody else", Duration.ofMillis(500), () -> {
            assertThat(inboxCount(officer, "OFFICER_DOSSIER_RECEIPT_OVERDUE")).isEqualTo(1);
            assertThat(inboxCount(stranger, "OFFICER_DOSSIER_RECEIPT_OVERDUE")).isZero();
            assertThat(inboxCount(citizen.subject(), "OFFICER_DOSSIER_RECEIPT_OVERDUE"))
                    .isZero();
        });

        // an online dossier a service centre receives for the agency (decision 61; here the other agency plays the
        // centre): the centre's officers are told while it waits to be received, not the agency's
        String atCentre = dossierCode();
        DossierLifecycleEventV1 receivedByCentre =
                atAgency(dossierEvent(atCentre, citizen.subject(), "SUBMITTED"), agency, other);
        send(
                EventTopics.DOSSIER,
                atCentre,
                cloudEvent(EventTopics.DOSSIER, DossierLifecycleEventV1.RECEIPT_OVERDUE, atCentre, receivedByCentre));
        await("the centre's receipt notice", () -> inboxCount(stranger, "OFFICER_DOSSIER_RECEIPT_OVERDUE") == 1);
        holds(
                "not the agency's",
                Duration.ofMillis(500),
                () -> assertThat(inboxCount(officer, "OFFICER_DOSSIER_RECEIPT_OVERDUE"))
                        .isEqualTo(1));
    }

    static String subjectOf(String staffName) {
        return UUID.nameUUIDFromBytes(staffName.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Decision 63: the owner of a CCCD recovered it from this account, which is now disabled; its holder hears of it
     * by email and SMS whatever their preferences (a mandatory security notice), once for a redelivered event.
     */
    @Test
    void anAccountWhoseCccdItsOwnerRecoveredIsToldByEmailAndSms() {
        Citizen holder = registeredCitizen();
        await("the holder known", () -> inboxCount(holder.subject(), "CITIZEN_REGISTERED") == 1);
        String event = cloudEvent(
                EventTopics.IDENTITY,
                NationalIdRecoveredV1.TYPE,
                holder.subject(),
                new NationalIdRecoveredV1(holder.subject(), Instant.now()));
        send(EventTopics.IDENTITY, holder.subject(), event);
        send(EventTopics.IDENTITY, holder.subject(), event);

        await(
                "the holder's email",
                () -> emailsTo(holder.email()).stream()
                        .anyMatch(m -> subjectOf(m).equals("Tài khoản Cổng dịch vụ công của bạn đã bị khóa")));
        await(
                "the holder's SMS",
                () -> SMS.receivedBy(holder.phone()).stream()
                        .anyMatch(sms -> sms.text().contains("Tai khoan cua ban da bi khoa")));
        MimeMessage email = emailsTo(holder.email()).stream()
                .filter(m -> subjectOf(m).equals("Tài khoản Cổng dịch vụ công của bạn đã bị khóa"))
                .findFirst()
                .orElseThrow();
        assertThat(textOf(email)).contains("VNeID", "Hồ sơ bạn đã nộp vẫn được lưu giữ", "/tro-giup");
        holds(
                "once",
                Duration.ofMillis(500),
                () -> assertThat(inboxCount(holder.subject(), "NATIONAL_ID_RECOVERED"))
                        .isEqualTo(1));
    }

    @Test
    void aRefusedRegistrationTellsTheGivenContactsAndTheAccountHolderNeverWhichIdentifierWasTaken() {
        aRefusedRegistrationIsTold(true);
    }

    /** v1, in clear, as identity-service published it before issue 16's sealing: still read the same way. */
    @Test
    void aRefusedRegistrationV1IsStillTold() {
        aRefusedRegistrationIsTold(false);
    }

    private void aRefusedRegistrationIsTold(boolean v2) {
        Citizen holder = registeredCitizen();
        await("the holder known", () -> inboxCount(holder.subject(), "CITIZEN_REGISTERED") == 1);
        String attempt = UUID.randomUUID().toString();
        String givenEmail = "thu-" + attempt.substring(0, 8) + "@example.vn";
        String givenPhone = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String event = v2
                ? cloudEvent(
                        EventTopics.IDENTITY,
                        RegistrationRefusedV2.TYPE,
                        attempt,
                        new RegistrationRefusedV2(
                                attempt,
                                sealer.seal(givenEmail, RegistrationRefusedV2.TYPE, "sealedEmail", attempt),
                                sealer.seal(givenPhone, RegistrationRefusedV2.TYPE, "sealedPhone", attempt),
                                "vi",
                                List.of(holder.subject()),
                                Instant.now()))
                : cloudEvent(
                        EventTopics.IDENTITY,
                        RegistrationRefusedV1.TYPE,
                        attempt,
                        new RegistrationRefusedV1(
                                attempt, givenEmail, givenPhone, "vi", List.of(holder.subject()), Instant.now()));
        if (v2) {
            assertThat(event).doesNotContain(givenEmail).doesNotContain(givenPhone);
        }
        send(EventTopics.IDENTITY, attempt, event);
        send(EventTopics.IDENTITY, attempt, event);

        await("the given email", () -> emailsTo(givenEmail).size() == 1);
        await("the given phone", () -> !SMS.receivedBy(givenPhone).isEmpty());
        await(
                "the holder's security notice",
                () -> inboxCount(holder.subject(), "REGISTRATION_ATTEMPT_ON_ACCOUNT") == 1);
        await(
                "the holder's email",
                () -> emailsTo(holder.email()).stream()
                        .anyMatch(m -> subjectOf(m).equals("Có người đăng ký tài khoản với thông tin của bạn")));
        MimeMessage given = emailsTo(givenEmail).get(0);
        assertThat(subjectOf(given)).isEqualTo("Chưa tạo được tài khoản Cổng dịch vụ công");
        assertThat(textOf(given)).contains("/dang-nhap").doesNotContain(holder.email(), holder.phone());
        holds("once each, and no inbox for a contact that is no account", Duration.ofMillis(500), () -> {
            assertThat(emailsTo(givenEmail)).hasSize(1);
            assertThat(SMS.receivedBy(givenPhone)).hasSize(1);
            assertThat(inboxCount(holder.subject(), "REGISTRATION_ATTEMPT_ON_ACCOUNT"))
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from inbox_item where recipient_subject = ?")
                            .param("registration:" + attempt)
                            .query(Long.class)
                            .single())
                    .isZero();
        });
    }

    // ------------------------------------------------------------------ contacts from identity-service

    @Test
    void aPersonKnownOnlyToIdentityServiceIsReachedInTheirLanguageAndTheLookupIsCached() {
        String subject = UUID.randomUUID().toString();
        String email = "kc-" + subject.substring(0, 8) + "@example.vn";
        String phone = randomPhone();
        IDENTITY.person(subject, email, phone, "en");
        String first = dossierCode();
        send(
                EventTopics.DOSSIER,
                first,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.RECEIVED,
                        first,
                        dossierEvent(first, subject, "RECEIVED")));
        await("the English email", () -> emailsAbout(email, first, "received").size() == 1);
        await("the English SMS", () -> smsAbout(phone, first, "received").size() == 1);
        assertThat(subjectOf(emailsAbout(email, first, "received").get(0))).isEqualTo("Dossier " + first + " received");

        String second = dossierCode();
        send(
                EventTopics.DOSSIER,
                second,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.FORWARDED,
                        second,
                        dossierEvent(second, subject, "IN_PROCESSING")));
        await("the second SMS", () -> smsAbout(phone, second, "processing").size() == 1);
        // asked once (then cached), with notification-service's own client-credentials token
        assertThat(IDENTITY.callsFor(subject)).hasSize(1).allMatch(h -> h.startsWith("Bearer svc-token-"));
        assertThat(jdbc.sql("select count(*) from recipient_contact where subject = ?")
                        .param(subject)
                        .query(Long.class)
                        .single())
                .as("looked-up contacts are cached, not stored")
                .isZero();

        // someone identity-service does not know: recorded, not retried forever
        String nobody = UUID.randomUUID().toString();
        String third = dossierCode();
        send(
                EventTopics.DOSSIER,
                third,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.RECEIVED,
                        third,
                        dossierEvent(third, nobody, "RECEIVED")));
        await("the unknown person's inbox item", () -> inboxCount(nobody, "DOSSIER_RECEIVED") == 1);
        assertThat(jdbc.sql(
                                "select status || ':' || last_error from delivery where recipient_subject = ? and channel = 'EMAIL'")
                        .param(nobody)
                        .query(String.class)
                        .single())
                .isEqualTo("SKIPPED:unknown-person");
    }

    @Test
    void whileIdentityServiceIsDownTheEmailWaitsAndGoesOutOnceItAnswers() {
        String subject = UUID.randomUUID().toString();
        String email = "down-" + subject.substring(0, 8) + "@example.vn";
        String phone = randomPhone();
        IDENTITY.person(subject, email, phone, "vi");
        IDENTITY.down(subject, true);
        try {
            String code = dossierCode();
            send(
                    EventTopics.DOSSIER,
                    code,
                    cloudEvent(
                            EventTopics.DOSSIER,
                            DossierLifecycleEventV1.RECEIVED,
                            code,
                            dossierEvent(code, subject, "RECEIVED")));
            await("the inbox item while identity-service is down", () -> inboxCount(subject, "DOSSIER_RECEIVED") == 1);
            await(
                    "failed lookups recorded",
                    () -> jdbc.sql("""
                            select count(*) from delivery where recipient_subject = ? and channel = 'EMAIL' and status = 'PENDING'
                            and destination is null and last_error like 'contacts-unavailable%' and attempts >= 2""").param(subject).query(Long.class).single() == 1);
            assertThat(emailsTo(email)).isEmpty();
        } finally {
            IDENTITY.down(subject, false);
        }
        await("the email once identity-service answers", () -> emailsTo(email).size() == 1);
        // and the SMS: left in flight, it could take the failure a later test arms in the SMS simulator
        await(
                "the SMS once identity-service answers",
                () -> SMS.receivedBy(phone).size() == 1);
    }

    /**
     * A registration (v2, sealed, as identity-service publishes it; and v1 while any remains) keeps the contacts and
     * greets the citizen by name, by inbox, email and SMS.
     */
    @Test
    void aRegisteredCitizenIsRememberedAndGreetedByNameFromV2AndV1() {
        for (boolean v2 : List.of(true, false)) {
            Citizen citizen = registeredCitizen(v2);
            assertThat(jdbc.sql(
                                    "select full_name || ' ' || email || ' ' || phone from recipient_contact where subject = ?")
                            .param(citizen.subject())
                            .query(String.class)
                            .single())
                    .as("v2 %s", v2)
                    .isEqualTo("Nguyễn Văn An " + citizen.email() + " " + citizen.phone());
            await("the greeting", () -> inboxCount(citizen.subject(), "CITIZEN_REGISTERED") == 1);
            await(
                    "the greeting by email",
                    () -> emailsTo(citizen.email()).stream()
                            .anyMatch(m -> textOf(m).contains("Xin chào Nguyễn Văn An")));
            await("the greeting by SMS", () -> !SMS.receivedBy(citizen.phone()).isEmpty());
        }
    }

    // ------------------------------------------------------------------ security notices

    @Autowired
    vn.egov.commons.events.EventFieldSealer sealer;

    @Test
    void aOneTimeCodeGoesOnlyToTheNewDestinationAndIsNeverStoredOrLoggedInClear(CapturedOutput output) {
        Citizen citizen = registeredCitizen();
        optOutOfEverything(citizen);
        String newPhone = randomPhone();
        String code = String.valueOf(100_000 + ThreadLocalRandom.current().nextInt(899_999));
        // as identity-service publishes it (v2, issue 16): the number and the code sealed with the events' key
        String v2 = vn.egov.contracts.identity.ContactVerificationRequestedV2.TYPE;
        String sealed = cloudEvent(
                EventTopics.IDENTITY,
                v2,
                citizen.subject(),
                new vn.egov.contracts.identity.ContactVerificationRequestedV2(
                        citizen.subject(),
                        "SMS",
                        sealer.seal(newPhone, v2, "sealedDestination", citizen.subject()),
                        sealer.seal(code, v2, "sealedCode", citizen.subject()),
                        Instant.now().plusSeconds(600),
                        "vi",
                        Instant.now()));
        assertThat(sealed).doesNotContain(code).doesNotContain(newPhone);
        send(EventTopics.IDENTITY, citizen.subject(), sealed);
        await(
                "the code by SMS to the new number",
                () -> SMS.receivedBy(newPhone).size() == 1);
        assertThat(SMS.receivedBy(newPhone).get(0).text()).contains("Ma xac thuc cua ban la " + code);
        await(
                "the code's delivery final",
                () -> jdbc.sql("""
                        select count(*) from delivery where recipient_subject = ? and purpose = 'ONE_TIME_CODE'
                        and status in ('SENT', 'DELIVERED') and text_body is null and html_body is null""").param(citizen.subject()).query(Long.class).single() == 1);
        // one channel, one destination: nothing to the current phone or email, no inbox item
        holds(
                "one delivery of the code",
                Duration.ofMillis(800),
                () -> assertThat(jdbc.sql(
                                        "select count(*) from delivery where recipient_subject = ? and kind = 'CONTACT_VERIFICATION'")
                                .param(citizen.subject())
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
        assertThat(inboxCount(citizen.subject(), "CONTACT_VERIFICATION")).isZero();
        assertThat(SMS.receivedBy(citizen.phone()).stream().filter(s -> s.text().contains(code)))
                .isEmpty();
        assertThat(emailsTo(citizen.email()).stream().filter(m -> textOf(m).contains(code)))
                .isEmpty();
        assertThat(jdbc.sql("""
                        select count(*) from delivery where coalesce(title, '') || coalesce(text_body, '')
                        || coalesce(html_body, '') || coalesce(last_error, '') like ?""").param("%" + code + "%").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from inbox_item where body like ?")
                        .param("%" + code + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(output.getAll()).doesNotContain(code).doesNotContain(newPhone);

        // a code that expired before it could be sent is not sent
        String lateCode = String.valueOf(100_000 + ThreadLocalRandom.current().nextInt(899_999));
        String otherPhone = randomPhone();
        send(
                EventTopics.IDENTITY,
                citizen.subject(),
                cloudEvent(
                        EventTopics.IDENTITY,
                        ContactVerificationRequestedV1.TYPE,
                        citizen.subject(),
                        new ContactVerificationRequestedV1(
                                citizen.subject(),
                                "SMS",
                                otherPhone,
                                lateCode,
                                Instant.now().minusSeconds(1),
                                "vi",
                                Instant.now().minusSeconds(600))));
        await(
                "the expired code failed",
                () -> jdbc.sql("""
                        select count(*) from delivery where destination = ? and status = 'FAILED' and last_error = 'expired'
                        and text_body is null""").param(otherPhone).query(Long.class).single() == 1);
        assertThat(SMS.receivedBy(otherPhone)).isEmpty();
    }

    @Test
    void aChangedContactIsNoticedByTheNewAndThePreviousAddressWhateverThePreferences() {
        aChangedContactIsNoticed(true);
    }

    /** v1, in clear, as identity-service published it before issue 16's sealing: still read the same way. */
    @Test
    void aChangedContactV1IsStillNoticed() {
        aChangedContactIsNoticed(false);
    }

    private void aChangedContactIsNoticed(boolean v2) {
        Citizen citizen = registeredCitizen();
        optOutOfEverything(citizen);
        String newEmail = "new-" + citizen.subject().substring(0, 8) + "@example.vn";
        directory.lookup(citizen.subject()); // something cached, to be evicted
        assertThat(directory.cached(citizen.subject())).isPresent();
        Instant changedAt = Instant.parse("2026-11-22T03:05:00Z");
        String subject = citizen.subject();
        String event = v2
                ? cloudEvent(
                        EventTopics.IDENTITY,
                        ContactChangedV2.TYPE,
                        subject,
                        new ContactChangedV2(
                                subject,
                                "EMAIL",
                                sealer.seal(newEmail, ContactChangedV2.TYPE, "sealedEmail", subject),
                                sealer.seal(citizen.phone(), ContactChangedV2.TYPE, "sealedPhone", subject),
                                sealer.seal(
                                        citizen.email(), ContactChangedV2.TYPE, "sealedPreviousDestination", subject),
                                changedAt))
                : cloudEvent(
                        EventTopics.IDENTITY,
                        ContactChangedV1.TYPE,
                        subject,
                        new ContactChangedV1(subject, "EMAIL", newEmail, citizen.phone(), citizen.email(), changedAt));
        if (v2) {
            assertThat(event)
                    .doesNotContain(newEmail)
                    .doesNotContain(citizen.email())
                    .doesNotContain(citizen.phone());
        }
        send(EventTopics.IDENTITY, subject, event);
        await(
                "the notice to the new address",
                () -> emailsTo(newEmail).stream()
                        .anyMatch(m -> subjectOf(m).equals("Thông tin liên hệ của tài khoản đã thay đổi")));
        await(
                "the notice to the previous address",
                () -> emailsTo(citizen.email()).stream()
                        .anyMatch(m -> textOf(m).contains("Địa chỉ email nhận thông báo")
                                && textOf(m).contains("10:05 22/11/2026")));
        await(
                "the SMS notice",
                () -> SMS.receivedBy(citizen.phone()).stream()
                        .anyMatch(s -> s.text().contains("Email cua tai khoan da thay doi")));
        assertThat(inboxCount(citizen.subject(), "CONTACT_CHANGED")).isEqualTo(1);
        assertThat(jdbc.sql("select email || ' ' || phone from recipient_contact where subject = ?")
                        .param(citizen.subject())
                        .query(String.class)
                        .single())
                .isEqualTo(newEmail + " " + citizen.phone());
        assertThat(directory.cached(citizen.subject()))
                .as("evicted on the contact change")
                .isEmpty();
        assertThat(jdbc.sql("""
                        select purpose || ':' || channel from delivery where recipient_subject = ? and kind = 'CONTACT_CHANGED'
                        order by purpose, channel""").param(citizen.subject()).query(String.class).list())
                .containsExactly("NOTICE:EMAIL", "NOTICE:INBOX", "NOTICE:SMS", "PREVIOUS_CONTACT:EMAIL");
    }

    // ------------------------------------------------------------------ delivery receipts and operators

    @Test
    void smsDeliveryReceiptsMoveTheStatusForwardOnly() {
        SMS.receipts(
                "http://127.0.0.1:" + port + "/api/v1/notifications/sms/receipts",
                "it-receipt-key",
                Duration.ofMillis(200));
        try {
            Citizen citizen = registeredCitizen();
            String code = dossierCode();
            send(
                    EventTopics.DOSSIER,
                    code,
                    cloudEvent(
                            EventTopics.DOSSIER,
                            DossierLifecycleEventV1.RECEIVED,
                            code,
                            dossierEvent(code, citizen.subject(), "RECEIVED")));
            await(
                    "the SMS delivered",
                    () -> "DELIVERED".equals(smsDeliveryStatus(citizen.subject(), "DOSSIER_RECEIVED")));
            SmsGatewaySimulator.Sms sms =
                    smsAbout(citizen.phone(), code, "tiep nhan").get(0);
            assertThat(SMS.status(sms.id())).isEqualTo("DELIVERED");
            assertThat(jdbc.sql("""
                            select count(*) from delivery where id = ?::uuid and provider_id = ? and sent_at is not null
                            and delivered_at is not null""")
                            .param(sms.reference())
                            .param(sms.id())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            // a late "undeliverable" for a delivered message changes nothing; a wrong key is refused
            String receipt = "{\"id\":\"" + sms.id() + "\",\"reference\":\"" + sms.reference()
                    + "\",\"status\":\"UNDELIVERABLE\"}";
            assertThat(service()
                            .post("/api/v1/notifications/sms/receipts", null, receipt, "X-Api-Key", "it-receipt-key")
                            .statusCode())
                    .isEqualTo(204);
            assertProblem(
                    service().post("/api/v1/notifications/sms/receipts", null, receipt, "X-Api-Key", "wrong"),
                    401,
                    "invalid-receipt-key");
            assertThat(smsDeliveryStatus(citizen.subject(), "DOSSIER_RECEIVED")).isEqualTo("DELIVERED");
            // the database itself refuses a backward move
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> jdbc.sql("update delivery set status = 'SENT' where id = ?::uuid")
                                    .param(sms.reference())
                                    .update())
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("cannot move from DELIVERED to SENT");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> jdbc.sql("update delivery set status = 'PENDING' where id = ?::uuid")
                                    .param(sms.reference())
                                    .update())
                    .isInstanceOf(DataAccessException.class);

            // the handset could not be reached: SENT -> FAILED
            SMS.failDeliveries(1);
            String next = dossierCode();
            send(
                    EventTopics.DOSSIER,
                    next,
                    cloudEvent(
                            EventTopics.DOSSIER,
                            DossierLifecycleEventV1.FORWARDED,
                            next,
                            dossierEvent(next, citizen.subject(), "IN_PROCESSING")));
            await(
                    "the undeliverable SMS failed",
                    () -> "FAILED".equals(smsDeliveryStatus(citizen.subject(), "DOSSIER_FORWARDED")));
        } finally {
            SMS.receipts(null, null, Duration.ofMillis(300));
        }
    }

    @Test
    void operatorsSeeFailedDeliveriesWithoutBodiesAndRetryOne() {
        Citizen citizen = registeredCitizen();
        UUID failed = UUID.randomUUID();
        String marker = "retry-" + failed.toString().substring(0, 8);
        jdbc.sql("""
                        insert into delivery (id, event_id, kind, recipient_subject, channel, status, destination, title,
                                              text_body, attempts, last_error, failed_at, created_at)
                        values (?, ?, 'DOSSIER_RECEIVED', ?, 'SMS', 'FAILED', ?, 'Hồ sơ đã được tiếp nhận', ?, 8, ?, now(),
                                now() + interval '1 hour')""")
                .params(
                        failed,
                        "evt-" + failed,
                        citizen.subject(),
                        citizen.phone(),
                        "DVC: " + marker,
                        "IllegalStateException: gateway refused " + citizen.phone())
                .update();
        String admin = issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null);

        HttpResponse<String> list = service().get("/api/v1/notifications/admin/deliveries?status=FAILED&size=5", admin);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        String tail = citizen.phone().substring(citizen.phone().length() - 3);
        List<Map<String, Object>> listed =
                json(list).read("$.items[?]", Filter.filter(Criteria.where("id").is(failed.toString())));
        assertThat(listed).as(list.body()).hasSize(1);
        assertThat(listed.get(0))
                .containsEntry("status", "FAILED")
                .containsEntry("channel", "SMS")
                .containsEntry("destination", "*******" + tail)
                .containsEntry("attempts", 8);
        assertThat((String) listed.get(0).get("lastError")).contains("gateway refused [number]");
        // what was sent, and the number, nowhere in the answer
        assertThat(list.body())
                .doesNotContain(marker)
                .doesNotContain(citizen.phone())
                .doesNotContain("Hồ sơ đã được tiếp nhận");
        assertProblem(
                service().get("/api/v1/notifications/admin/deliveries", tokenOf(citizen.subject())), 403, "forbidden");
        assertProblem(
                service()
                        .post(
                                "/api/v1/notifications/admin/deliveries/" + failed + "/retry",
                                tokenOf(citizen.subject()),
                                null),
                403,
                "forbidden");
        assertProblem(
                service().get("/api/v1/notifications/admin/deliveries?status=LOST", admin), 400, "validation-failed");

        HttpResponse<String> retried =
                service().post("/api/v1/notifications/admin/deliveries/" + failed + "/retry", admin, null);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json(retried).read("$", Map.class))
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 0);
        assertThat(json(retried).read("$.retriedBy", String.class)).isNotBlank();
        await(
                "the retried SMS",
                () -> SMS.receivedBy(citizen.phone()).stream()
                        .anyMatch(s -> s.text().contains(marker)));
        await(
                "the retried delivery sent",
                () -> List.of("SENT", "DELIVERED")
                        .contains(jdbc.sql("select status from delivery where id = ?")
                                .param(failed)
                                .query(String.class)
                                .single()));
        assertThat(jdbc.sql("select retried_by from delivery_retry where delivery_id = ?")
                        .param(failed)
                        .query(String.class)
                        .list())
                .hasSize(1)
                .allMatch(who -> who != null && !who.isBlank());
        assertProblem(
                service().post("/api/v1/notifications/admin/deliveries/" + failed + "/retry", admin, null),
                409,
                "delivery-not-retryable");
        assertProblem(
                service().post("/api/v1/notifications/admin/deliveries/" + UUID.randomUUID() + "/retry", admin, null),
                404,
                "delivery-not-found");
    }

    @Test
    void officersKnownFromTheirTokenHearOfNewAndTransferredDossiersOfTheirAgencyOnlyOnceTheyCanBeReceived() {
        String agency = "000.00." + ThreadLocalRandom.current().nextInt(10, 99) + ".H"
                + UUID.randomUUID().toString().substring(0, 6);
        String officerName = "canbo." + UUID.randomUUID().toString().substring(0, 8);
        String officerToken = issuer.staff(officerName, "OFFICER", agency);
        String officer = java.util
                .UUID
                .nameUUIDFromBytes(officerName.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        assertThat(service().get("/api/v1/notifications", officerToken).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("select agency_code from agency_officer where subject = ?")
                        .param(officer)
                        .query(String.class)
                        .single())
                .isEqualTo(agency);

        Citizen citizen = registeredCitizen();
        String unpaid = dossierCode();
        send(
                EventTopics.DOSSIER,
                unpaid,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.SUBMITTED,
                        unpaid,
                        atAgency(dossierEvent(unpaid, citizen.subject(), "AWAITING_PAYMENT"), agency)));
        String paid = dossierCode();
        send(
                EventTopics.DOSSIER,
                paid,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.SUBMITTED,
                        paid,
                        atAgency(paidEvent(paid, citizen.subject()), agency)));
        String transferred = dossierCode();
        send(
                EventTopics.DOSSIER,
                transferred,
                cloudEvent(
                        EventTopics.DOSSIER,
                        DossierLifecycleEventV1.TRANSFERRED,
                        transferred,
                        atAgency(dossierEvent(transferred, citizen.subject(), "TRANSFERRED"), agency)));

        await("the new dossier notice", () -> officerItems(officer).stream().anyMatch(t -> t.contains(paid)));
        await(
                "the transferred dossier notice",
                () -> officerItems(officer).stream().anyMatch(t -> t.contains(transferred)));
        // the citizen: "submitted" for the unpaid one; for the paid one the receipt notice said it already
        await("the citizen's notice", () -> inboxCount(citizen.subject(), "DOSSIER_SUBMITTED") == 1);
        holds(
                "no notice of the unpaid dossier",
                Duration.ofMillis(500),
                () -> assertThat(officerItems(officer))
                        .noneMatch(t -> t.contains(unpaid))
                        .hasSize(2));
        assertThat(inboxCount(citizen.subject(), "DOSSIER_SUBMITTED")).isEqualTo(1);
        assertThat(inboxCount(officer, "OFFICER_DOSSIER_TRANSFERRED")).isEqualTo(1);
    }

    List<String> officerItems(String officer) {
        return jdbc.sql("select title from inbox_item where recipient_subject = ? and kind like 'OFFICER_%'")
                .param(officer)
                .query(String.class)
                .list();
    }

    static DossierLifecycleEventV1 atAgency(DossierLifecycleEventV1 d, String agency) {
        return atAgency(d, agency, null);
    }

    /** {@code d} at {@code agency}, received for it by the service centre {@code centre} (null: none). */
    static DossierLifecycleEventV1 atAgency(DossierLifecycleEventV1 d, String agency, String centre) {
        return new DossierLifecycleEventV1(
                d.dossierCode(),
                d.procedureCode(),
                d.procedureName(),
                agency,
                "UBND xã thử nghiệm",
                d.applicantSubject(),
                null,
                d.fromStatus(),
                d.toStatus(),
                d.action(),
                d.actorSubject(),
                d.actorRole(),
                d.reason(),
                d.dueDate(),
                d.missingDocuments(),
                d.feeVnd(),
                d.occurredAt(),
                d.score(),
                centre);
    }

    String smsDeliveryStatus(String subject, String kind) {
        return jdbc.sql("select status from delivery where recipient_subject = ? and kind = ? and channel = 'SMS'")
                .param(subject)
                .param(kind)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** The title and body of each of a person's notices of {@code kind} in their inbox, read by path. */
    List<String> noticeTexts(String token, String kind) {
        HttpResponse<String> inbox = service().get("/api/v1/notifications", token);
        assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
        List<Map<String, Object>> items = json(inbox)
                .read("$.items[?]", Filter.filter(Criteria.where("kind").is(kind)));
        return items.stream().map(i -> i.get("title") + "\n" + i.get("body")).toList();
    }

    void optOutOfEverything(Citizen citizen) {
        HttpResponse<String> put = put("/api/v1/notifications/preferences", tokenOf(citizen.subject()), """
                {"kinds":[{"kind":"CONTACT_VERIFICATION","email":false,"sms":false},
                          {"kind":"CONTACT_CHANGED","email":false,"sms":false},
                          {"kind":"DOSSIER_RECEIVED","email":false,"sms":false}]}""");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(KindSettings.in(put, "CONTACT_CHANGED"))
                .isEqualTo(KindSettings.setting("CONTACT_CHANGED", true, true, true));
    }

    static String randomPhone() {
        return "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    // ------------------------------------------------------------------ helpers

    record Citizen(String subject, String email, String phone) {}

    /**
     * A citizen registered through identity-service's event, so their contacts are known here: v2, the name and
     * contacts sealed with the events' key, as identity-service publishes it (issue 16).
     */
    Citizen registeredCitizen() {
        return registeredCitizen(true);
    }

    /** As {@link #registeredCitizen()}, from a v2 event or from a v1 event (in clear, still read). */
    Citizen registeredCitizen(boolean v2) {
        String subject = UUID.randomUUID().toString();
        Citizen citizen = new Citizen(
                subject,
                "cd-" + subject.substring(0, 8) + "@example.vn",
                "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)));
        String type = CitizenRegisteredV2.TYPE;
        send(
                EventTopics.IDENTITY,
                subject,
                v2
                        ? cloudEvent(
                                EventTopics.IDENTITY,
                                type,
                                subject,
                                new CitizenRegisteredV2(
                                        subject,
                                        sealer.seal("Nguyễn Văn An", type, "sealedFullName", subject),
                                        sealer.seal(citizen.email(), type, "sealedEmail", subject),
                                        sealer.seal(citizen.phone(), type, "sealedPhone", subject),
                                        1,
                                        Instant.now()))
                        : cloudEvent(
                                EventTopics.IDENTITY,
                                CitizenRegisteredV1.TYPE,
                                subject,
                                new CitizenRegisteredV1(
                                        subject, "Nguyễn Văn An", citizen.email(), citizen.phone(), 1, Instant.now())));
        await(
                "the citizen's contacts",
                () -> jdbc.sql("select count(*) from recipient_contact where subject = ? and email is not null")
                                .param(subject)
                                .query(Long.class)
                                .single()
                        == 1);
        return citizen;
    }

    static String dossierCode() {
        return "000.00.01.H26-261122-" + (1000 + ThreadLocalRandom.current().nextInt(8999)) + "-"
                + UUID.randomUUID().toString().substring(0, 4);
    }

    static DossierLifecycleEventV1 dossierEvent(String code, String applicant, String toStatus) {
        return new DossierLifecycleEventV1(
                code,
                "1.001234",
                "Đăng ký khai sinh",
                "000.00.01.H26",
                "UBND phường Ba Đình",
                applicant,
                null,
                DossierStatus.SUBMITTED,
                DossierStatus.fromWire(toStatus),
                "receive",
                "officer-1",
                "OFFICER",
                null,
                LocalDate.of(2026, 12, 15),
                List.of(),
                0L,
                Instant.now(),
                null);
    }

    /** The CloudEvent JSON exactly as a publisher's outbox relay puts it on the topic. */
    String cloudEvent(String topic, String type, String subject, Object data) {
        String source = "/" + topic.split("\\.")[1] + "-service";
        return json.writeValueAsString(new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                source,
                type,
                subject,
                Instant.now().toString(),
                "application/json",
                null,
                null,
                json.valueToTree(data)));
    }

    void send(String topic, String key, String value) {
        try {
            kafka.send(topic, key, value).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
    }

    long inboxCount(String subject, String kind) {
        return jdbc.sql("select count(*) from inbox_item where recipient_subject = ? and kind = ?")
                .param(subject)
                .param(kind)
                .query(Long.class)
                .single();
    }

    List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(smtp.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().contains(address));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }

    List<MimeMessage> emailsAbout(String address, String code, String words) {
        return emailsTo(address).stream()
                .filter(m -> subjectOf(m).contains(code) && subjectOf(m).contains(words)
                        || subjectOf(m).contains(words) && textOf(m).contains(code))
                .toList();
    }

    List<SmsGatewaySimulator.Sms> smsAbout(String phone, String code, String words) {
        return SMS.receivedBy(phone).stream()
                .filter(s -> s.text().contains(code) && s.text().contains(words))
                .toList();
    }

    static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The text/plain part of the message. */
    static String textOf(MimeMessage m) {
        try {
            return plainText(m.getContent());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String plainText(Object content) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof Multipart nested) {
                    String found = plainText(nested);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    String tokenOf(String subject) {
        return issuer.token(c -> c.subject(subject).claim("realm_access", Map.of("roles", List.of("CITIZEN"))));
    }

    HttpResponse<String> put(String path, String token, String body) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    /** {@code assertion} holds, and keeps holding for {@code duration} (nothing more arrives meanwhile). */
    static void holds(String what, Duration duration, ThrowingRunnable assertion) {
        Awaitility.await(what)
                .during(duration)
                .atMost(duration.plusSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(assertion);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SmsGatewaySimulator startSms() {
        try {
            return new SmsGatewaySimulator(0, "it-sms-key").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

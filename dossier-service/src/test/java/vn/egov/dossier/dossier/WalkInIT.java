package vn.egov.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.time.VietnamTime;
import vn.egov.contracts.payment.PaymentSucceededV1;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * Issue 15 at the counter, over HTTP against real PostgreSQL and Kafka: a walk-in dossier taken by an officer
 * (received at once, channel DIRECT, scans marked original or copy, the applicant sealed and hashed), claimed by the
 * person once they sign in verified to level 2 (never at level 1), counter guidance for an incomplete one (GUIDED,
 * Mẫu 02's data), and stop-processing (Mẫu 05) — each with its refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class WalkInIT {

    /**
     * A dossier's events in order, but the staff's reminders (due soon, not received in time: decisions 50 and 51),
     * which the scheduled check may publish between any two steps of a case.
     */
    static final String TRANSITION_EVENTS = "select event_type from outbox_event where event_key = ? and event_type"
            + " not in ('vn.egov.dossier.due-soon.v1', 'vn.egov.dossier.receipt-overdue.v1') order by seq";

    static final String BA_DINH = DossierApi.BA_DINH;
    static final String HOAN_KIEM = "000.00.02.H26";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    DossierApi api() {
        return new DossierApi(port);
    }

    /** A national id of a woman born in 1985 (province 096), new for each test so that no other test claims it. */
    static String newNationalId() {
        return "096185" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    static String applicant(String nationalId) {
        return """
                {"nationalId":"%s","fullName":"Trần Thị Bình","dateOfBirth":"1985-03-08","sex":"FEMALE",
                 "phone":"0912345678","email":"binh@example.vn"}""".formatted(nationalId);
    }

    static String walkIn(String applicantJson) {
        return """
                {"applicant":%s,"procedureCode":"1.001193",
                 "formData":{"childName":"Trần Minh An","childDateOfBirth":"2026-11-01","childSex":"MALE",
                             "placeOfBirth":"Bệnh viện Phụ sản Hà Nội","relationship":"MOTHER"},
                 "documents":[{"requirementCode":"TO_KHAI","fileName":"to-khai.pdf","copyKind":"ORIGINAL"},
                              {"requirementCode":"GIAY_CHUNG_SINH","fileName":"giay-chung-sinh.png","copyKind":"COPY"}]}""".formatted(applicantJson);
    }

    /** A walk-in with only the form's scan ({@code fileName}, a PDF). */
    HttpResponse<String> takeWalkInWithOneScan(String token, String dossierJson, String fileName) {
        return api().multipart(
                        "/api/v1/desk/dossiers",
                        token,
                        List.of(
                                DossierLifecycleIT.Part.json("dossier", dossierJson),
                                DossierLifecycleIT.Part.file(fileName, "application/pdf", DossierApi.PDF)));
    }

    HttpResponse<String> takeWalkIn(String token, String dossierJson, String... headers) {
        return api().multipart(
                        "/api/v1/desk/dossiers",
                        token,
                        List.of(
                                DossierLifecycleIT.Part.json("dossier", dossierJson),
                                DossierLifecycleIT.Part.file("to-khai.pdf", "application/pdf", DossierApi.PDF),
                                DossierLifecycleIT.Part.file("giay-chung-sinh.png", "image/png", DossierApi.PNG)),
                        headers);
    }

    String officer() {
        return api().officer();
    }

    long dossiers() {
        return jdbc.sql("select count(*) from dossier").query(Long.class).single();
    }

    @Test
    void anOfficerTakesAWalkInDossierThatIsReceivedAtOnceWithTheScansMarkedAndTheApplicantSealed() {
        String nationalId = newNationalId();
        HttpResponse<String> taken = takeWalkIn(officer(), walkIn(applicant(nationalId)));

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        var body = json(taken);
        String code = body.read("$.code", String.class);
        assertThat(taken.headers().firstValue("Location")).contains("/api/v1/dossiers/" + code);
        assertThat(body.read("$.status", String.class)).isEqualTo("RECEIVED");
        assertThat(body.read("$.channel", String.class)).isEqualTo("DIRECT");
        assertThat(body.read("$.receivedDate", String.class))
                .isEqualTo(LocalDate.now(VietnamTime.ZONE).toString());
        assertThat(body.read("$.dueDate", String.class)).isNotNull();
        assertThat(body.read("$.dueAt", String.class)).isNotNull();
        assertThat(body.read("$.lookupSecret", String.class)).hasSize(8);
        assertThat(body.read("$.missingDocuments", List.class)).isEmpty();

        // stored: channel DIRECT, no account yet, the person sealed and only a keyed hash of the number
        UUID id = jdbc.sql("select id from dossier where code = ?")
                .param(code)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("select channel from dossier where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("DIRECT");
        assertThat(jdbc.sql("select applicant_subject from dossier where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("walk-in:" + id);
        Map<String, Object> person = jdbc.sql("select * from walk_in_applicant where dossier_id = ?")
                .param(id)
                .query()
                .singleRow();
        String sealed = new String((byte[]) person.get("sealed"), StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain(nationalId, "Bình", "0912345678");
        assertThat((String) person.get("national_id_hash")).hasSize(64).doesNotContain(nationalId);
        assertThat(person.get("received_by")).isEqualTo(DossierApi.subjectOf("motcua.badinh"));
        assertThat(jdbc.sql("select requirement_code || ':' || copy_kind from dossier_document where dossier_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("TO_KHAI:ORIGINAL", "GIAY_CHUNG_SINH:COPY");

        // the officer is the receiver: submit and receive, both theirs; one event each
        HttpResponse<String> history = api().service().get("/api/v1/dossiers/" + code + "/history", officer());
        assertThat(json(history).read("$[*].action", List.class)).containsExactly("submit", "receive");
        assertThat(json(history).read("$[*].actorRole", List.class)).containsExactly("OFFICER", "OFFICER");
        assertThat(json(history).read("$[*].actorSubject", List.class))
                .containsOnly(DossierApi.subjectOf("motcua.badinh"));
        assertThat(jdbc.sql(TRANSITION_EVENTS).param(code).query(String.class).list())
                .containsExactly("vn.egov.dossier.submitted.v1", "vn.egov.dossier.received.v1");

        // the desk sees the channel, the person (national id masked) and the marks
        HttpResponse<String> view = api().service().get("/api/v1/dossiers/" + code, officer());
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        var v = json(view);
        assertThat(v.read("$.channel", String.class)).isEqualTo("DIRECT");
        assertThat(v.read("$.status", String.class)).isEqualTo("RECEIVED");
        assertThat(v.read("$.walkInApplicant.fullName", String.class)).isEqualTo("Trần Thị Bình");
        assertThat(v.read("$.walkInApplicant.dateOfBirth", String.class)).isEqualTo("1985-03-08");
        assertThat(v.read("$.walkInApplicant.nationalIdMasked", String.class))
                .isEqualTo("096******" + nationalId.substring(9));
        assertThat(v.read("$.documents[*].copyKind", List.class)).containsExactlyInAnyOrder("ORIGINAL", "COPY");
        assertThat(view.body()).doesNotContain(nationalId);
    }

    @Test
    void aWalkInFeePaidAtTheCounterIsRecordedAsPaidAndTheReceivedDossierStaysWhereItIs() {
        // household business registration: Ba Đình, 100 000 VND; received at once, no payment order asked for
        HttpResponse<String> taken =
                takeWalkInWithOneScan(officer(), """
                        {"applicant":%s,"procedureCode":"1.001612",
                         "formData":{"businessName":"Hộ kinh doanh Bình An","businessLine":"Bán lẻ tạp hóa",
                                     "capitalVnd":50000000},
                         "documents":[{"requirementCode":"GIAY_DE_NGHI","fileName":"to-khai.pdf","copyKind":"ORIGINAL"}]}""".formatted(applicant(newNationalId())), "to-khai.pdf");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        String code = json(taken).read("$.code", String.class);
        assertThat(json(taken).read("$.status", String.class)).isEqualTo("RECEIVED");
        assertThat(json(api().service().get("/api/v1/dossiers/" + code, officer()))
                        .read("$.payment", Object.class))
                .isNull();

        // payment-service records the cash payment at the counter and says so as for an online payment (decision 36)
        UUID paymentId = UUID.randomUUID();
        vn.egov.dossier.PaymentServiceEvents.send(
                PaymentSucceededV1.TYPE,
                paymentId.toString(),
                new PaymentSucceededV1(
                        paymentId,
                        code,
                        BA_DINH,
                        100_000,
                        BA_DINH + "/2026/000001",
                        Instant.now(),
                        null,
                        null,
                        "walk-in:" + UUID.randomUUID()));

        // the fee is paid: the desk sees the payment; the dossier, already received, does not move
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> json(api().service().get("/api/v1/dossiers/" + code, officer()))
                                .read("$.payment", Map.class),
                        payment -> payment != null && paymentId.toString().equals(payment.get("id")));
        var view = json(api().service().get("/api/v1/dossiers/" + code, officer()));
        assertThat(view.read("$.status", String.class)).isEqualTo("RECEIVED");
        assertThat(view.read("$.payment.amount", Long.class)).isEqualTo(100_000L);
        // the payment is in the dossier's history (and so on Mẫu 06), by the system, with its receipt; no move
        var history = json(api().service().get("/api/v1/dossiers/" + code + "/history", officer()));
        assertThat(history.read("$[*].action", List.class)).containsExactly("submit", "receive", "fee-paid");
        assertThat(history.read("$[2].fromStatus", String.class)).isEqualTo("RECEIVED");
        assertThat(history.read("$[2].toStatus", String.class)).isEqualTo("RECEIVED");
        assertThat(history.read("$[2].actorRole", String.class)).isEqualTo("SYSTEM");
        assertThat(history.read("$[2].note", String.class)).isEqualTo("receipt " + BA_DINH + "/2026/000001");
    }

    @Test
    void theDossierBecomesThePersonsWhenTheySignInVerifiedToLevelTwoAndNeverOnALevelOneClaim() {
        String nationalId = newNationalId();
        String code = DossierApi.field(
                takeWalkIn(officer(), walkIn(applicant(nationalId))).body(), "code");

        // level 1: a number typed at registration is not verified; nothing is claimed
        String unverified = api().citizen(nationalId, 1);
        assertThat(json(api().service().get("/api/v1/dossiers?size=100", unverified))
                        .read("$.items[*].code", List.class))
                .doesNotContain(code);
        assertProblem(api().service().get("/api/v1/dossiers/" + code, unverified), 404, "dossier-not-found");
        // someone else, verified, never sees it
        String someoneElse = api().citizen(newNationalId(), 2);
        assertProblem(api().service().get("/api/v1/dossiers/" + code, someoneElse), 404, "dossier-not-found");

        // level 2: the list shows it, the dossier opens, and the claim is in its history
        String verified = api().citizen(nationalId, 2);
        assertThat(json(api().service().get("/api/v1/dossiers?size=100", verified))
                        .read("$.items[*].code", List.class))
                .contains(code);
        assertThat(json(api().service().get("/api/v1/dossiers?size=100", verified))
                        .read("$.items[?(@.code == '" + code + "')].channel", List.class))
                .containsExactly("DIRECT");
        HttpResponse<String> mine = api().service().get("/api/v1/dossiers/" + code, verified);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(jdbc.sql("select applicant_subject from dossier where code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo(DossierApi.subjectOf(nationalId));
        var history = json(api().service().get("/api/v1/dossiers/" + code + "/history", verified));
        assertThat(history.read("$[*].action", List.class)).containsExactly("submit", "receive", "claim");
        assertThat(history.read("$[2].actorRole", String.class)).isEqualTo("CITIZEN");
        assertThat(history.read("$[2].actorSubject", String.class)).isEqualTo(DossierApi.subjectOf(nationalId));
        // claimed once: opening it again writes nothing more
        api().service().get("/api/v1/dossiers/" + code, verified);
        assertThat(json(api().service().get("/api/v1/dossiers/" + code + "/history", verified))
                        .read("$[*].action", List.class))
                .containsExactly("submit", "receive", "claim");
        // the owner may now act on it like on their own submission
        assertThat(api().act(code, "withdraw", verified, "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void theCounterIsForOfficersOfTheProceduresAgencyAndCheckedInput() {
        long before = dossiers();
        String nationalId = newNationalId();
        String good = walkIn(applicant(nationalId));

        assertProblem(takeWalkIn(api().citizen(nationalId, 2), good), 403, "forbidden");
        assertProblem(takeWalkIn(api().issuer.staff("chuyenvien.badinh", "APPROVER", BA_DINH), good), 403, "forbidden");
        assertFieldProblem(
                takeWalkIn(api().issuer.staff("motcua.hoankiem", "OFFICER", HOAN_KIEM), good),
                422,
                "dossier-invalid",
                "procedureCode",
                "procedure-of-another-agency");

        // the national id: its shape, and its agreement with the year of birth and the sex
        assertFieldProblem(
                takeWalkIn(officer(), walkIn(applicant("12345"))),
                422,
                "dossier-invalid",
                "applicant.nationalId",
                "invalid-national-id");
        assertFieldProblem(
                takeWalkIn(officer(), walkIn(applicant("999185123456"))),
                422,
                "dossier-invalid",
                "applicant.nationalId",
                "invalid-national-id");
        String male1985 = "096085" + nationalId.substring(6);
        HttpResponse<String> mismatch = takeWalkIn(officer(), walkIn(applicant(male1985)), "Accept-Language", "en");
        assertThat(assertFieldProblem(mismatch, 422, "dossier-invalid", "applicant.nationalId", "national-id-mismatch"))
                .isEqualTo("The national id does not agree with the year of birth or the sex given.");
        assertThat(assertFieldProblem(
                        takeWalkIn(officer(), walkIn(applicant(male1985))),
                        422,
                        "dossier-invalid",
                        "applicant.nationalId",
                        "national-id-mismatch"))
                .isEqualTo("Số định danh cá nhân không khớp với năm sinh hoặc giới tính đã khai.");
        assertThat(mismatch.body()).doesNotContain(male1985);

        // everything else about the person, at once
        HttpResponse<String> person = takeWalkIn(officer(), walkIn("""
                        {"nationalId":"%s","fullName":" ","dateOfBirth":"08/03/1985","phone":"12345","email":"nope"}""".formatted(nationalId)));
        assertFieldProblem(person, 422, "dossier-invalid", "applicant.fullName", "required");
        assertFieldProblem(person, 422, "dossier-invalid", "applicant.dateOfBirth", "invalid-date");
        assertFieldProblem(person, 422, "dossier-invalid", "applicant.phone", "invalid-phone");
        assertFieldProblem(person, 422, "dossier-invalid", "applicant.email", "invalid-email");
        assertFieldProblem(
                takeWalkIn(officer(), "{\"procedureCode\":\"1.001193\"}"), 422, "dossier-invalid", "applicant");

        // each scan says what it was scanned from; every mandatory document is there (else: counter guidance)
        assertFieldProblem(
                takeWalkIn(officer(), walkIn(applicant(nationalId)).replace("\"COPY\"", "\"PHOTO\"")),
                422,
                "dossier-invalid",
                "documents[1].copyKind",
                "invalid-copy-kind");
        HttpResponse<String> incomplete = api().multipart(
                        "/api/v1/desk/dossiers",
                        officer(),
                        List.of(
                                DossierLifecycleIT.Part.json(
                                        "dossier",
                                        walkIn(applicant(nationalId))
                                                .replaceAll(
                                                        ",\\s*\\{\"requirementCode\":\"GIAY_CHUNG_SINH\"[^}]*}", "")),
                                DossierLifecycleIT.Part.file("to-khai.pdf", "application/pdf", DossierApi.PDF)));
        assertFieldProblem(incomplete, 422, "dossier-invalid", "documents", "missing-document");

        // sizes: 400 naming the field, before anything is looked at
        assertFieldProblem(
                takeWalkIn(officer(), walkIn(applicant(nationalId).replace("Trần Thị Bình", "x".repeat(201)))),
                400,
                "validation-failed",
                "applicant.fullName");
        assertProblem(takeWalkIn(officer(), "not json"), 400, "bad-request");
        assertProblem(
                takeWalkIn(officer(), walkIn(applicant(nationalId)).replace("1.001193", "9.999999")),
                404,
                "procedure-not-found");

        assertThat(dossiers()).as("nothing stored by a refused intake").isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyIsPerOfficer() {
        String good = walkIn(applicant(newNationalId()));
        String key = "walk-in-" + UUID.randomUUID();
        HttpResponse<String> first = takeWalkIn(officer(), good, "Idempotency-Key", key);
        HttpResponse<String> again = takeWalkIn(officer(), good, "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(DossierApi.field(again.body(), "code")).isEqualTo(DossierApi.field(first.body(), "code"));
        assertProblem(
                takeWalkIn(officer(), walkIn(applicant(newNationalId())), "Idempotency-Key", key),
                409,
                "idempotency-key-reused");
        // another officer's same key is another request
        HttpResponse<String> colleague =
                takeWalkIn(api().issuer.staff("motcua2.badinh", "OFFICER", BA_DINH), good, "Idempotency-Key", key);
        assertThat(colleague.statusCode()).as(colleague.body()).isEqualTo(201);
        assertThat(DossierApi.field(colleague.body(), "code")).isNotEqualTo(DossierApi.field(first.body(), "code"));
    }

    static String guidance(String nationalId, String missing, String reason) {
        return """
                {"applicant":%s,"procedureCode":"1.001193","missingDocuments":%s,"reason":%s,
                 "note":"Mang bản chính giấy chứng sinh"}""".formatted(applicant(nationalId), missing, reason);
    }

    @Test
    void anIncompleteWalkInIsGuidedNotReceived() {
        String nationalId = newNationalId();
        HttpResponse<String> guided = api().service()
                .post(
                        "/api/v1/desk/guidance",
                        officer(),
                        guidance(nationalId, "[\"GIAY_CHUNG_SINH\",\"GIAY_CHUNG_SINH\"]", "\"Thiếu giấy chứng sinh\""));
        assertThat(guided.statusCode()).as(guided.body()).isEqualTo(201);
        var body = json(guided);
        String code = body.read("$.code", String.class);
        assertThat(body.read("$.status", String.class)).isEqualTo("GUIDED");
        assertThat(body.read("$.channel", String.class)).isEqualTo("DIRECT");
        assertThat(body.read("$.receivedDate", String.class)).isNull();
        assertThat(body.read("$.dueDate", String.class)).isNull();
        assertThat(body.read("$.missingDocuments", List.class)).containsExactly("GIAY_CHUNG_SINH");

        Map<String, Object> row = jdbc.sql(
                        "select status, received_date, due_date, array_to_string(missing_documents, ',') missing from dossier where code = ?")
                .param(code)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("GUIDED");
        assertThat(row.get("received_date")).isNull();
        assertThat(row.get("due_date")).isNull();
        assertThat(row.get("missing")).isEqualTo("GIAY_CHUNG_SINH");
        Map<String, Object> entry = jdbc.sql("""
                        select action, from_status, to_status, actor_role, reason, note, details::text details
                        from dossier_history h join dossier d on d.id = h.dossier_id where d.code = ?""").param(code).query().singleRow();
        assertThat(entry.get("action")).isEqualTo("counter-guidance");
        assertThat(entry.get("from_status")).isNull();
        assertThat(entry.get("to_status")).isEqualTo("GUIDED");
        assertThat(entry.get("actor_role")).isEqualTo("OFFICER");
        assertThat(entry.get("reason")).isEqualTo("Thiếu giấy chứng sinh");
        assertThat((String) entry.get("details")).contains("\"missingDocuments\": [\"GIAY_CHUNG_SINH\"]");
        // nothing was received: no event, and nothing follows
        assertThat(jdbc.sql("select count(*) from outbox_event where event_key = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isZero();
        assertProblem(api().act(code, "receive", officer(), "{}"), 409, "dossier-transition-not-allowed");

        // refusals
        long before = dossiers();
        assertFieldProblem(
                api().service().post("/api/v1/desk/guidance", officer(), guidance(nationalId, "[\"TO_KHAI\"]", "null")),
                422,
                "dossier-invalid",
                "reason",
                "required");
        assertFieldProblem(
                api().service().post("/api/v1/desk/guidance", officer(), guidance(nationalId, "[]", "\"x\"")),
                422,
                "dossier-invalid",
                "missingDocuments",
                "required");
        assertFieldProblem(
                api().service()
                        .post("/api/v1/desk/guidance", officer(), guidance(nationalId, "[\"CCCD_GIA\"]", "\"x\"")),
                422,
                "dossier-invalid",
                "missingDocuments",
                "unknown-requirement");
        assertProblem(
                api().service()
                        .post(
                                "/api/v1/desk/guidance",
                                api().citizen(nationalId, 2),
                                guidance(nationalId, "[\"TO_KHAI\"]", "\"x\"")),
                403,
                "forbidden");
        assertFieldProblem(
                api().service()
                        .post(
                                "/api/v1/desk/guidance",
                                api().issuer.staff("motcua.hoankiem", "OFFICER", HOAN_KIEM),
                                guidance(nationalId, "[\"TO_KHAI\"]", "\"x\"")),
                422,
                "dossier-invalid",
                "procedureCode",
                "procedure-of-another-agency");
        assertThat(dossiers()).isEqualTo(before);
    }

    @Test
    void theAgencyStopsProcessingWithAReason() {
        String citizen = api().citizen("001090020031", 1);
        String code =
                DossierApi.field(api().submitBirth(citizen, "Ngô Bảo Châu").body(), "code");
        String approver = api().issuer.staff("chuyenvien.badinh", "APPROVER", BA_DINH);
        // not before the desk received it
        assertProblem(
                api().act(code, "stop-processing", officer(), "{\"reason\":\"x\"}"),
                409,
                "dossier-transition-not-allowed");
        assertThat(api().act(code, "receive", officer(), "{}").statusCode()).isEqualTo(200);

        assertFieldProblem(
                api().act(code, "stop-processing", officer(), "{\"note\":\"no reason\"}"),
                422,
                "dossier-invalid",
                "reason",
                "required");
        assertProblem(
                api().act(code, "stop-processing", citizen, "{\"reason\":\"x\"}"), 403, "dossier-action-forbidden");
        assertProblem(
                api().act(
                                code,
                                "stop-processing",
                                api().issuer.staff("motcua.hoankiem", "OFFICER", HOAN_KIEM),
                                "{\"reason\":\"x\"}"),
                404,
                "dossier-not-found");
        assertFieldProblem(
                api().act(code, "stop-processing", officer(), "{\"reason\":\"" + "x".repeat(2001) + "\"}"),
                400,
                "validation-failed",
                "reason");

        HttpResponse<String> stopped =
                api().act(code, "stop-processing", officer(), "{\"reason\":\"Người nộp đề nghị dừng giải quyết\"}");
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(json(stopped).read("$.status", String.class)).isEqualTo("STOPPED");
        assertThat(jdbc.sql("select payload from outbox_event where event_key = ? and event_type = ?")
                        .params(code, "vn.egov.dossier.stopped.v1")
                        .query(String.class)
                        .single())
                .contains("\"action\":\"stop-processing\"", "\"toStatus\":\"STOPPED\"", "dừng giải quyết");
        var history = json(api().service().get("/api/v1/dossiers/" + code + "/history", officer()));
        assertThat(history.read("$[-1].action", String.class)).isEqualTo("stop-processing");
        assertThat(history.read("$[-1].reason", String.class)).isEqualTo("Người nộp đề nghị dừng giải quyết");
        // final
        assertProblem(
                api().act(code, "stop-processing", officer(), "{\"reason\":\"x\"}"),
                409,
                "dossier-transition-not-allowed");
        assertProblem(api().act(code, "withdraw", citizen, "{}"), 409, "dossier-transition-not-allowed");

        // in processing it is the approver's, not the one-stop officer's
        String other =
                DossierApi.field(api().submitBirth(citizen, "Ngô Bảo Long").body(), "code");
        api().act(other, "receive", officer(), "{}");
        api().act(other, "forward", officer(), "{}");
        assertProblem(
                api().act(other, "stop-processing", officer(), "{\"reason\":\"x\"}"),
                409,
                "dossier-transition-not-allowed");
        HttpResponse<String> byApprover = api().act(other, "stop-processing", approver, "{\"reason\":\"x\"}");
        assertThat(json(byApprover).read("$.status", String.class)).isEqualTo("STOPPED");
    }

    /** The official forms of a dossier that went through the desk: the applicant the officer named, the scans. */
    @Test
    void theDesksFormsNameTheWalkInApplicantAndSayWhichPapersWereScanned() throws Exception {
        String code = DossierApi.field(
                takeWalkIn(officer(), walkIn(applicant(newNationalId()))).body(), "code");
        String receipt = formText(code, "01");
        assertThat(receipt)
                .contains(code, "Trần Thị Bình", "Bản chính (đã số hóa)", "Bản sao (đã số hóa)")
                .doesNotContain("Bản điện tử");

        // counter guidance: Mẫu 02 is the only form, naming the person and what is missing
        String guided = DossierApi.field(
                api().service()
                        .post(
                                "/api/v1/desk/guidance",
                                officer(),
                                guidance(newNationalId(), "[\"GIAY_CHUNG_SINH\"]", "\"Thiếu giấy chứng sinh\""))
                        .body(),
                "code");
        assertThat(json(api().service().get("/api/v1/dossiers/" + guided + "/forms", officer()))
                        .read("$[*].form", List.class))
                .containsExactly("02");
        assertThat(formText(guided, "02")).contains(guided, "Trần Thị Bình", "Thiếu giấy chứng sinh");

        // stopped: Mẫu 05 with the reason
        assertThat(api().act(code, "stop-processing", officer(), "{\"reason\":\"Người nộp đề nghị dừng\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(formText(code, "05")).contains(code, "Trần Thị Bình", "Người nộp đề nghị dừng");
    }

    String formText(String code, String form) throws Exception {
        HttpResponse<byte[]> pdf = DossierApi.HTTP.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://127.0.0.1:" + port + "/api/v1/dossiers/" + code + "/forms/" + form))
                        .header("Authorization", "Bearer " + officer())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode())
                .as(() -> new String(pdf.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /** A walk-in dossier taken, forwarded and resolved: ready to hand over. */
    String resolvedWalkIn() {
        String code = DossierApi.field(
                takeWalkIn(officer(), walkIn(applicant(newNationalId()))).body(), "code");
        assertThat(api().act(code, "forward", officer(), "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> resolved =
                api().act(code, "resolve", api().issuer.staff("chuyenvien.badinh", "APPROVER", BA_DINH), "{}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        return code;
    }

    @Test
    void theResultIsHandedOverAtTheCounterToSomeoneNamedWithTheirNationalIdSealed() {
        String code = resolvedWalkIn();
        String collector = "001" + "0" + "90"
                + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));

        assertFieldProblem(
                api().act(code, "return-result", officer(), "{\"delivery\":{\"method\":\"COUNTER\"}}"),
                422,
                "dossier-invalid",
                "delivery.collectedByName",
                "required");
        HttpResponse<String> badId = api().service()
                .post(
                        "/api/v1/dossiers/" + code + "/actions/return-result",
                        officer(),
                        "{\"delivery\":{\"method\":\"COUNTER\",\"collectedByName\":\"Lê Văn Cường\",\"collectedByNationalId\":\"12\"}}",
                        "Accept-Language",
                        "en");
        assertThat(assertFieldProblem(
                        badId, 422, "dossier-invalid", "delivery.collectedByNationalId", "invalid-national-id"))
                .isEqualTo("A national id has 12 digits.");
        assertFieldProblem(
                api().act(code, "return-result", officer(), "{\"delivery\":{\"method\":\"PIGEON\"}}"),
                422,
                "dossier-invalid",
                "delivery.method",
                "invalid-delivery-method");
        assertFieldProblem(
                api().act(code, "return-result", officer(), "{\"delivery\":{\"method\":\"POST\"}}"),
                422,
                "dossier-invalid",
                "delivery.method",
                "use-post-result");
        assertProblem(
                api().act(
                                code,
                                "return-result",
                                api().issuer.staff("chuyenvien.badinh", "APPROVER", BA_DINH),
                                "{\"delivery\":{\"method\":\"COUNTER\"}}"),
                403,
                "dossier-action-forbidden");

        HttpResponse<String> returned = api().act(
                        code,
                        "return-result",
                        officer(),
                        "{\"note\":\"Nhận thay\",\"delivery\":{\"method\":\"COUNTER\",\"collectedByName\":\"Lê Văn Cường\","
                                + "\"collectedByNationalId\":\"" + collector + "\"}}");
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        var v = json(returned);
        assertThat(v.read("$.status", String.class)).isEqualTo("RESULT_RETURNED");
        assertThat(v.read("$.resultDelivery.method", String.class)).isEqualTo("COUNTER");
        assertThat(v.read("$.resultDelivery.collectedByName", String.class)).isEqualTo("Lê Văn Cường");
        assertThat(v.read("$.resultDelivery.collectedByNationalIdMasked", String.class))
                .isEqualTo("001******" + collector.substring(9));
        assertThat(returned.body()).doesNotContain(collector);
        // at rest: sealed in result_delivery; the history names them with the number masked
        byte[] sealed = jdbc.sql(
                        "select collector from result_delivery r join dossier d on d.id = r.dossier_id where d.code = ?")
                .param(code)
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(collector, "Cường");
        String details = jdbc.sql("""
                        select details::text from dossier_history h join dossier d on d.id = h.dossier_id
                        where d.code = ? and h.action = 'return-result'""").param(code).query(String.class).single();
        assertThat(details).contains("COUNTER", "Lê Văn Cường", "001******").doesNotContain(collector);
    }

    @Test
    void aResultSentByPostIsPostedThenDelivered() {
        String code = resolvedWalkIn();
        String tomorrow = LocalDate.now(VietnamTime.ZONE).plusDays(1).toString();
        String today = LocalDate.now(VietnamTime.ZONE).toString();

        HttpResponse<String> missing = api().act(code, "post-result", officer(), "{}");
        assertFieldProblem(missing, 422, "dossier-invalid", "delivery.trackingNumber", "required");
        assertFieldProblem(missing, 422, "dossier-invalid", "delivery.postedDate", "required");
        assertFieldProblem(
                api().act(
                                code,
                                "post-result",
                                officer(),
                                "{\"delivery\":{\"trackingNumber\":\"EB123456789VN\",\"postedDate\":\"" + tomorrow
                                        + "\"}}"),
                422,
                "dossier-invalid",
                "delivery.postedDate",
                "in-the-future");
        assertProblem(
                api().act(
                                code,
                                "post-result",
                                api().issuer.staff("motcua.hoankiem", "OFFICER", HOAN_KIEM),
                                "{\"delivery\":{\"trackingNumber\":\"EB123456789VN\",\"postedDate\":\"" + today
                                        + "\"}}"),
                404,
                "dossier-not-found");

        HttpResponse<String> posted = api().act(
                        code,
                        "post-result",
                        officer(),
                        "{\"delivery\":{\"trackingNumber\":\"EB123456789VN\",\"postedDate\":\"" + today + "\"}}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(json(posted).read("$.status", String.class)).isEqualTo("POSTED");
        assertThat(json(posted).read("$.resultDelivery.trackingNumber", String.class))
                .isEqualTo("EB123456789VN");
        assertThat(json(posted).read("$.resultDelivery.deliveredAt", String.class))
                .isNull();
        assertThat(jdbc.sql("select payload from outbox_event where event_key = ? and event_type = ?")
                        .params(code, "vn.egov.dossier.result-posted.v1")
                        .query(String.class)
                        .single())
                .contains("\"toStatus\":\"POSTED\"", "EB123456789VN");
        // posted once; at the counter no more
        assertProblem(
                api().act(
                                code,
                                "post-result",
                                officer(),
                                "{\"delivery\":{\"trackingNumber\":\"X\",\"postedDate\":\"" + today + "\"}}"),
                409,
                "dossier-transition-not-allowed");
        assertFieldProblem(
                api().act(code, "return-result", officer(), "{\"delivery\":{\"method\":\"COUNTER\"}}"),
                422,
                "dossier-invalid",
                "delivery.method",
                "delivery-already-posted");

        HttpResponse<String> delivered = api().act(code, "return-result", officer(), "{}");
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(json(delivered).read("$.status", String.class)).isEqualTo("RESULT_RETURNED");
        assertThat(json(delivered).read("$.resultDelivery.deliveredAt", String.class))
                .isNotNull();
        assertThat(json(api().service().get("/api/v1/dossiers/" + code + "/history", officer()))
                        .read("$[*].action", List.class))
                .containsExactly("submit", "receive", "forward", "resolve", "post-result", "return-result");
    }

    /** Issue 15, decision 44: the desk finds an applicant's dossiers by CCCD or full name, through blind indexes. */
    @Test
    void theQueueIsSearchedByTheApplicantsNationalIdOrFullNameWithoutEitherInClear() {
        String nationalId = newNationalId();
        String walkInCode = DossierApi.field(
                takeWalkIn(officer(), walkIn(applicant(nationalId))).body(), "code");
        // the same person submits online too: found by the CCCD of their token and the name it gives
        String online = api().issuer
                .token(c -> c.subject(DossierApi.subjectOf(nationalId))
                        .claim("preferred_username", nationalId)
                        .claim("realm_access", java.util.Map.of("roles", List.of("CITIZEN")))
                        .claim("loa", 2)
                        .claim("family_name", "Trần Thị")
                        .claim("given_name", "Bình"));
        String onlineCode =
                DossierApi.field(api().submitBirth(online, "Trần Minh Khôi").body(), "code");
        // another person with a name that only shares a part
        String other = DossierApi.field(
                takeWalkIn(officer(), walkIn(applicant(newNationalId()).replace("Trần Thị Bình", "Trần Thị Bình An")))
                        .body(),
                "code");

        String officer = officer();
        assertThat(search(officer, nationalId)).containsExactlyInAnyOrder(walkInCode, onlineCode);
        // accents, case and spaces folded; a partial name finds nothing
        assertThat(search(officer, "  tran THI   binh "))
                .contains(walkInCode, onlineCode)
                .doesNotContain(other);
        assertThat(search(officer, "Trần Thị Bình An")).contains(other).doesNotContain(walkInCode);
        assertThat(search(officer, "Thị Bình")).doesNotContain(walkInCode, onlineCode, other);
        // combined with the status filter, and only the officer's agency
        assertThat(search(officer, nationalId + "&status=RECEIVED")).containsExactly(walkInCode);
        String hoanKiem = api().issuer.staff("motcua.hoankiem", "OFFICER", HOAN_KIEM);
        assertThat(search(hoanKiem, nationalId)).isEmpty();

        // nothing in clear: the index holds digests only, neither the number nor the folded name
        List<String> digests = jdbc.sql(
                        "select digest from dossier_applicant_index i join dossier d on d.id = i.dossier_id"
                                + " where d.code in (?, ?)")
                .params(walkInCode, onlineCode)
                .query(String.class)
                .list();
        assertThat(digests)
                .hasSize(4)
                .allSatisfy(d -> assertThat(d)
                        .doesNotContain(nationalId)
                        .doesNotContainIgnoringCase("tran")
                        .matches("[0-9a-f]{64}"));

        // refused, naming the field: nothing to look up, too long
        assertFieldProblem(
                api().service().get("/api/v1/dossiers?applicant=%20-%20", officer),
                400,
                "validation-failed",
                "applicant");
        assertFieldProblem(
                api().service().get("/api/v1/dossiers?applicant=" + "a".repeat(101), officer),
                400,
                "validation-failed",
                "applicant");
    }

    private List<String> search(String token, String applicantAndMore) {
        String[] parts = applicantAndMore.split("&", 2);
        String query = "applicant=" + java.net.URLEncoder.encode(parts[0], java.nio.charset.StandardCharsets.UTF_8)
                + (parts.length > 1 ? "&" + parts[1] : "");
        HttpResponse<String> r = api().service().get("/api/v1/dossiers?size=100&" + query, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).read("$.items[*].code", List.class);
    }
}

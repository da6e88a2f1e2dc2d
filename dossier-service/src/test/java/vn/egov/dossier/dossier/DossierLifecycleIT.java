package vn.egov.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static vn.egov.dossier.dossier.SubmissionBuilder.aBirthRegistration;
import static vn.egov.dossier.dossier.SubmissionBuilder.aBuildingPermit;
import static vn.egov.dossier.dossier.SubmissionBuilder.aJudicialRecordRequest;
import static vn.egov.dossier.dossier.SubmissionBuilder.aMarriageStatusConfirmation;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import com.jayway.jsonpath.DocumentContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.payment.PaymentSucceededV1;
import vn.egov.dossier.calendar.Deadlines;
import vn.egov.dossier.calendar.TimeLimit;
import vn.egov.dossier.calendar.WorkingDayCalendar;
import vn.egov.dossier.intake.Uploads;
import vn.egov.dossier.submission.DossierCodes;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;
import vn.egov.testsupport.TestIssuer;

/**
 * Dossiers end to end over HTTP: real PostgreSQL, real Kafka, real signed tokens, and a real HTTP stub
 * of payment-service that can be stopped and started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
public class DossierLifecycleIT {

    /**
     * A dossier's events in order, but the staff's reminders (due soon, not received in time: decisions 50 and 51),
     * which the scheduled check may publish between any two steps of a case.
     */
    static final String TRANSITION_EVENTS = "select event_type from outbox_event where event_key = ? and event_type"
            + " not in ('vn.egov.dossier.due-soon.v1', 'vn.egov.dossier.receipt-overdue.v1') order by seq";

    static final PaymentServiceStub PAYMENTS = new PaymentServiceStub();
    static final IdentityServiceStub IDENTITY = new IdentityServiceStub();
    static final String BA_DINH = "000.00.01.H26";
    static final String HOAN_KIEM = "000.00.02.H26";
    public static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                    + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                    + "3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\n"
                    + "trailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    public static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'
    };
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        PAYMENTS.start();
        IDENTITY.start();
    }

    @DynamicPropertySource
    static void paymentService(DynamicPropertyRegistry registry) {
        registry.add("egov.dossier.payment.base-url", PAYMENTS::baseUrl);
        registry.add("egov.dossier.identity.base-url", IDENTITY::baseUrl);
        registry.add("egov.dossier.identity.retry-wait", () -> "20ms");
        // the tests stop identity-service on purpose; the breaker they open must not outlive the test
        registry.add("egov.dossier.identity.circuit-open-for", () -> "100ms");
        registry.add("egov.dossier.payment.token-uri", () -> PAYMENTS.baseUrl() + "/token");
        registry.add("egov.dossier.payment.sweep-interval", () -> "1s");
        registry.add("egov.dossier.payment.retry-wait", () -> "50ms");
        registry.add("egov.dossier.documents.max-file-size", () -> "1MB");
    }

    @AfterAll
    static void stopStub() {
        PAYMENTS.stop();
        IDENTITY.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    DossierCodes dossierCodes;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    Deadlines deadlines;

    /**
     * A birth registration's due date if received at one of these instants (a same-day procedure: the answer
     * changes at 15:00 and at the closing, so the instants before and after the call bound it).
     */
    List<String> birthDueDates(Instant... receivedAt) {
        return java.util.Arrays.stream(receivedAt)
                .map(at -> deadlines
                        .due(at, new TimeLimit(1, TimeLimit.Unit.SAME_DAY, null), DossierApi.BA_DINH)
                        .dueDate()
                        .toString())
                .toList();
    }

    @Autowired
    EventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    final TestIssuer issuer = TestIssuer.shared();

    public record Part(String name, String fileName, String contentType, byte[] content) {
        public static Part json(String name, String json) {
            return new Part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public static Part file(String fileName, String claimedType, byte[] content) {
            return new Part("files", fileName, claimedType, content);
        }
    }

    ServiceConformance service() {
        return new ServiceConformance(port);
    }

    DossierApi api() {
        return new DossierApi(port);
    }

    HttpResponse<String> multipart(String path, String token, List<Part> parts, String... headers) {
        return api().multipart(path, token, parts, headers);
    }

    String citizen(String nationalId, int loa) {
        return api().citizen(nationalId, loa);
    }

    HttpResponse<String> submitBirth(String token, String childName, String... headers) {
        return multipart(
                "/api/v1/dossiers", token, aBirthRegistration(childName).parts(), headers);
    }

    static String field(String json, String name) {
        return DossierApi.field(json, name);
    }

    HttpResponse<String> act(String code, String action, String token, String json) {
        return api().act(code, action, token, json);
    }

    /** The {@code status} of the dossier a response shows. */
    static String status(HttpResponse<String> response) {
        return json(response).read("$.status", String.class);
    }

    /** The form data of the dossier as its owner (or an officer) sees it. */
    Map<String, Object> formData(String code, String token) {
        return json(service().get("/api/v1/dossiers/" + code, token)).read("$.formData");
    }

    static LocalDate todayInVietnam() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    @Test
    void aZeroFeeDossierGoesThroughTheWholeOneStopDesk() throws Exception {
        String owner = citizen("001190000101", 1);
        String officer = issuer.staff("motcua.badinh", "OFFICER", BA_DINH);
        String approver = issuer.staff("chuyenvien.badinh", "APPROVER", BA_DINH);

        HttpResponse<String> submitted = submitBirth(owner, "Nguyễn Văn An");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String code = field(submitted.body(), "code");
        assertThat(code)
                .matches(Pattern.quote(BA_DINH) + "-\\d{6}-\\d{4}")
                .contains("-" + todayInVietnam().format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "-");
        assertThat(json(submitted).read("$.status", String.class)).isEqualTo("SUBMITTED");
        assertThat(json(submitted).read("$.payment", Object.class)).isNull();

        HttpResponse<String> detail = service().get("/api/v1/dossiers/" + code, owner);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(json(detail).read("$.formData.childName", String.class)).isEqualTo("Nguyễn Văn An");
        List<Map<String, Object>> form = json(detail).read("$.documents[?(@.requirementCode == 'TO_KHAI')]");
        assertThat(form)
                .singleElement()
                .satisfies(document -> assertThat(document)
                        .containsEntry("fileName", "to-khai.pdf")
                        .containsEntry("contentType", "application/pdf")
                        .containsEntry("sha256", Uploads.sha256(PDF)));
        HttpResponse<byte[]> file =
                download("/api/v1/dossiers/" + code + "/documents/" + documentId(detail.body(), "TO_KHAI"), officer);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");

        // the approver cannot act before the one-stop desk received it
        HttpResponse<String> early = act(code, "resolve", approver, "{}");
        assertProblem(early, 409, "dossier-transition-not-allowed");
        assertThat(json(early).read("$.detail", String.class)).contains("SUBMITTED");

        Instant beforeReceipt = Instant.now();
        HttpResponse<String> received = act(code, "receive", officer, "{\"note\":\"Đủ hồ sơ\"}");
        Instant afterReceipt = Instant.now();
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        // birth registration is a same-day procedure (V15): today by 15:00, else the next working day
        assertThat(json(received).read("$.status", String.class)).isEqualTo("RECEIVED");
        LocalDate due = LocalDate.parse(json(received).read("$.dueDate", String.class));
        assertThat(due.toString()).isIn(birthDueDates(beforeReceipt, afterReceipt));
        assertThat(json(received).read("$.receivedDate", String.class))
                .isEqualTo(todayInVietnam().toString());

        assertProblem(act(code, "request-supplement", officer, "{\"missingDocuments\":[]}"), 422, "dossier-invalid");
        HttpResponse<String> supplementAsked = act(
                code,
                "request-supplement",
                officer,
                "{\"reason\":\"Thiếu văn bản ủy quyền\",\"missingDocuments\":[\"UY_QUYEN\"]}");
        assertThat(json(supplementAsked).read("$.status", String.class)).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(json(supplementAsked).read("$.missingDocuments", List.class)).containsExactly("UY_QUYEN");

        // someone else's supplement is refused like a missing dossier; the owner's wrong file is named
        assertProblem(
                multipart(
                        "/api/v1/dossiers/" + code + "/supplements",
                        citizen("001190000199", 1),
                        List.of(
                                Part.json(
                                        "supplement",
                                        "{\"documents\":[{\"requirementCode\":\"UY_QUYEN\",\"fileName\":\"uy-quyen.pdf\"}]}"),
                                Part.file("uy-quyen.pdf", "application/pdf", PDF))),
                404,
                "dossier-not-found");
        HttpResponse<String> notAPdf = multipart(
                "/api/v1/dossiers/" + code + "/supplements",
                owner,
                List.of(
                        Part.json(
                                "supplement",
                                "{\"documents\":[{\"requirementCode\":\"UY_QUYEN\",\"fileName\":\"uy-quyen.pdf\"}]}"),
                        Part.file("uy-quyen.pdf", "application/pdf", PNG)));
        assertProblem(notAPdf, 422, "dossier-invalid");
        assertThat(notAPdf.body()).contains("content-type-not-allowed");
        HttpResponse<String> supplemented = multipart(
                "/api/v1/dossiers/" + code + "/supplements",
                owner,
                List.of(
                        Part.json(
                                "supplement",
                                "{\"note\":\"Bổ sung\",\"documents\":[{\"requirementCode\":\"UY_QUYEN\",\"fileName\":\"uy-quyen.pdf\"}]}"),
                        Part.file("uy-quyen.pdf", "application/pdf", PDF)));
        assertThat(supplemented.statusCode()).as(supplemented.body()).isEqualTo(200);
        assertThat(json(supplemented).read("$.status", String.class)).isEqualTo("RECEIVED");
        assertThat(json(supplemented).read("$.documents[*].kind", List.class)).contains("SUPPLEMENT");
        assertThat(json(supplemented).read("$.dueDate", String.class)).isEqualTo(due.toString());
        assertThat(json(supplemented).read("$.missingDocuments", List.class)).isEmpty();

        assertThat(json(act(code, "forward", officer, "{\"note\":\"Chuyển chuyên viên\"}"))
                        .read("$.status", String.class))
                .isEqualTo("IN_PROCESSING");
        assertProblem(act(code, "resolve", officer, "{}"), 403, "dossier-action-forbidden");
        assertProblem(
                multipart(
                        "/api/v1/dossiers/" + code + "/actions/resolve",
                        approver,
                        List.of(
                                Part.json("action", "{\"note\":\"Đồng ý\"}"),
                                new Part("result", "ket-qua.pdf", "application/pdf", PNG))),
                422,
                "dossier-invalid");
        HttpResponse<String> resolved = multipart(
                "/api/v1/dossiers/" + code + "/actions/resolve",
                approver,
                List.of(
                        Part.json("action", "{\"note\":\"Đồng ý\"}"),
                        new Part("result", "ket-qua.pdf", "application/pdf", PDF)));
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(json(resolved).read("$.status", String.class)).isEqualTo("RESOLVED");
        assertThat(json(resolved).read("$.documents[?(@.kind == 'RESULT')].fileName", List.class))
                .containsExactly("ket-qua.pdf");
        assertProblem(act(code, "withdraw", owner, "{}"), 409, "dossier-transition-not-allowed");
        assertThat(json(act(code, "return-result", officer, "{}")).read("$.status", String.class))
                .isEqualTo("RESULT_RETURNED");

        HttpResponse<String> history = service().get("/api/v1/dossiers/" + code + "/history", owner);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(json(history).read("$[*].action", List.class))
                .containsExactly(
                        "submit", "receive", "request-supplement", "supplement", "forward", "resolve", "return-result");
        assertThat(json(history).read("$[*].actorRole", List.class)).contains("APPROVER", "OFFICER", "CITIZEN");
        assertThat(json(history).read("$[?(@.action == 'request-supplement')].reason", List.class))
                .containsExactly("Thiếu văn bản ủy quyền");

        // one event per transition, written with the change, relayed to Kafka
        assertThat(jdbc.sql(TRANSITION_EVENTS).param(code).query(String.class).list())
                .containsExactly(
                        "vn.egov.dossier.submitted.v1",
                        "vn.egov.dossier.received.v1",
                        "vn.egov.dossier.supplement-requested.v1",
                        "vn.egov.dossier.supplemented.v1",
                        "vn.egov.dossier.forwarded.v1",
                        "vn.egov.dossier.resolved.v1",
                        "vn.egov.dossier.result-returned.v1");
        assertThat(ServiceConformance.readTopic(
                        RealInfrastructure.kafkaBootstrapServers(), EventTopics.DOSSIER, code, Duration.ofSeconds(60)))
                .isNotEmpty();

        assertProblem(
                service().post("/api/v1/dossiers/" + code + "/rating", owner, "{\"score\":7}"), 422, "dossier-invalid");
        assertProblem(
                service().post("/api/v1/dossiers/" + code + "/rating", officer, "{\"score\":5}"),
                403,
                "dossier-action-forbidden");
        assertThat(service()
                        .post("/api/v1/dossiers/" + code + "/rating", owner, "{\"score\":5,\"comment\":\"Nhanh\"}")
                        .statusCode())
                .isEqualTo(201);
        assertProblem(
                service().post("/api/v1/dossiers/" + code + "/rating", owner, "{\"score\":4}"),
                409,
                "dossier-already-rated");
        // DossierRated, once, with the score in reason; the rating in the history
        List<String> rated = jdbc.sql("select payload from outbox_event where event_key = ? and event_type = ?")
                .params(code, "vn.egov.dossier.rated.v1")
                .query(String.class)
                .list();
        assertThat(rated)
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .contains(
                                "\"reason\":\"5\"",
                                "\"score\":5",
                                "\"action\":\"rate\"",
                                "\"actorRole\":\"CITIZEN\"",
                                "\"toStatus\":\"RESULT_RETURNED\"")
                        .doesNotContain("Nhanh"));
        assertThat(service().get("/api/v1/dossiers/" + code + "/history", owner).body())
                .contains("\"action\":\"rate\",\"fromStatus\":\"RESULT_RETURNED\",\"toStatus\":\"RESULT_RETURNED\"");

        HttpResponse<String> statistics = service().get("/api/v1/statistics/agencies", null);
        assertThat(statistics.statusCode()).isEqualTo(200);
        String baDinh = statistics
                .body()
                .replaceAll("(?s).*(\\{\"agencyCode\":\"" + Pattern.quote(BA_DINH) + "\"[^}]*}).*", "$1");
        // online share: the dossiers citizens submitted among all this year's (walk-ins, WalkInIT, are DIRECT)
        double onlineShare = jdbc.sql("""
                        select count(*) filter (where channel = 'ONLINE')::float8 / count(*) from dossier
                        where agency_code = ? and status <> 'GUIDED'
                          and extract(year from submitted_at at time zone 'Asia/Ho_Chi_Minh')
                              = extract(year from now() at time zone 'Asia/Ho_Chi_Minh')""").param(BA_DINH).query(Double.class).single();
        assertThat(json(baDinh).read("$.onlineShare", Double.class)).isCloseTo(onlineShare, within(1e-9));
        assertThat(baDinh).doesNotContain("\"resolvedOnTime\":0,", "\"averageRating\":null");
        // paused: the dossiers waiting for a supplement (the clock stopped), a part of those in progress
        long paused = jdbc.sql("""
                        select count(*) from dossier
                        where agency_code = ? and status = 'AWAITING_SUPPLEMENT'
                          and extract(year from submitted_at at time zone 'Asia/Ho_Chi_Minh')
                              = extract(year from now() at time zone 'Asia/Ho_Chi_Minh')""").param(BA_DINH).query(Long.class).single();
        assertThat(json(baDinh).read("$.paused", Long.class)).isEqualTo(paused);
        assertThat(json(baDinh).read("$.inProgress", Long.class)).isGreaterThanOrEqualTo(paused);

        String secret = json(service().get("/api/v1/dossiers/" + code, owner)).read("$.lookupSecret", String.class);
        HttpResponse<String> lookup = service().get("/api/v1/public/dossiers/" + code + "?secret=" + secret, null);
        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(lookup.body())
                .contains("\"status\":\"RESULT_RETURNED\"", "Đăng ký khai sinh", "\"appointmentDate\":\"" + due + "\"")
                .doesNotContain(
                        "Nguyễn Văn An",
                        "001190000101",
                        UUID.nameUUIDFromBytes("001190000101".getBytes(StandardCharsets.UTF_8))
                                .toString(),
                        "to-khai.pdf");
    }

    @Test
    void codesHaveNoGapsAndNoDuplicatesUnderConcurrentSubmissions() throws Exception {
        LocalDate today = todayInVietnam();
        int before = jdbc.sql(
                        "select coalesce(max(last_value), 0) from dossier_code_counter where agency_code = ? and day = ?")
                .params(HOAN_KIEM, today)
                .query(Integer.class)
                .single();
        String token = citizen("001190000202", 2);
        List<Part> parts = aMarriageStatusConfirmation().parts();
        int n = 40;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return multipart("/api/v1/dossiers", token, parts);
            }));
        }
        start.countDown();
        Set<String> codes = new HashSet<>();
        for (Future<HttpResponse<String>> f : futures) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            codes.add(field(r.body(), "code"));
        }
        pool.shutdown();
        Set<String> expected = new HashSet<>();
        for (int i = before + 1; i <= before + n; i++) {
            expected.add(DossierCodes.format(HOAN_KIEM, today, i));
        }
        assertThat(codes).hasSize(n).isEqualTo(expected);
    }

    /**
     * The counter row of an agency's day is locked from the moment a dossier takes its number to the commit, and every
     * other dossier of the agency that day waits on it (no gaps), so a submission is numbered once its other rows are
     * written (DossierCodes.number). Before, the number came first and the lock was held through the whole storing:
     * eight submissions at once spent most of their time waiting for it (issue 17). Seen from the database: while the
     * counter row is held, a submission waits for its number already holding its writes to the dossier, its documents
     * and their content; once the row is free it gets the next number.
     */
    @Test
    void aSubmissionTakesItsNumberOnceItsOtherRowsAreWritten() throws Exception {
        LocalDate today = todayInVietnam();
        String token = citizen("001190000203", 2);
        List<Part> parts = aMarriageStatusConfirmation().parts();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            int before;
            try (PreparedStatement s = holder.prepareStatement("""
                    insert into dossier_code_counter (agency_code, day, last_value) values (?, ?, 0)
                    on conflict (agency_code, day) do update set last_value = dossier_code_counter.last_value
                    returning last_value""")) {
                s.setString(1, HOAN_KIEM);
                s.setObject(2, today);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    before = r.getInt(1);
                }
            }
            CompletableFuture<HttpResponse<String>> submitted =
                    CompletableFuture.supplyAsync(() -> multipart("/api/v1/dossiers", token, parts));
            int waiting = await().atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.sql("""
                                            select pid from pg_stat_activity
                                            where datname = current_database() and wait_event_type = 'Lock'
                                              and query like '%dossier_code_counter%'""").query(Integer.class).optional().orElse(0), pid -> pid != 0);
            List<String> written =
                    jdbc.sql("""
                            select c.relname from pg_locks l join pg_class c on c.oid = l.relation
                            where l.pid = ? and l.mode = 'RowExclusiveLock'""").param(waiting).query(String.class).list();
            assertThat(written).contains("dossier", "dossier_document", "document_content", "dossier_lookup_secret");
            assertThat(submitted).isNotDone();
            holder.rollback();
            HttpResponse<String> response = submitted.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(field(response.body(), "code")).isEqualTo(DossierCodes.format(HOAN_KIEM, today, before + 1));
        }
    }

    /** Numbers past 9999 keep every digit, as {@link DossierCodes#format} writes them. */
    @Test
    void theTenThousandthDossierOfADayKeepsAllItsDigits() {
        LocalDate day = todayInVietnam();
        UUID id = UUID.randomUUID();
        String code = transactions.execute(tx -> {
            tx.setRollbackOnly();
            jdbc.sql(
                            "insert into dossier_code_counter (agency_code, day, last_value) values ('999.99.99.H99', ?, 9999)")
                    .param(day)
                    .update();
            jdbc.sql("""
                            insert into dossier (id, code, procedure_code, agency_code, applicant_subject, status, submitted_at)
                            values (?, ?, '1.001193', '999.99.99.H99', 'padding-test', 'SUBMITTED', now())""").params(id, DossierCodes.provisional(id)).update();
            return dossierCodes.number(id, "999.99.99.H99", day);
        });
        assertThat(code)
                .isEqualTo(DossierCodes.format("999.99.99.H99", day, 10_000))
                .endsWith("-10000");
    }

    /** The id of the document of {@code requirementCode} in a list of documents (a dossier's or the store's). */
    static String documentId(String json, String requirementCode) {
        List<String> ids = json(json).read("$..[?(@.requirementCode == '" + requirementCode + "')].id", List.class);
        assertThat(ids).as("%s in %s", requirementCode, json).isNotEmpty();
        return ids.get(0);
    }

    HttpResponse<byte[]> download(String path, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static SubmissionBuilder reusing(String formId, String certificateId) {
        return aBirthRegistration("Lê Thị Hai")
                .with("childSex", "FEMALE")
                .withStoredDocument("TO_KHAI", formId)
                .withStoredDocument("GIAY_CHUNG_SINH", certificateId);
    }

    @Test
    void aCitizenReusesDocumentsFromTheirOwnStoreOnceOnly() throws Exception {
        String owner = citizen("001190000404", 1);
        String stranger = citizen("001190000405", 1);
        String officer = issuer.staff("motcua.badinh", "OFFICER", BA_DINH);
        String approver = issuer.staff("chuyenvien.badinh", "APPROVER", BA_DINH);
        HttpResponse<String> first = submitBirth(owner, "Lê Văn Một");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String firstCode = field(first.body(), "code");

        HttpResponse<String> store = service().get("/api/v1/documents", owner);
        assertThat(store.statusCode()).as(store.body()).isEqualTo(200);
        assertThat(store.body())
                .contains(
                        "\"totalItems\":2",
                        "\"dossierCode\":\"" + firstCode + "\"",
                        "\"kind\":\"SUBMITTED\"",
                        "\"sha256\":\"" + Uploads.sha256(PDF) + "\"",
                        "\"procedureName\":\"Đăng ký khai sinh\"");
        String form = documentId(store.body(), "TO_KHAI");
        String certificate = documentId(store.body(), "GIAY_CHUNG_SINH");
        HttpResponse<byte[]> own = download("/api/v1/documents/" + form, owner);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(PDF);

        // nobody else sees, downloads or reuses them, and a refused reuse leaves nothing behind
        assertThat(json(service().get("/api/v1/documents", stranger)).read("$.totalItems", Integer.class))
                .isZero();
        assertProblem(service().get("/api/v1/documents/" + form, stranger), 404, "stored-document-not-found");
        assertProblem(service().get("/api/v1/documents/not-a-uuid", stranger), 404, "stored-document-not-found");
        assertProblem(service().get("/api/v1/documents", officer), 403, "forbidden");
        long dossiers =
                jdbc.sql("select count(*) from dossier").query(Long.class).single();
        HttpResponse<String> stolen = multipart(
                "/api/v1/dossiers", stranger, reusing(form, certificate).parts());
        assertProblem(stolen, 422, "dossier-invalid");
        assertThat(stolen.body())
                .contains("documents[0].storedDocumentId", "stored-document-not-found", "missing-document");
        // the certificate is a PNG: not accepted where the form (PDF only) is required; a document is a file or a reuse
        HttpResponse<String> wrongType = multipart(
                "/api/v1/dossiers", owner, reusing(certificate, certificate).parts());
        assertProblem(wrongType, 422, "dossier-invalid");
        assertThat(wrongType.body()).contains("documents[0].storedDocumentId", "content-type-not-allowed");
        HttpResponse<String> both = multipart(
                "/api/v1/dossiers",
                owner,
                List.of(
                        Part.json(
                                "dossier",
                                reusing(form, certificate)
                                        .json()
                                        .replace(
                                                "\"storedDocumentId\":\"" + form,
                                                "\"fileName\":\"to-khai.pdf\",\"storedDocumentId\":\"" + form)),
                        Part.file("to-khai.pdf", "application/pdf", PDF)),
                "Accept-Language",
                "en");
        assertProblem(both, 422, "dossier-invalid");
        assertThat(both.body()).contains("file-or-stored-document", "not both");
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single())
                .isEqualTo(dossiers);

        // the second dossier gives both documents again without uploading a byte
        HttpResponse<String> second =
                multipart("/api/v1/dossiers", owner, reusing(form, certificate).parts());
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        String code = field(second.body(), "code");
        HttpResponse<String> detail = service().get("/api/v1/dossiers/" + code, officer);
        assertThat(detail.body())
                .contains("to-khai.pdf", "giay-chung-sinh.png", "\"sha256\":\"" + Uploads.sha256(PNG) + "\"");
        String copy = documentId(detail.body(), "TO_KHAI");
        assertThat(copy).isNotEqualTo(form);
        assertThat(jdbc.sql("select reused_from from dossier_document where id = ?::uuid")
                        .param(copy)
                        .query(String.class)
                        .single())
                .isEqualTo(form);
        HttpResponse<byte[]> copied = download("/api/v1/dossiers/" + code + "/documents/" + copy, officer);
        assertThat(copied.statusCode()).isEqualTo(200);
        assertThat(copied.body()).isEqualTo(PDF);
        // each file is listed once, at its newest copy
        assertThat(service().get("/api/v1/documents", owner).body())
                .contains("\"totalItems\":2", "\"dossierCode\":\"" + code + "\"")
                .doesNotContain(firstCode);

        // a supplement may come from the store too; the result the agency issues lands in it
        act(code, "receive", officer, "{}");
        act(code, "request-supplement", officer, "{\"reason\":\"Thiếu ủy quyền\",\"missingDocuments\":[\"UY_QUYEN\"]}");
        HttpResponse<String> supplemented = multipart(
                "/api/v1/dossiers/" + code + "/supplements",
                owner,
                List.of(Part.json(
                        "supplement",
                        "{\"documents\":[{\"requirementCode\":\"UY_QUYEN\",\"storedDocumentId\":\"" + form + "\"}]}")));
        assertThat(supplemented.statusCode()).as(supplemented.body()).isEqualTo(200);
        assertThat(status(supplemented)).isEqualTo("RECEIVED");
        assertThat(json(supplemented).read("$.documents[*].kind", List.class)).contains("SUPPLEMENT");
        act(code, "forward", officer, "{}");
        HttpResponse<String> resolved = multipart(
                "/api/v1/dossiers/" + code + "/actions/resolve",
                approver,
                List.of(
                        Part.json("action", "{\"note\":\"Đồng ý\"}"),
                        new Part("result", "trich-luc-khai-sinh.pdf", "application/pdf", PDF)));
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        HttpResponse<String> results = service().get("/api/v1/documents?kind=RESULT", owner);
        assertThat(results.body())
                .contains(
                        "\"totalItems\":1",
                        "trich-luc-khai-sinh.pdf",
                        "\"kind\":\"RESULT\"",
                        "\"dossierCode\":\"" + code + "\"");
        assertThat(download("/api/v1/documents/" + documentId(results.body(), "KET_QUA"), owner)
                        .body())
                .isEqualTo(PDF);
        assertProblem(service().get("/api/v1/documents?kind=OTHER", owner), 400, "bad-request");
    }

    @Test
    void aKeyRecordedOnTheDossierBeforeTheUpgradeStillReplays() throws Exception {
        String token = citizen("001190000305", 1);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = submitBirth(token, "Trần Văn Cũ", "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String code = field(first.body(), "code");
        // as the service kept it before egov-commons' store: on the dossier, with its own hash of the request
        String oldHash = Uploads.sha256((aBirthRegistration("Trần Văn Cũ").json() + "\nto-khai.pdf:"
                        + Uploads.sha256(PDF) + "\ngiay-chung-sinh.png:" + Uploads.sha256(PNG))
                .getBytes(StandardCharsets.UTF_8));
        String subject = jdbc.sql("select applicant_subject from dossier where code = ?")
                .param(code)
                .query(String.class)
                .single();
        jdbc.sql("delete from http_idempotency_key where scope = ? and idempotency_key = ?")
                .params("dossier-submission:" + subject, key)
                .update();
        jdbc.sql("update dossier set idempotency_key = ?, request_hash = ? where code = ?")
                .params(key, oldHash, code)
                .update();
        // the repeatable migration copies it into the store, with the fingerprint the store computes
        try (var script = getClass().getResourceAsStream("/db/migration/R__dossier_idempotency_keys.sql")) {
            jdbc.sql(new String(script.readAllBytes(), StandardCharsets.UTF_8)).update();
        }
        HttpResponse<String> again = submitBirth(token, "Trần Văn Cũ", "Idempotency-Key", key);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(field(again.body(), "code")).isEqualTo(code);
        assertProblem(submitBirth(token, "Trần Văn Khác", "Idempotency-Key", key), 409, "idempotency-key-reused");
    }

    @Test
    void submissionIsIdempotentAndChecked() {
        String token = citizen("001190000303", 1);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = submitBirth(token, "Trần Thị Bình", "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> again = submitBirth(token, "Trần Thị Bình", "Idempotency-Key", key);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(field(again.body(), "code")).isEqualTo(field(first.body(), "code"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(jdbc.sql("select count(*) from dossier where code = ?")
                        .param(field(first.body(), "code"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertProblem(submitBirth(token, "Trần Thị Khác", "Idempotency-Key", key), 409, "idempotency-key-reused");
        // the key lives in egov-commons' store, per citizen, keeping only the dossier's id
        String subject = jdbc.sql("select applicant_subject from dossier where code = ?")
                .param(field(first.body(), "code"))
                .query(String.class)
                .single();
        assertThat(jdbc.sql(
                                "select convert_from(response_sealed, 'UTF8') from http_idempotency_key where scope = ? and idempotency_key = ?")
                        .params("dossier-submission:" + subject, key)
                        .query(String.class)
                        .single())
                .contains("\"dossierId\"")
                .doesNotContain("Trần Thị Bình");
        // another citizen's same key is another key
        HttpResponse<String> other = submitBirth(citizen("001190000304", 1), "Trần Thị Bình", "Idempotency-Key", key);
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(field(other.body(), "code")).isNotEqualTo(field(first.body(), "code"));

        // marriage registration needs a verified identity (level 2)
        HttpResponse<String> loa = multipart(
                "/api/v1/dossiers",
                token,
                List.of(Part.json("dossier", "{\"procedureCode\":\"1.000894\",\"formData\":{},\"documents\":[]}")),
                "Accept-Language",
                "en");
        assertProblem(loa, 403, "level-of-assurance-required");
        assertThat(loa.body())
                .contains("level 2")
                .contains("\"requiredLevel\":2")
                .contains("\"currentLevel\":1");

        // bad fields, a missing mandatory document and a PNG pretending to be the PDF form
        HttpResponse<String> invalid = multipart(
                "/api/v1/dossiers",
                token,
                List.of(Part.json("dossier", """
                        {"procedureCode":"1.001193","formData":{"childName":"An","childDateOfBirth":"01/11/2026","childSex":"X",
                         "placeOfBirth":"Hà Nội","relationship":"MOTHER","extra":"1"},
                         "documents":[{"requirementCode":"TO_KHAI","fileName":"../../etc/to-khai.pdf"}]}"""), Part.file("to-khai.pdf", "application/pdf", PNG)));
        assertProblem(invalid, 422, "dossier-invalid");
        assertThat(invalid.body())
                .contains(
                        "formData.childDateOfBirth",
                        "formData.childSex",
                        "formData.extra",
                        "content-type-not-allowed",
                        "missing-document",
                        "GIAY_CHUNG_SINH");

        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertProblem(
                multipart(
                        "/api/v1/dossiers",
                        token,
                        List.of(
                                Part.json("dossier", aBirthRegistration("An").json()),
                                Part.file("to-khai.pdf", "application/pdf", big),
                                Part.file("giay-chung-sinh.png", "image/png", PNG))),
                413,
                "file-too-large");
        assertProblem(submitBirth(issuer.staff("motcua.badinh", "OFFICER", BA_DINH), "An"), 403, "forbidden");
    }

    @Test
    void aFeeIsOrderedAtPaymentServiceAndADossierSurvivesItsOutage() throws Exception {
        String token = citizen("001190000404", 2);
        HttpResponse<String> paid = multipart(
                "/api/v1/dossiers", token, aJudicialRecordRequest("STANDARD").parts());
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        String first = field(paid.body(), "code");
        assertThat(status(paid)).isEqualTo("AWAITING_PAYMENT");
        assertThat(json(paid).read("$.payment.amount", Long.class)).isEqualTo(200000L);
        assertThat(json(paid).read("$.payment.paymentUrl", String.class)).startsWith("http");
        assertThat(PAYMENTS.calls()).anySatisfy(c -> {
            assertThat(c.idempotencyKey()).isEqualTo("dossier-" + first + "-0");
            assertThat(c.authorization()).isEqualTo("Bearer stub-token");
            assertThat(json(c.body()).read("$.dossierCode", String.class)).isEqualTo(first);
            assertThat(json(c.body()).read("$.amountVnd", Long.class)).isEqualTo(200000L);
        });

        PAYMENTS.stop();
        String code;
        try {
            HttpResponse<String> kept = multipart(
                    "/api/v1/dossiers",
                    token,
                    aJudicialRecordRequest("STUDENT_OR_MERIT").parts());
            assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
            assertThat(status(kept)).isEqualTo("AWAITING_PAYMENT");
            assertThat(json(kept).read("$.payment", Object.class)).isNull();
            assertThat(json(kept).read("$.paymentPending", Boolean.class)).isTrue();
            code = field(kept.body(), "code");
            assertThat(json(service().get("/api/v1/dossiers/" + code, token)).read("$.payment", Object.class))
                    .isNull();
        } finally {
            PAYMENTS.start();
        }
        String dossierCode = code;
        await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> json(service().get("/api/v1/dossiers/" + dossierCode, token))
                                .read("$.payment", Map.class),
                        payment -> payment != null && payment.get("paymentUrl") != null);
        assertThat(PAYMENTS.calls()).anySatisfy(c -> {
            assertThat(c.idempotencyKey()).isEqualTo("dossier-" + dossierCode + "-0");
            assertThat(json(c.body()).read("$.amountVnd", Long.class)).isEqualTo(100000L);
        });

        // payment-service says it is paid: the dossier is now submitted to the agency
        String detail = service().get("/api/v1/dossiers/" + dossierCode, token).body();
        UUID paymentId = UUID.fromString(json(detail).read("$.payment.id", String.class));
        vn.egov.dossier.PaymentServiceEvents.send(
                PaymentSucceededV1.TYPE,
                paymentId.toString(),
                new PaymentSucceededV1(
                        paymentId,
                        dossierCode,
                        "000.00.11.H26",
                        100000,
                        "BL-2026-000042",
                        Instant.now(),
                        "14000001",
                        "NCB",
                        null));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> status(service().get("/api/v1/dossiers/" + dossierCode, token)), "SUBMITTED"::equals);
        assertThat(json(service().get("/api/v1/dossiers/" + dossierCode + "/history", token))
                        .read("$[?(@.action == 'pay')].actorRole", List.class))
                .containsExactly("SYSTEM");
    }

    @Test
    void nobodyElseSeesOrTouchesADossier() {
        String owner = citizen("001190000505", 1);
        HttpResponse<String> submitted = submitBirth(owner, "Lê Văn Cường");
        String code = field(submitted.body(), "code");
        String ownerView = service().get("/api/v1/dossiers/" + code, owner).body();
        String documentId = documentId(ownerView, "TO_KHAI");

        String stranger = citizen("001190000506", 1);
        String otherOfficer = issuer.staff("motcua.hoankiem", "OFFICER", HOAN_KIEM);
        String otherApprover = issuer.staff("chuyenvien.hoankiem", "APPROVER", HOAN_KIEM);
        String missing = BA_DINH + "-000101-9999";
        for (String token : List.of(stranger, otherOfficer, otherApprover)) {
            assertProblem(service().get("/api/v1/dossiers/" + code, token), 404, "dossier-not-found");
            assertProblem(service().get("/api/v1/dossiers/" + code + "/history", token), 404, "dossier-not-found");
            assertProblem(
                    service().get("/api/v1/dossiers/" + code + "/documents/" + documentId, token),
                    404,
                    "dossier-not-found");
            assertProblem(act(code, "receive", token, "{}"), 404, "dossier-not-found");
            assertProblem(act(code, "withdraw", token, "{}"), 404, "dossier-not-found");
            // exactly like a dossier that does not exist
            assertProblem(service().get("/api/v1/dossiers/" + missing, token), 404, "dossier-not-found");
        }
        assertThat(service()
                        .get("/api/v1/dossiers/" + code, issuer.staff("motcua.badinh", "OFFICER", BA_DINH))
                        .statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("select status from dossier where code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("SUBMITTED");
        assertProblem(
                service().get("/api/v1/public/dossiers/" + missing + "?secret=ABCD2345", null),
                404,
                "dossier-not-found");
        assertProblem(
                service().get("/api/v1/public/dossiers/not-a-code?secret=ABCD2345", null), 404, "dossier-not-found");

        // the agency's queue, filtered
        String officer = issuer.staff("motcua.badinh", "OFFICER", BA_DINH);
        assertThat(service()
                        .get(
                                "/api/v1/dossiers?procedure=1.001193&status=SUBMITTED&from=" + todayInVietnam()
                                        + "&dueBefore=" + todayInVietnam().plusDays(30) + "&size=100",
                                officer)
                        .body())
                .contains(code);
        assertThat(service()
                        .get("/api/v1/dossiers?overdue=true&size=100", officer)
                        .body())
                .doesNotContain(code);
        assertThat(service().get("/api/v1/dossiers?size=100", otherOfficer).body())
                .doesNotContain(code);

        // the owner may withdraw before resolution; then nothing more happens to it
        assertThat(status(act(code, "withdraw", owner, "{\"reason\":\"Nộp nhầm\"}")))
                .isEqualTo("WITHDRAWN");
        HttpResponse<String> late = act(code, "receive", issuer.staff("motcua.badinh", "OFFICER", BA_DINH), "{}");
        assertProblem(late, 409, "dossier-transition-not-allowed");
        assertThat(late.body()).contains("WITHDRAWN");
    }

    @Test
    void aDossierIsTransferredWithItsHistoryAndItsDeadlineExtendedWithAnApology() {
        String owner = citizen("001190000606", 1);
        String code = field(submitBirth(owner, "Phạm Thị Dung").body(), "code");
        String officer = issuer.staff("motcua.badinh", "OFFICER", BA_DINH);
        String otherOfficer = issuer.staff("motcua.hoankiem", "OFFICER", HOAN_KIEM);

        assertProblem(
                act(code, "transfer", officer, "{\"targetAgencyCode\":\"" + HOAN_KIEM + "\"}"), 422, "dossier-invalid");
        assertProblem(act(code, "dance", officer, "{}"), 404, "dossier-action-unknown");
        HttpResponse<String> transferred = act(
                code,
                "transfer",
                officer,
                "{\"reason\":\"Thuộc thẩm quyền phường Hoàn Kiếm\",\"targetAgencyCode\":\"" + HOAN_KIEM + "\"}");
        assertThat(transferred.statusCode()).as(transferred.body()).isEqualTo(200);
        assertThat(status(transferred)).isEqualTo("TRANSFERRED");
        assertThat(json(transferred).read("$.agencyCode", String.class)).isEqualTo(HOAN_KIEM);
        // the first agency no longer sees it; the new one receives it, with the whole history
        assertProblem(service().get("/api/v1/dossiers/" + code, officer), 404, "dossier-not-found");
        HttpResponse<String> received = act(code, "receive", otherOfficer, "{}");
        assertThat(status(received)).isEqualTo("RECEIVED");
        LocalDate due = LocalDate.parse(json(received).read("$.dueDate", String.class));

        assertProblem(
                act(
                        code,
                        "extend-deadline",
                        otherOfficer,
                        "{\"reason\":\"Cần xác minh\",\"newAppointmentDate\":\"" + due + "\"}"),
                422,
                "dossier-invalid");
        LocalDate later = calendar.addWorkingDays(due, 3);
        HttpResponse<String> extended = act(
                code,
                "extend-deadline",
                otherOfficer,
                "{\"reason\":\"Cần xác minh thêm\",\"newAppointmentDate\":\"" + later + "\"}");
        assertThat(status(extended)).isEqualTo("RECEIVED");
        assertThat(json(extended).read("$.dueDate", String.class)).isEqualTo(later.toString());
        assertProblem(act(code, "reject", otherOfficer, "{}"), 422, "dossier-invalid");
        assertThat(status(act(code, "reject", otherOfficer, "{\"reason\":\"Không đủ điều kiện\"}")))
                .isEqualTo("REJECTED");
        DocumentContext history = json(service().get("/api/v1/dossiers/" + code + "/history", owner));
        assertThat(history.read("$[*].action", List.class)).contains("transfer", "extend-deadline");
        assertThat(history.read("$[?(@.action == 'reject')].reason", List.class))
                .containsExactly("Không đủ điều kiện");
        assertThat(jdbc.sql(TRANSITION_EVENTS).param(code).query(String.class).list())
                .containsExactly(
                        "vn.egov.dossier.submitted.v1",
                        "vn.egov.dossier.transferred.v1",
                        "vn.egov.dossier.received.v1",
                        "vn.egov.dossier.deadline-extended.v1",
                        "vn.egov.dossier.rejected.v1");
    }

    @Test
    void aBusinessIsTheApplicantOnlyWhenTheCitizenRepresentsIt() {
        String representative = citizen("001190000707", 2);
        IDENTITY.profile(representative, """
                {"subject":"s","username":"0011*****707","fullName":"Hoàng Văn Giám","nationalIdMasked":"0011*****707",
                 "dateOfBirth":"1990-05-04","levelOfAssurance":2,"roles":["CITIZEN"],"agency":null,"extra":{"ignored":true},
                 "businesses":[{"taxCode":"0101234567","name":"Công ty TNHH Xây dựng Sen Hồng","linkedAt":"2026-01-02T03:04:05Z"}]}""");
        List<Part> parts = aBuildingPermit("0101234567").parts();

        int before = IDENTITY.authorizations().size();
        HttpResponse<String> submitted = multipart("/api/v1/dossiers", representative, parts);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        // the citizen's own token went to identity-service
        List<String> authorizations = IDENTITY.authorizations();
        assertThat(authorizations.subList(before, authorizations.size())).contains("Bearer " + representative);
        String code = field(submitted.body(), "code");
        DocumentContext view = json(service().get("/api/v1/dossiers/" + code, representative));
        assertThat(view.read("$.businessTaxCode", String.class)).isEqualTo("0101234567");
        assertThat(view.read("$.businessName", String.class)).isEqualTo("Công ty TNHH Xây dựng Sen Hồng");
        assertThat(json(service().get("/api/v1/dossiers?size=100", representative))
                        .read("$.items[?(@.code == '" + code + "')].businessTaxCode", List.class))
                .containsExactly("0101234567");
        assertThat(jdbc.sql("select payload from outbox_event where event_key = ? and event_type = ?")
                        .params(code, "vn.egov.dossier.submitted.v1")
                        .query(String.class)
                        .single())
                .contains("\"businessTaxCode\":\"0101234567\"");
        // the public lookup names neither the person nor the business
        assertThat(service()
                        .get("/api/v1/public/dossiers/" + code + "?secret=" + view.read("$.lookupSecret"), null)
                        .body())
                .contains("\"status\":\"SUBMITTED\"")
                .doesNotContain("0101234567", "Sen Hồng");

        // a business the citizen does not represent; someone identity-service does not know
        List<Part> other = aBuildingPermit("0109876543").parts();
        HttpResponse<String> notTheirs = multipart("/api/v1/dossiers", representative, other, "Accept-Language", "en");
        assertProblem(notTheirs, 403, "not-business-representative");
        assertThat(notTheirs.body()).contains("0109876543");
        assertProblem(
                multipart("/api/v1/dossiers", citizen("001190000708", 2), parts), 403, "not-business-representative");

        // without identity-service nobody can tell: 503, nothing stored
        long dossiers =
                jdbc.sql("select count(*) from dossier").query(Long.class).single();
        IDENTITY.stop();
        try {
            assertProblem(multipart("/api/v1/dossiers", representative, parts), 503, "identity-unavailable");
        } finally {
            IDENTITY.start();
        }
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single())
                .isEqualTo(dossiers);
        // a dossier of the citizen themselves does not need identity-service
        IDENTITY.stop();
        try {
            assertThat(submitBirth(representative, "Hoàng Văn Nhỏ").statusCode())
                    .isEqualTo(201);
        } finally {
            IDENTITY.start();
        }
    }

    @Test
    void applicantDataTheStateHoldsIsPrefilledNotAskedAgain() {
        assertThat(service().get("/api/v1/procedures/3.000333", null).body())
                .contains(
                        "\"name\":\"applicantName\"",
                        "\"prefill\":\"APPLICANT_FULL_NAME\"",
                        "\"prefill\":\"APPLICANT_SEX\"");
        // CCCD 001190000808: digit 4 is 1, a woman born in the 1900s
        String token = citizen("001190000808", 2);
        IDENTITY.profile(token, "{\"fullName\":\"Trần Thị Hoa\",\"dateOfBirth\":\"1990-08-08\",\"businesses\":[]}");
        HttpResponse<String> submitted = multipart(
                "/api/v1/dossiers", token, aJudicialRecordRequest("STANDARD").parts());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String code = field(submitted.body(), "code");
        assertThat(formData(code, token))
                .containsEntry("applicantName", "Trần Thị Hoa")
                .containsEntry("applicantDateOfBirth", "1990-08-08")
                .containsEntry("applicantSex", "FEMALE");
        assertThat(jdbc.sql(
                                "select details::text from dossier_history where action = 'submit' and dossier_id = (select id from dossier where code = ?)")
                        .param(code)
                        .query(String.class)
                        .single())
                .contains("applicantName", "applicantDateOfBirth", "applicantSex");
        // what the citizen gives is kept (and checked)
        String given = field(
                multipart(
                                "/api/v1/dossiers",
                                token,
                                aJudicialRecordRequest("STANDARD")
                                        .with("applicantName", "Trần Thị Hoa Mai")
                                        .parts())
                        .body(),
                "code");
        assertThat(formData(given, token))
                .containsEntry("applicantName", "Trần Thị Hoa Mai")
                .containsEntry("applicantDateOfBirth", "1990-08-08");

        // identity-service down: the token's claims, and what nobody knows is asked for
        String withClaims = issuer.token(c -> c.subject(UUID.randomUUID().toString())
                .claim("preferred_username", "001085000809")
                .claim("realm_access", Map.of("roles", List.of("CITIZEN")))
                .claim("loa", 2)
                .claim("family_name", "Lê Văn")
                .claim("given_name", "Minh")
                .claim("birthdate", "1985-01-02"));
        IDENTITY.stop();
        try {
            HttpResponse<String> degraded = multipart(
                    "/api/v1/dossiers",
                    withClaims,
                    aJudicialRecordRequest("STANDARD").parts());
            assertThat(degraded.statusCode()).as(degraded.body()).isEqualTo(201);
            assertThat(formData(field(degraded.body(), "code"), withClaims))
                    .containsEntry("applicantName", "Lê Văn Minh")
                    .containsEntry("applicantDateOfBirth", "1985-01-02")
                    .containsEntry("applicantSex", "MALE");
            HttpResponse<String> unknown = multipart(
                    "/api/v1/dossiers",
                    citizen("001190000810", 2),
                    aJudicialRecordRequest("STANDARD").parts());
            assertProblem(unknown, 422, "dossier-invalid");
            assertThat(unknown.body())
                    .contains("formData.applicantName", "formData.applicantDateOfBirth")
                    .doesNotContain("formData.applicantSex");
        } finally {
            IDENTITY.start();
        }
    }

    @Test
    void theCatalogueShowsDocumentsAndFields() {
        HttpResponse<String> r = service().get("/api/v1/procedures/1.001193", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains(
                        "\"documents\":[",
                        "GIAY_CHUNG_SINH",
                        "\"mandatory\":true",
                        "application/pdf",
                        "\"fields\":[",
                        "childDateOfBirth",
                        "\"type\":\"DATE\"");
        assertThat(json(service().get("/api/v1/procedures?size=100", null)).read("$.totalItems", Integer.class))
                .isEqualTo(12);
        assertThat(service().get("/api/v1/procedures/3.000333", null).body()).contains("STUDENT_OR_MERIT", "100000");
    }

    @Test
    void thePublicLookupNeedsTheSecretTheApplicantWasGivenAndAWrongOneLooksLikeNoDossier() {
        String owner = citizen("001190000821", 2);
        HttpResponse<String> submitted = submitBirth(owner, "Phạm Tra Cứu");
        assertThat(submitted.statusCode()).isEqualTo(201);
        DocumentContext answer = json(submitted);
        String code = answer.read("$.code");
        String secret = answer.read("$.lookupSecret");
        assertThat(secret).as("issued at submission").matches("[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}");
        assertThat(json(service().get("/api/v1/dossiers/" + code, owner)).read("$.lookupSecret", String.class))
                .as("the applicant sees it on the dossier")
                .isEqualTo(secret);
        assertThat(json(service().get("/api/v1/dossiers/" + code, issuer.staff("motcua.badinh", "OFFICER", BA_DINH)))
                        .read("$.lookupSecret", String.class))
                .as("the desk prints it on the receipt")
                .isEqualTo(secret);

        // as typed from a receipt: lower case, a hyphen in the middle
        String typed = secret.substring(0, 4).toLowerCase(java.util.Locale.ROOT) + "-" + secret.substring(4);
        DocumentContext status = json(service().get("/api/v1/public/dossiers/" + code + "?secret=" + typed, null));
        assertThat(status.read("$.code", String.class)).isEqualTo(code);
        assertThat(status.read("$.status", String.class)).isEqualTo("SUBMITTED");
        assertThat(status.read("$", java.util.Map.class)).doesNotContainKey("lookupSecret");

        // without it: a 400 naming the field; a wrong one: exactly the 404 of a code that does not exist
        HttpResponse<String> without = service().get("/api/v1/public/dossiers/" + code, null, "Accept-Language", "en");
        assertProblem(without, 400, "validation-failed");
        assertThat(json(without).read("$.errors[0].field", String.class)).isEqualTo("secret");
        assertThat(json(without).read("$.errors[0].message", String.class)).isEqualTo("Required.");
        String wrong = secret.startsWith("A") ? "B" + secret.substring(1) : "A" + secret.substring(1);
        HttpResponse<String> guessed = service().get("/api/v1/public/dossiers/" + code + "?secret=" + wrong, null);
        assertProblem(guessed, 404, "dossier-not-found");
        String unknownCode = code.substring(0, code.length() - 4) + "9999";
        HttpResponse<String> unknown =
                service().get("/api/v1/public/dossiers/" + unknownCode + "?secret=" + wrong, null);
        String correlation = "\"correlationId\":\"[^\"]*\"";
        assertThat(guessed.body().replace(code, "CODE").replaceAll(correlation, ""))
                .as("a wrong secret answers as a code that does not exist")
                .isEqualTo(unknown.body().replace(unknownCode, "CODE").replaceAll(correlation, ""));
        assertProblem(
                service().get("/api/v1/public/dossiers/" + code + "?secret=" + "A".repeat(33), null),
                404,
                "dossier-not-found");
    }

    @Test
    void aPaymentTheGatewayDeclinedGetsANewOrderSoTheCitizenCanPayAgain() {
        String token = citizen("001190000822", 2);
        HttpResponse<String> submitted = multipart(
                "/api/v1/dossiers",
                token,
                aJudicialRecordRequest("STUDENT_OR_MERIT").parts());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String code = field(submitted.body(), "code");
        String first = await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(
                        () -> json(service().get("/api/v1/dossiers/" + code, token))
                                .read("$.payment.id", String.class),
                        id -> id != null);

        vn.egov.dossier.PaymentServiceEvents.send(
                vn.egov.contracts.payment.PaymentFailedV1.TYPE,
                first,
                new vn.egov.contracts.payment.PaymentFailedV1(
                        UUID.fromString(first), code, "000.00.11.H26", 100000, "24", Instant.now()));

        String second = await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(
                        () -> json(service().get("/api/v1/dossiers/" + code, token))
                                .read("$.payment.id", String.class),
                        id -> id != null && !id.equals(first));
        assertThat(second).isNotEqualTo(first);
        assertThat(PAYMENTS.calls())
                .as("a new order, under the next generation's Idempotency-Key")
                .anySatisfy(c -> assertThat(c.idempotencyKey()).isEqualTo("dossier-" + code + "-1"));
        assertThat(status(service().get("/api/v1/dossiers/" + code, token))).isEqualTo("AWAITING_PAYMENT");
    }
}

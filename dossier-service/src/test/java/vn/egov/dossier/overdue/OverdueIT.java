package vn.egov.dossier.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.dossier.calendar.WorkingDayCalendar;
import vn.egov.dossier.dossier.DossierApi;
import vn.egov.dossier.dossier.DossierLifecycleIT;
import vn.egov.dossier.dossier.SubmissionBuilder;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * The scheduled overdue check (every second here) with the test clock, in a database of its own: it
 * publishes DossierOverdue once per dossier and due date through the outbox, skips paused dossiers,
 * waits while another instance holds the advisory lock; the apology moves the appointment, before the due time only;
 * statistics count the overdue and the late.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "egov.dossier.test-clock.enabled=true", "egov.test.database=dossier_overdue",
            "egov.dossier.overdue-check.interval=1s", "egov.dossier.overdue-check.initial-delay=1s"
        })
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class OverdueIT {

    static final String OVERDUE = "vn.egov.dossier.overdue.v1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    WorkingDayCalendar calendar;

    DossierApi api() {
        return new DossierApi(port);
    }

    @AfterEach
    void resetClock() {
        api().request("DELETE", "/api/v1/test/clock", null, null);
    }

    static LocalDate realToday() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    List<String> events(String code) {
        return jdbc.sql("select event_type from outbox_event where event_key = ? order by seq")
                .param(code)
                .query(String.class)
                .list();
    }

    long overdueEvents(String code) {
        return events(code).stream().filter(OVERDUE::equals).count();
    }

    String submitAndReceive(DossierApi api, String owner, String name) {
        String code = DossierApi.field(api.submitBirth(owner, name).body(), "code");
        assertThat(api.act(code, "receive", api.officer(), "{}").statusCode()).isEqualTo(200);
        return code;
    }

    @Test
    void anOverdueDossierIsPublishedOnceAndAnApologyComesBeforeTheDueTime() throws Exception {
        DossierApi api = api();
        String owner = api.citizen("001190008001", 1);
        String officer = api.officer();
        String late = submitAndReceive(api, owner, "Vũ Văn Muộn");
        String paused = submitAndReceive(api, owner, "Vũ Văn Chờ");
        assertThat(api.act(
                                paused,
                                "request-supplement",
                                officer,
                                "{\"reason\":\"Thiếu ủy quyền\",\"missingDocuments\":[\"UY_QUYEN\"]}")
                        .statusCode())
                .isEqualTo(200);
        String resolvedLate = submitAndReceive(api, owner, "Vũ Văn Trễ");
        // the dossier's own due date: a working day after receipt in office hours, the same evening when received
        // before the office opens (a run at 00:30 in Hà Nội)
        LocalDate due = LocalDate.parse(ServiceConformance.json(api.service().get("/api/v1/dossiers/" + late, owner))
                .read("$.dueDate", String.class));

        long daysPastDue = ChronoUnit.DAYS.between(realToday(), due) + 3;
        LocalDate movedToday = realToday().plusDays(daysPastDue);

        // the apology and new appointment come before the due time (issue 14): a new date after the current one
        String apologised = submitAndReceive(api, owner, "Vũ Văn Hẹn");
        String currentDue = ServiceConformance.json(api.service().get("/api/v1/dossiers/" + apologised, owner))
                .read("$.dueDate", String.class);
        assertProblem(
                api.act(
                        apologised,
                        "extend-deadline",
                        officer,
                        "{\"reason\":\"Cần xác minh\",\"newAppointmentDate\":\"" + currentDue + "\"}"),
                422,
                "dossier-invalid");
        LocalDate newDate = calendar.addWorkingDays(movedToday, 3);
        HttpResponse<String> apology = api.act(
                apologised,
                "extend-deadline",
                officer,
                "{\"reason\":\"Xin lỗi: cần xác minh thêm với công an\",\"newAppointmentDate\":\"" + newDate + "\"}");
        assertThat(apology.statusCode()).as(apology.body()).isEqualTo(200);
        assertThat(ServiceConformance.json(apology).read("$.dueDate", String.class))
                .isEqualTo(newDate.toString());
        assertThat(ServiceConformance.json(api.service().get("/api/v1/dossiers/" + apologised + "/history", owner))
                        .read("$[?(@.action == 'extend-deadline')].reason", List.class))
                .containsExactly("Xin lỗi: cần xác minh thêm với công an");
        assertThat(events(apologised)).endsWith("vn.egov.dossier.deadline-extended.v1");
        try (Connection otherInstance = dataSource.getConnection()) {
            // another instance is running the check: this one skips its rounds
            try (PreparedStatement lock = otherInstance.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, OverdueCheck.LOCK_KEY);
                lock.execute();
            }
            assertThat(api.request("PUT", "/api/v1/test/clock", null, "{\"offset\":\"P" + daysPastDue + "D\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(ServiceConformance.json(api.service().get("/api/v1/dossiers/" + late, owner))
                            .read("$.overdue", Boolean.class))
                    .isTrue();
            // several rounds of the check (every second) run while the lock is held elsewhere: none publishes
            await().during(Duration.ofMillis(3500))
                    .atMost(Duration.ofSeconds(6))
                    .until(() -> overdueEvents(late) == 0);
            try (PreparedStatement unlock = otherInstance.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, OverdueCheck.LOCK_KEY);
                unlock.execute();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> overdueEvents(late) == 1);
        // resolved after its due date: late in the statistics
        assertThat(api.act(resolvedLate, "forward", officer, "{}").statusCode()).isEqualTo(200);
        assertThat(api.act(
                                resolvedLate,
                                "resolve",
                                api.issuer.staff("chuyenvien.badinh", "APPROVER", DossierApi.BA_DINH),
                                "{}")
                        .body())
                .contains("\"status\":\"RESOLVED\"");
        // once, however many rounds run; never for a dossier whose clock is paused
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .until(() -> overdueEvents(late) == 1 && overdueEvents(paused) == 0);
        String history = api.service()
                .get("/api/v1/dossiers/" + late + "/history", owner)
                .body();
        assertThat(history)
                .containsPattern("\"action\":\"overdue\",\"fromStatus\":\"RECEIVED\",\"toStatus\":\"RECEIVED\","
                        + "\"actorSubject\":\"dossier-service\",\"actorRole\":\"SYSTEM\"");
        String payload = jdbc.sql("select payload from outbox_event where event_key = ? and event_type = ?")
                .params(late, OVERDUE)
                .query(String.class)
                .single();
        assertThat(payload)
                .contains("\"action\":\"overdue\"", "\"dueDate\":\"" + due + "\"", "\"actorRole\":\"SYSTEM\"");
        assertThat(ServiceConformance.readTopic(
                        RealInfrastructure.kafkaBootstrapServers(),
                        "egov.dossier.events",
                        late,
                        Duration.ofSeconds(60)))
                .anySatisfy(r -> assertThat(r.value()).contains(OVERDUE));

        String officerQueue = api.service()
                .get("/api/v1/dossiers?overdue=true&size=100", officer)
                .body();
        assertThat(officerQueue).contains(late).doesNotContain(paused, resolvedLate);
        String statistics = api.service()
                .get("/api/v1/statistics/agencies?from=" + realToday() + "&to=" + movedToday, null)
                .body();
        assertThat(statistics).contains("\"overdue\":1,", "\"resolvedLate\":1,", "\"inProgress\":3,");

        // the one whose date was moved in time is not overdue: its new date lies ahead
        assertThat(officerQueue).doesNotContain(apologised);
        assertThat(overdueEvents(apologised)).isZero();

        // past the due time the apology comes too late: the dossier is late and stays so
        HttpResponse<String> tooLate = api.act(
                late,
                "extend-deadline",
                officer,
                "{\"reason\":\"Cần xác minh\",\"newAppointmentDate\":\"" + newDate + "\"}");
        assertProblem(tooLate, 422, "dossier-invalid");
        assertThat(ServiceConformance.json(tooLate).read("$.errors[*].field", List.class))
                .containsExactly("dueAt");
        assertThat(ServiceConformance.json(tooLate).read("$.errors[*].code", List.class))
                .containsExactly("apology-after-due-time");

        // the new appointment missed too: published, once, for that date; the late one not again
        api.request(
                "PUT",
                "/api/v1/test/clock",
                null,
                "{\"offset\":\"P" + (ChronoUnit.DAYS.between(realToday(), newDate) + 1) + "D\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> overdueEvents(apologised) == 1);
        await().during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> overdueEvents(apologised) == 1 && overdueEvents(late) == 1);
        assertThat(jdbc.sql("select payload from outbox_event where event_key = ? and event_type = ?")
                        .params(apologised, OVERDUE)
                        .query(String.class)
                        .single())
                .contains("\"dueDate\":\"" + newDate + "\"");
    }

    /**
     * The report per agency, sector and channel (decision 49), over two periods a fortnight apart, for an agency no
     * other case here uses: each dossier is counted once, as carried over or received, and once as what became of it.
     */
    @Test
    void thePeriodsReportCountsEachReceivedDossierOnceAndSaysWhatBecameOfIt() {
        DossierApi api = api();
        String hoanKiem = "000.00.02.H26";
        String owner = api.citizen("001190008011", 2);
        String officer = api.issuer.staff("motcua.hoankiem", "OFFICER", hoanKiem);
        String approver = api.issuer.staff("chuyenvien.hoankiem", "APPROVER", hoanKiem);
        LocalDate first = realToday();
        // received on the first day: a resolved the same day, two still pending then
        String resolvedFirst = confirmMaritalStatus(api, owner, officer);
        String resolvedLateLater = confirmMaritalStatus(api, owner, officer);
        String stillPending = confirmMaritalStatus(api, owner, officer);
        resolve(api, resolvedFirst, officer, approver);

        // the second period: one day, a working day a fortnight later, past the first ones' due dates
        LocalDate second = first.plusDays(14);
        while (!calendar.isWorkingDay(second)) {
            second = second.plusDays(1);
        }
        assertThat(api.request(
                                "PUT",
                                "/api/v1/test/clock",
                                null,
                                "{\"offset\":\"P" + ChronoUnit.DAYS.between(first, second) + "D\"}")
                        .statusCode())
                .isEqualTo(200);
        resolve(api, resolvedLateLater, officer, approver);
        String early = confirmMaritalStatus(api, owner, officer);
        resolve(api, early, officer, approver);
        String refused = confirmMaritalStatus(api, owner, officer);
        assertThat(api.act(refused, "reject", officer, "{\"reason\":\"Không thuộc thẩm quyền\"}")
                        .statusCode())
                .isEqualTo(200);
        String withdrawn = confirmMaritalStatus(api, owner, officer);
        assertThat(api.act(withdrawn, "withdraw", owner, "{\"reason\":\"Không cần nữa\"}")
                        .statusCode())
                .isEqualTo(200);
        confirmMaritalStatus(api, owner, officer);
        // submitted, never received: in no row
        assertThat(api.submit(owner, SubmissionBuilder.aMarriageStatusConfirmation())
                        .statusCode())
                .isEqualTo(201);

        String secondDay = api.service()
                .get("/api/v1/statistics/dossiers?from=" + second + "&to=" + second + "&agency=" + hoanKiem, null)
                .body();
        var report = com.jayway.jsonpath.JsonPath.parse(secondDay);
        assertThat(report.read("$.rows.length()", Integer.class)).as(secondDay).isEqualTo(1);
        assertThat(report.read("$.rows[0]", java.util.Map.class))
                .as(secondDay)
                .containsEntry("agencyCode", hoanKiem)
                .containsEntry("sectorCode", "HO_TICH")
                .containsEntry("sectorName", "Hộ tịch")
                .containsEntry("channel", "ONLINE")
                .containsEntry("carriedOver", 2)
                .containsEntry("received", 4)
                .containsEntry("receivedLate", 0)
                .containsEntry("resolvedEarly", 1)
                .containsEntry("resolvedOnTime", 0)
                .containsEntry("resolvedLate", 1)
                .containsEntry("refused", 1)
                .containsEntry("withdrawn", 1)
                .containsEntry("pendingWithinDue", 1)
                .containsEntry("pendingPastDue", 1)
                .containsEntry("paused", 0);
        assertThat(report.read("$.agencies[0].onlineShare", Double.class)).isEqualTo(1.0);
        assertThat(report.read("$.agencies[0].resolvedByDueDateShare", Double.class))
                .isEqualTo(0.5);
        String firstDay = api.service()
                .get("/api/v1/statistics/dossiers?from=" + first + "&to=" + first + "&agency=" + hoanKiem, null)
                .body();
        assertThat(com.jayway.jsonpath.JsonPath.parse(firstDay).read("$.rows[0]", java.util.Map.class))
                .as(firstDay)
                .containsEntry("carriedOver", 0)
                .containsEntry("received", 3)
                .containsEntry("resolvedEarly", 1)
                .containsEntry("pendingWithinDue", 2)
                .containsEntry("pendingPastDue", 0);

        // the same as open data in CSV: a header line, one line per agency, sector and channel
        HttpResponse<String> csv = api.service()
                .get(
                        "/api/v1/statistics/dossiers?from=" + second + "&to=" + second + "&agency=" + hoanKiem
                                + "&format=csv",
                        null);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().split("\r\n"))
                .containsExactly(
                        "from,to,agencyCode,agencyName,sectorCode,sectorName,channel,carriedOver,received,"
                                + "receivedLate,resolvedEarly,resolvedOnTime,resolvedLate,refused,withdrawn,pendingWithinDue,"
                                + "pendingPastDue,paused,ratings,averageRating",
                        second + "," + second + "," + hoanKiem + ",Ủy ban nhân dân phường Hoàn Kiếm,HO_TICH,Hộ tịch,"
                                + "ONLINE,2,4,0,1,0,1,1,1,1,1,0,0,");

        // a period that ends before it starts, or longer than a year: a problem naming the field, in either language
        assertProblem(
                api.service().get("/api/v1/statistics/dossiers?from=" + second + "&to=" + first, null),
                400,
                "validation-failed");
        HttpResponse<String> tooLong = api.request(
                "GET",
                "/api/v1/statistics/dossiers?from=2026-01-01&to=2027-01-02&format=xml",
                null,
                null,
                "Accept-Language",
                "en");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body())
                .contains("\"field\":\"to\"", "at most 366 days", "\"field\":\"format\"")
                .doesNotContain("Kỳ báo cáo");
    }

    private static String confirmMaritalStatus(DossierApi api, String owner, String officer) {
        HttpResponse<String> submitted = api.submit(owner, SubmissionBuilder.aMarriageStatusConfirmation());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String code = DossierApi.field(submitted.body(), "code");
        assertThat(api.act(code, "receive", officer, "{}").statusCode()).isEqualTo(200);
        return code;
    }

    private static void resolve(DossierApi api, String code, String officer, String approver) {
        assertThat(api.act(code, "forward", officer, "{}").statusCode()).isEqualTo(200);
        assertThat(api.act(code, "resolve", approver, "{}").body()).contains("\"status\":\"RESOLVED\"");
    }

    /**
     * Decision 50: the agency's staff are reminded once before the due date (one working day ahead by default), and
     * once more for the new date an apology gives. A procedure and agency no other case here uses.
     */
    @Test
    void theStaffAreRemindedOnceBeforeTheDueDateAndAgainForAnApologysNewDate() {
        DossierApi api = api();
        String owner = api.citizen("001190008021", 2);
        String officer = api.issuer.staff("congan.badinh", "OFFICER", "000.00.21.H26");
        HttpResponse<String> submitted = api.submit(
                owner,
                SubmissionBuilder.aSubmission("1.004222")
                        .with("newAddress", "Số 1 phố Đội Cấn, phường Ba Đình")
                        .with("ownerConsent", true)
                        .withDocument("TO_KHAI_CT01", "ct01.pdf", "application/pdf", DossierLifecycleIT.PDF)
                        .withDocument("CHO_O_HOP_PHAP", "cho-o.pdf", "application/pdf", DossierLifecycleIT.PDF));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String code = DossierApi.field(submitted.body(), "code");
        HttpResponse<String> received = api.act(code, "receive", officer, "{}");
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        LocalDate due = LocalDate.parse(DossierApi.field(received.body(), "dueDate"));
        assertThat(calendar.addWorkingDays(realToday(), 1))
                .as("due later than tomorrow")
                .isBefore(due);
        // a week ahead: no reminder, however many rounds run (one a second)
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(4)).until(() -> dueSoonEvents(code) == 0);

        // the working day before the due date: reminded, once
        moveClockTo(api, workingDayBefore(due));
        await().atMost(Duration.ofSeconds(30)).until(() -> dueSoonEvents(code) == 1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(4)).until(() -> dueSoonEvents(code) == 1);
        assertThat(jdbc.sql("select payload from outbox_event where event_key = ? and event_type = ?")
                        .params(code, DUE_SOON)
                        .query(String.class)
                        .single())
                .contains("\"action\":\"due-soon\"", "\"dueDate\":\"" + due + "\"", "\"actorRole\":\"SYSTEM\"");
        // a reminder, not a change of the dossier: nothing in its history, its status as it was
        assertThat(api.service()
                        .get("/api/v1/dossiers/" + code + "/history", owner)
                        .body())
                .doesNotContain("due-soon");
        assertThat(DossierApi.field(
                        api.service().get("/api/v1/dossiers/" + code, owner).body(), "status"))
                .isEqualTo("RECEIVED");

        // an apology gives a new date: reminded again before that one
        LocalDate newDate = calendar.addWorkingDays(due, 5);
        HttpResponse<String> apology = api.act(
                code,
                "extend-deadline",
                officer,
                "{\"reason\":\"Cần xác minh chỗ ở\",\"newAppointmentDate\":\"" + newDate + "\"}");
        assertThat(apology.statusCode()).as(apology.body()).isEqualTo(200);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(4)).until(() -> dueSoonEvents(code) == 1);
        moveClockTo(api, workingDayBefore(newDate));
        await().atMost(Duration.ofSeconds(30)).until(() -> dueSoonEvents(code) == 2);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(4)).until(() -> dueSoonEvents(code) == 2);
        assertThat(overdueEvents(code)).isZero();
    }

    static final String DUE_SOON = "vn.egov.dossier.due-soon.v1";

    long dueSoonEvents(String code) {
        return events(code).stream().filter(DUE_SOON::equals).count();
    }

    private LocalDate workingDayBefore(LocalDate day) {
        LocalDate before = day.minusDays(1);
        while (!calendar.isWorkingDay(before)) {
            before = before.minusDays(1);
        }
        return before;
    }

    private static void moveClockTo(DossierApi api, LocalDate day) {
        assertThat(api.request(
                                "PUT",
                                "/api/v1/test/clock",
                                null,
                                "{\"offset\":\"P" + ChronoUnit.DAYS.between(realToday(), day) + "D\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    /**
     * Decision 51: an online dossier gets a receipt limit (8 working hours of its agency by default) from the
     * scheduled check; still waiting past it, it is "chưa tiếp nhận quá hạn": flagged, found by the desk's filter and
     * counted per agency, until it is received. A procedure and agency no other case here uses.
     */
    @Test
    void anOnlineDossierNotReceivedWithinItsLimitIsFlaggedFoundAndCounted() {
        DossierApi api = api();
        String land = "000.00.12.H26";
        String owner = api.citizen("001190008031", 2);
        String officer = api.issuer.staff("motcua.datdai", "OFFICER", land);
        String waiting = submitLandChange(api, owner);
        String receivedInTime = submitLandChange(api, owner);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiptDueAt(waiting) != null && receiptDueAt(receivedInTime) != null);
        java.time.Instant submittedAt = jdbc.sql("select submitted_at from dossier where code = ?")
                .param(waiting)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(receiptDueAt(waiting))
                .as("8 working hours of the agency from the submission")
                .isEqualTo(deadlines
                        .due(
                                submittedAt,
                                new vn.egov.dossier.calendar.TimeLimit(
                                        8, vn.egov.dossier.calendar.TimeLimit.Unit.WORKING_HOURS, null),
                                land)
                        .dueAt());
        assertThat(ServiceConformance.json(api.service().get("/api/v1/dossiers/" + waiting, owner))
                        .read("$.receiptOverdue", Boolean.class))
                .isFalse();
        assertThat(api.act(receivedInTime, "receive", officer, "{}").statusCode())
                .isEqualTo(200);

        // the day after the limit's: the one nobody received is past it
        moveClockTo(
                api,
                LocalDate.ofInstant(receiptDueAt(waiting), ZoneId.of("Asia/Ho_Chi_Minh"))
                        .plusDays(1));
        var view = ServiceConformance.json(api.service().get("/api/v1/dossiers/" + waiting, owner));
        assertThat(view.read("$.receiptOverdue", Boolean.class)).isTrue();
        assertThat(view.read("$.receiptDueAt", String.class)).isNotNull();
        assertThat(ServiceConformance.json(api.service().get("/api/v1/dossiers/" + receivedInTime, owner))
                        .read("$.receiptOverdue", Boolean.class))
                .isFalse();
        // the agency's staff are told once (notification-service turns it into their notices)
        await().atMost(Duration.ofSeconds(30)).until(() -> receiptOverdueEvents(waiting) == 1);
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(4))
                .until(() -> receiptOverdueEvents(waiting) == 1);
        assertThat(receiptOverdueEvents(receivedInTime)).isZero();
        var queue = ServiceConformance.json(api.service().get("/api/v1/dossiers?receiptOverdue=true", officer));
        assertThat(queue.read("$.items[*].code", List.class)).containsExactly(waiting);
        assertThat(awaitingReceiptPastLimit(api, land)).isEqualTo(1);

        // received late: no longer waiting, nor flagged, nor counted
        assertThat(api.act(waiting, "receive", officer, "{}").statusCode()).isEqualTo(200);
        assertThat(ServiceConformance.json(api.service().get("/api/v1/dossiers/" + waiting, owner))
                        .read("$.receiptOverdue", Boolean.class))
                .isFalse();
        assertThat(ServiceConformance.json(api.service().get("/api/v1/dossiers?receiptOverdue=true", officer))
                        .read("$.totalItems", Integer.class))
                .isZero();
        assertThat(awaitingReceiptPastLimit(api, land)).isZero();
        // and the report of that day counts it received late
        LocalDate lateDay = LocalDate.ofInstant(receiptDueAt(waiting), ZoneId.of("Asia/Ho_Chi_Minh"))
                .plusDays(1);
        assertThat(ServiceConformance.json(api.service()
                                .get(
                                        "/api/v1/statistics/dossiers?from=" + lateDay + "&to=" + lateDay + "&agency="
                                                + land,
                                        null))
                        .read("$.rows[0].receivedLate", Integer.class))
                .isEqualTo(1);
    }

    @Autowired
    vn.egov.dossier.calendar.Deadlines deadlines;

    long receiptOverdueEvents(String code) {
        return events(code).stream()
                .filter("vn.egov.dossier.receipt-overdue.v1"::equals)
                .count();
    }

    private java.time.Instant receiptDueAt(String code) {
        return jdbc.sql("select receipt_due_at from dossier where code = ?")
                .param(code)
                .query((rs, i) -> java.util.Optional.ofNullable(rs.getTimestamp(1)))
                .single()
                .map(java.sql.Timestamp::toInstant)
                .orElse(null);
    }

    private static int awaitingReceiptPastLimit(DossierApi api, String agency) {
        List<Integer> counts = ServiceConformance.json(
                        api.service().get("/api/v1/statistics/dossiers?agency=" + agency, null))
                .read("$.agencies[*].awaitingReceiptPastLimit", List.class);
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private static String submitLandChange(DossierApi api, String owner) {
        HttpResponse<String> submitted = api.submit(
                owner,
                SubmissionBuilder.aSubmission("1.013833")
                        .with("certificateNumber", "CS 123456")
                        .with("changeKind", "TRANSFER")
                        .withDocument("DON_DANG_KY", "don.pdf", "application/pdf", DossierLifecycleIT.PDF)
                        .withDocument("GIAY_CHUNG_NHAN", "gcn.pdf", "application/pdf", DossierLifecycleIT.PDF));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        return DossierApi.field(submitted.body(), "code");
    }
}

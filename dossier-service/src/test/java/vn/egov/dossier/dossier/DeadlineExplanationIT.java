package vn.egov.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import com.jayway.jsonpath.DocumentContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.identity.AgencyChangedV1;
import vn.egov.dossier.PaymentServiceEvents;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * "Why this date" through the API, on the shipped calendar, with the test clock set to the days of the legal
 * scenarios: a birth registration (same day, Luật Hộ tịch 2014, Điều 16) received on Friday 13/2/2026 at 10:00 is
 * due that day at 17:00; at 16:00 it is due Monday 23/2 (Tết 16–20/2/2026), and the explanation names every day
 * skipped with its source, in Vietnamese and in English, for the owner and the agency's officers only. Same
 * configuration as {@link MovableClockIT}, so the same Spring context and database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "egov.dossier.test-clock.enabled=true",
            "egov.test.database=dossier_test_clock",
            "egov.dossier.overdue-check.interval=1h"
        })
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class DeadlineExplanationIT {

    static final String CLOCK = "/api/v1/test/clock";

    @LocalServerPort
    int port;

    DossierApi api() {
        return new DossierApi(port);
    }

    @AfterEach
    void resetClock() {
        assertThat(api().request("DELETE", CLOCK, null, null).statusCode()).isEqualTo(200);
    }

    void clockAt(String instant) {
        HttpResponse<String> moved = api().request("PUT", CLOCK, null, "{\"instant\":\"" + instant + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }

    String submittedAndReceived(String owner, String officer, String childName) {
        HttpResponse<String> submitted = api().submitBirth(owner, childName);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String code = DossierApi.field(submitted.body(), "code");
        HttpResponse<String> received = api().act(code, "receive", officer, "{}");
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        return code;
    }

    @Test
    void aBirthRegistrationReceivedAfterThreeBeforeTetIsDueTheMondayAfterAndSaysWhy() {
        DossierApi api = api();
        String owner = api.citizen("001190013001", 1);
        String officer = api.officer();

        // Friday 13/2/2026 16:00 in Vietnam
        clockAt("2026-02-13T09:00:00Z");
        String code = submittedAndReceived(owner, officer, "Lê Tết Sau");
        assertThat(api.service().get("/api/v1/dossiers/" + code, owner).body()).contains("\"dueDate\":\"2026-02-23\"");

        HttpResponse<String> vi = api.service().get("/api/v1/dossiers/" + code + "/deadline", owner);
        assertThat(vi.statusCode()).as(vi.body()).isEqualTo(200);
        DocumentContext why = ServiceConformance.json(vi);
        assertThat(why.read("$.timeLimit.unit", String.class)).isEqualTo("SAME_DAY");
        assertThat(why.read("$.timeLimit.source", String.class)).isEqualTo("Luật Hộ tịch 2014, Điều 16 khoản 1");
        assertThat(why.read("$.clockStart", String.class)).isEqualTo("RECEIVED");
        assertThat(why.read("$.workingHours", String.class)).isEqualTo("07:30–11:30, 13:30–17:00");
        assertThat(why.read("$.dueAt", String.class)).isEqualTo("2026-02-23T10:00:00Z");
        assertThat(why.read("$.computedDueAt", String.class)).isEqualTo("2026-02-23T10:00:00Z");
        assertThat(why.read("$.dueDate", String.class)).isEqualTo("2026-02-23");
        assertThat(why.read("$.moved", Boolean.class)).isFalse();
        assertThat(why.read("$.summary", String.class)).isEqualTo("Hạn giải quyết: 17:00 ngày 23/02/2026");
        assertThat(why.read("$.days[*].date", List.class))
                .containsExactly(
                        "2026-02-13",
                        "2026-02-14",
                        "2026-02-15",
                        "2026-02-16",
                        "2026-02-17",
                        "2026-02-18",
                        "2026-02-19",
                        "2026-02-20",
                        "2026-02-21",
                        "2026-02-22",
                        "2026-02-23");
        assertThat(why.read("$.days[0].reason", String.class)).isEqualTo("AFTER_CUT_OFF");
        assertThat(why.read("$.days[0].text", String.class))
                .startsWith("Tiếp nhận lúc 16:0")
                .endsWith("sau 15:00: trả kết quả trong ngày làm việc tiếp theo");
        Map<String, Object> tet = why.read("$.days[4]");
        assertThat(tet)
                .containsEntry("kind", "SKIPPED")
                .containsEntry("reason", "HOLIDAY")
                .containsEntry("name", "Tết Nguyên đán Bính Ngọ (mùng 1)")
                .containsEntry("text", "Ngày nghỉ lễ, tết: Tết Nguyên đán Bính Ngọ (mùng 1)");
        // the source comes from the database (V16), not from code
        assertThat((String) tet.get("source")).contains("Bộ luật Lao động 2019, Điều 112", "Bộ Nội vụ");
        assertThat(why.read("$.days[1].text", String.class)).isEqualTo("Thứ Bảy: ngày nghỉ");
        assertThat(why.read("$.days[10].kind", String.class)).isEqualTo("COUNTED");
        assertThat(why.read("$.days[10].countedMinutes", Integer.class)).isEqualTo(450);
        assertThat(why.read("$.warnings", List.class)).isEmpty();

        // in English on request; the calendar's names and sources are cited as written
        DocumentContext en = ServiceConformance.json(
                api.service().get("/api/v1/dossiers/" + code + "/deadline", officer, "Accept-Language", "en"));
        assertThat(en.read("$.summary", String.class)).isEqualTo("Due 17:00 on 23/02/2026");
        assertThat(en.read("$.days[0].text", String.class)).endsWith("after 15:00: resolved the next working day");
        assertThat(en.read("$.days[4].text", String.class))
                .isEqualTo("Public holiday or day off: Tết Nguyên đán Bính Ngọ (mùng 1)");
        assertThat(en.read("$.days[10].text", String.class))
                .isEqualTo("Working day: counted 07:30–17:00 (7 h 30 min), 1 working day so far");

        // like the dossier itself: another citizen and another agency's officer see nothing, no token is 401
        assertProblem(
                api.service().get("/api/v1/dossiers/" + code + "/deadline", api.citizen("001190013002", 1)),
                404,
                "dossier-not-found");
        assertProblem(
                api.service()
                        .get(
                                "/api/v1/dossiers/" + code + "/deadline",
                                api.issuer.staff("motcua.hoankiem", "OFFICER", "000.00.02.H26")),
                404,
                "dossier-not-found");
        assertThat(api.service()
                        .get("/api/v1/dossiers/" + code + "/deadline", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(api.service().get("/v3/api-docs", null).body()).contains("/api/v1/dossiers/{code}/deadline");
    }

    @Test
    void aYearWithoutCalendarDataWithinTheHorizonTurnsTheCalendarHealthOutOfServiceNotTheProbes() {
        DossierApi api = api();
        String admin = api.issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null);

        clockAt("2026-12-04T03:00:00Z");
        DocumentContext now = ServiceConformance.json(api.service().get("/actuator/health", admin));
        assertThat(now.read("$.components.workingCalendar.status", String.class))
                .isEqualTo("UP");
        assertThat(now.read("$.components.workingCalendar.details.coveredYears", List.class))
                .containsExactly(2025, 2026, 2027);

        // 15/11/2027 + 60 days reaches 2028, which the calendar does not hold
        clockAt("2027-11-15T03:00:00Z");
        HttpResponse<String> health = api.service().get("/actuator/health", admin);
        assertThat(health.statusCode()).isEqualTo(503);
        DocumentContext late = ServiceConformance.json(health);
        assertThat(late.read("$.components.workingCalendar.status", String.class))
                .isEqualTo("OUT_OF_SERVICE");
        assertThat(late.read("$.components.workingCalendar.details.missingYears", List.class))
                .containsExactly(2028);
        // the instance keeps serving: probes unaffected, and no details without a SYSTEM_ADMIN token
        assertThat(api.service().get("/actuator/health/readiness", null).statusCode())
                .isEqualTo(200);
        assertThat(api.service().get("/actuator/health/liveness", null).statusCode())
                .isEqualTo(200);
        assertThat(api.service().get("/actuator/health", null).body()).doesNotContain("missingYears");
    }

    /**
     * Overdue by the minute (issue 14 item 3): a birth registration received at 10:00 is due at 17:00 the same day; at
     * 16:30 it is not overdue, at 17:30 it is — in its view and in the queue's filters — not only from the next day.
     */
    @Test
    void aDossierIsOverdueFromItsDueTimeNotFromTheNextDay() {
        DossierApi api = api();
        String owner = api.citizen("001190013009", 1);
        String officer = api.officer();
        clockAt("2026-02-13T03:00:00Z");
        String code = submittedAndReceived(owner, officer, "Lê Đúng Giờ");
        for (String[] at : new String[][] {{"2026-02-13T09:30:00Z", "false"}, {"2026-02-13T10:30:00Z", "true"}}) {
            clockAt(at[0]);
            boolean overdue = Boolean.parseBoolean(at[1]);
            assertThat(ServiceConformance.json(api.service().get("/api/v1/dossiers/" + code, officer))
                            .read("$.overdue", Boolean.class))
                    .as("overdue at %s", at[0])
                    .isEqualTo(overdue);
            String queue = api.service()
                    .get("/api/v1/dossiers?overdue=true&size=100", officer)
                    .body();
            assertThat(queue.contains(code))
                    .as("in the overdue queue at %s", at[0])
                    .isEqualTo(overdue);
            String notOverdue = api.service()
                    .get("/api/v1/dossiers?overdue=false&size=100", officer)
                    .body();
            assertThat(notOverdue.contains(code))
                    .as("in the other queue at %s", at[0])
                    .isEqualTo(!overdue);
        }
    }

    @Test
    void beforeThreeTheSameDayAndAnApologyShowsAsMoved() {
        DossierApi api = api();
        String owner = api.citizen("001190013003", 1);
        String officer = api.officer();

        // Friday 13/2/2026 10:00 in Vietnam: due the same day at 17:00
        clockAt("2026-02-13T03:00:00Z");
        String code = submittedAndReceived(owner, officer, "Lê Trước Ba");
        DocumentContext why =
                ServiceConformance.json(api.service().get("/api/v1/dossiers/" + code + "/deadline", owner));
        assertThat(why.read("$.dueAt", String.class)).isEqualTo("2026-02-13T10:00:00Z");
        assertThat(why.read("$.days[*].reason", List.class)).containsExactly("BEFORE_CUT_OFF", "WORKING_DAY");
        assertThat(why.read("$.days[1].from", String.class)).startsWith("10:00");

        // an apology with a new date: due at that day's closing, and the explanation says the date was moved
        HttpResponse<String> apology = api.act(
                code,
                "extend-deadline",
                officer,
                "{\"reason\":\"Cần xác minh nơi sinh\",\"newAppointmentDate\":\"2026-02-24\"}");
        assertThat(apology.statusCode()).as(apology.body()).isEqualTo(200);
        DocumentContext moved =
                ServiceConformance.json(api.service().get("/api/v1/dossiers/" + code + "/deadline", owner));
        assertThat(moved.read("$.moved", Boolean.class)).isTrue();
        assertThat(moved.read("$.dueAt", String.class)).isEqualTo("2026-02-24T10:00:00Z");
        assertThat(moved.read("$.computedDueAt", String.class)).isEqualTo("2026-02-13T10:00:00Z");
        assertThat(moved.read("$.summary", String.class))
                .startsWith("Hạn giải quyết: 17:00 ngày 24/02/2026 (theo thời hạn: 17:00 ngày 13/02/2026;");
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyAgencyOfTheCatalogueHasItsWorkingHoursStored() {
        assertThat(jdbc.sql("""
                        select distinct agency_code from procedure
                         where agency_code not in (select agency_code from agency_working_hours)""").query(String.class).list()).isEmpty();
        assertThat(jdbc.sql("select periods from agency_working_hours where agency_code = '000.00.11.H26'")
                        .query(String.class)
                        .single())
                .isEqualTo("07:30-11:30,13:30-17:00");
    }

    @Test
    void theInternalStepsShareTheSameDayAndAreFlaggedOverdueOneByOne() {
        DossierApi api = api();
        String owner = api.citizen("001190013004", 1);
        String officer = api.officer();

        // Friday 13/2/2026 10:00 in Vietnam: due 17:00; 300 working minutes split 10/60/20/10
        clockAt("2026-02-13T03:00:00Z");
        String code = submittedAndReceived(owner, officer, "Lê Bốn Bước");
        assertThat(ServiceConformance.json(api.service().get("/api/v1/dossiers/" + code, owner))
                        .read("$.dueAt", String.class))
                .isEqualTo("2026-02-13T10:00:00Z");
        DocumentContext why =
                ServiceConformance.json(api.service().get("/api/v1/dossiers/" + code + "/deadline", owner));
        assertThat(why.read("$.internalSteps[*].step", List.class))
                .containsExactly("RECEIVING", "PROCESSING", "APPROVING", "RETURNING");
        assertThat(why.read("$.internalSteps[*].sharePercent", List.class)).containsExactly(10, 60, 20, 10);
        // 10:30, 15:30 (90 minutes before lunch, 120 after), 16:30, 17:00 in Vietnam
        assertThat(why.read("$.internalSteps[*].dueAt", List.class))
                .containsExactly(
                        "2026-02-13T03:30:00Z", "2026-02-13T08:30:00Z", "2026-02-13T09:30:00Z", "2026-02-13T10:00:00Z");
        assertThat(why.read("$.internalSteps[*].overdue", List.class)).containsOnly(false);
        assertThat(why.read("$.internalSteps[0].name", String.class)).isEqualTo("Tiếp nhận, chuyển hồ sơ");

        // 11:00: the desk has not forwarded it, due 10:30 → only receiving is overdue
        clockAt("2026-02-13T04:00:00Z");
        DocumentContext late =
                ServiceConformance.json(api.service().get("/api/v1/dossiers/" + code + "/deadline", officer));
        assertThat(late.read("$.internalSteps[*].overdue", List.class)).containsExactly(true, false, false, false);
        // forwarded at 11:00: done, and late
        assertThat(api.act(code, "forward", officer, "{}").statusCode()).isEqualTo(200);
        DocumentContext forwarded = ServiceConformance.json(
                api.service().get("/api/v1/dossiers/" + code + "/deadline", officer, "Accept-Language", "en"));
        assertThat(forwarded.read("$.internalSteps[0].doneAt", String.class)).startsWith("2026-02-13T04:00");
        assertThat(forwarded.read("$.internalSteps[0].overdue", Boolean.class)).isTrue();
        assertThat(forwarded.read("$.internalSteps[0].name", String.class)).isEqualTo("Receiving and forwarding");
        assertThat(forwarded.read("$.internalSteps[1].doneAt", String.class)).isNull();
    }

    @Test
    void theRegistrysWorkingHoursReachTheReplicaAndCountFromTheNextReceipt() {
        DossierApi api = api();
        String owner = api.citizen("001190013005", 1);
        String officer = api.officer();
        String agency = jdbc.sql("select agency_code from procedure where code = '1.001193'")
                .query(String.class)
                .single();
        long version = jdbc.sql("select registry_version from agency_working_hours where agency_code = ?")
                        .param(agency)
                        .query(Long.class)
                        .single()
                + 5;
        // the registry owns them (decision 60): dossier-service has no endpoint to set them any more
        assertThat(api.request(
                                "PUT",
                                "/api/v1/calendar/working-hours/" + agency,
                                api.issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null),
                                "{\"periods\":\"08:00-12:00\",\"source\":\"x\"}")
                        .statusCode())
                .isIn(404, 405);

        // identity-service publishes the agency's new state
        PaymentServiceEvents.send(
                EventTopics.IDENTITY,
                AgencyChangedV1.TYPE,
                agency,
                changed(agency, "08:00-12:00,13:00-17:30", "Thông báo giờ làm việc của UBND phường", version));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql("select periods from agency_working_hours where agency_code = ?")
                            .param(agency)
                            .query(String.class)
                            .single()
                            .equals("08:00-12:00,13:00-17:30"));
            assertThat(api.service().get("/api/v1/calendar/working-hours", null).body())
                    .contains("\"periods\":\"08:00-12:00,13:00-17:30\"")
                    .contains("\"registryVersion\":" + version);
            // an older version (a late or replayed event) changes nothing; a newer one after it is still taken
            PaymentServiceEvents.send(
                    EventTopics.IDENTITY,
                    AgencyChangedV1.TYPE,
                    agency,
                    changed(agency, "07:00-11:00", "cũ", version - 1));
            PaymentServiceEvents.send(
                    EventTopics.IDENTITY,
                    AgencyChangedV1.TYPE,
                    agency,
                    changed(agency, "08:00-12:00,13:00-17:30", "Thông báo (bản sửa)", version + 1));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql("select registry_version from agency_working_hours where agency_code = ?")
                                    .param(agency)
                                    .query(Long.class)
                                    .single()
                            == version + 1);
            assertThat(jdbc.sql("select periods from agency_working_hours where agency_code = ?")
                            .param(agency)
                            .query(String.class)
                            .single())
                    .isEqualTo("08:00-12:00,13:00-17:30");

            // Friday 13/2/2026 10:00 in Vietnam, same day: that agency closes at 17:30
            clockAt("2026-02-13T03:00:00Z");
            String code = submittedAndReceived(owner, officer, "Lê Giờ Riêng");
            DocumentContext why =
                    ServiceConformance.json(api.service().get("/api/v1/dossiers/" + code + "/deadline", owner));
            assertThat(why.read("$.workingHours", String.class)).isEqualTo("08:00–12:00, 13:00–17:30");
            assertThat(why.read("$.dueAt", String.class)).isEqualTo("2026-02-13T10:30:00Z");
        } finally {
            jdbc.sql("update agency_working_hours set periods = '07:30-11:30,13:30-17:00' where agency_code = ?")
                    .param(agency)
                    .update();
        }
    }

    private static AgencyChangedV1 changed(String agency, String hours, String source, long version) {
        return new AgencyChangedV1(
                agency,
                "Ủy ban nhân dân phường",
                null,
                "COMMUNE",
                "000.00.00.H26",
                false,
                true,
                hours,
                source,
                agency,
                version,
                "registry-admin",
                Instant.parse("2026-12-01T02:00:00Z"));
    }

    @Test
    void theAdministratorReadsTheCalendarCoverageOutsideTheActuator() {
        DossierApi api = api();
        String admin = api.issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null);
        assertThat(api.service().get("/api/v1/calendar/coverage", api.officer()).statusCode())
                .isEqualTo(403);

        clockAt("2026-12-04T03:00:00Z");
        DocumentContext now = ServiceConformance.json(api.service().get("/api/v1/calendar/coverage", admin));
        assertThat(now.read("$.status", String.class)).isEqualTo("UP");
        assertThat(now.read("$.missingYears", List.class)).isEmpty();

        clockAt("2027-11-15T03:00:00Z");
        DocumentContext late = ServiceConformance.json(api.service().get("/api/v1/calendar/coverage", admin));
        assertThat(late.read("$.status", String.class)).isEqualTo("OUT_OF_SERVICE");
        assertThat(late.read("$.missingYears", List.class)).containsExactly(2028);
        assertThat(late.read("$.warning", String.class)).contains("2028", "thứ Hai đến thứ Sáu");
    }

    @Test
    void aProcedureMayHaveItsOwnShares() {
        DossierApi api = api();
        String owner = api.citizen("001190013006", 1);
        String officer = api.officer();
        jdbc.sql("""
                        insert into internal_step_share (procedure_code, step, position, share_percent, name_vi, name_en)
                        values ('1.001193', 'RECEIVING', 1, 20, 'Tiếp nhận', 'Receiving'),
                               ('1.001193', 'PROCESSING', 2, 40, 'Thụ lý', 'Processing'),
                               ('1.001193', 'APPROVING', 3, 20, 'Ký', 'Signing'),
                               ('1.001193', 'RETURNING', 4, 20, 'Trả', 'Returning')""").update();
        try {
            // Friday 13/2/2026 10:00, same day: 300 minutes (90 before lunch) split 20/40/20/20 → 11:00, 15:00, 16:00,
            // 17:00
            clockAt("2026-02-13T03:00:00Z");
            String code = submittedAndReceived(owner, officer, "Lê Phần Riêng");
            DocumentContext why =
                    ServiceConformance.json(api.service().get("/api/v1/dossiers/" + code + "/deadline", owner));
            assertThat(why.read("$.internalSteps[*].sharePercent", List.class)).containsExactly(20, 40, 20, 20);
            assertThat(why.read("$.internalSteps[*].name", List.class))
                    .containsExactly("Tiếp nhận", "Thụ lý", "Ký", "Trả");
            assertThat(why.read("$.internalSteps[*].dueAt", List.class))
                    .containsExactly(
                            "2026-02-13T04:00:00Z",
                            "2026-02-13T08:00:00Z",
                            "2026-02-13T09:00:00Z",
                            "2026-02-13T10:00:00Z");
        } finally {
            jdbc.sql("delete from internal_step_share where procedure_code = '1.001193'")
                    .update();
        }
    }
}

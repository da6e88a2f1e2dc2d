package vn.egov.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.dossier.calendar.Deadlines;
import vn.egov.dossier.calendar.TimeLimit;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * The test clock (egov.dossier.test-clock.enabled=true) moves every date the service computes: dossier
 * codes, receipt and due dates, the overdue flag and filter. Its own database, so moving time here
 * cannot touch the dossiers of other tests.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "egov.dossier.test-clock.enabled=true",
            "egov.test.database=dossier_test_clock",
            "egov.dossier.overdue-check.interval=1h"
        })
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class MovableClockIT {

    static final String CLOCK = "/api/v1/test/clock";

    @LocalServerPort
    int port;

    @Autowired
    Deadlines deadlines;

    DossierApi api() {
        return new DossierApi(port);
    }

    @AfterEach
    void resetClock() {
        assertThat(api().request("DELETE", CLOCK, null, null).statusCode()).isEqualTo(200);
    }

    static LocalDate realToday() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    HttpResponse<String> moveBy(long days) {
        HttpResponse<String> moved = api().request("PUT", CLOCK, null, "{\"offset\":\"P" + days + "D\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        return moved;
    }

    @Test
    void movingTheClockMovesCodesDueDatesAndTheOverdueFlag() {
        DossierApi api = api();
        String owner = api.citizen("001190007001", 1);
        String officer = api.officer();

        // ten days from now: the code, the receipt date and the due date are those of that day
        assertThat(moveBy(10).body())
                .contains("\"vietnamDate\":\"" + realToday().plusDays(10) + "\"");
        LocalDate later = realToday().plusDays(10);
        HttpResponse<String> submitted = api.submitBirth(owner, "Đỗ Văn Thời");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String code = DossierApi.field(submitted.body(), "code");
        assertThat(code).contains("-" + later.format(DateTimeFormatter.ofPattern("yyMMdd")) + "-");
        java.time.Instant before = java.time.Instant.now().plus(java.time.Duration.ofDays(10));
        HttpResponse<String> received = api.act(code, "receive", officer, "{}");
        java.time.Instant after = java.time.Instant.now().plus(java.time.Duration.ofDays(10));
        // a same-day procedure (V15): that day by 15:00, else its next working day — as the engine says then
        LocalDate due = LocalDate.parse(DossierApi.field(received.body(), "dueDate"));
        TimeLimit sameDay = new TimeLimit(1, TimeLimit.Unit.SAME_DAY, null);
        assertThat(due)
                .isIn(
                        deadlines.due(before, sameDay, DossierApi.BA_DINH).dueDate(),
                        deadlines.due(after, sameDay, DossierApi.BA_DINH).dueDate());
        assertThat(received.body()).contains("\"receivedDate\":\"" + later + "\"", "\"overdue\":false");

        // the day after the due date: overdue, in the flag and in the queue's filter
        moveBy(ChronoUnit.DAYS.between(realToday(), due) + 1);
        assertThat(api.service().get("/api/v1/dossiers/" + code, owner).body()).contains("\"overdue\":true");
        assertThat(api.service()
                        .get("/api/v1/dossiers?overdue=true&size=100", officer)
                        .body())
                .contains(code);
        assertThat(api.service()
                        .get("/api/v1/dossiers?overdue=false&size=100", officer)
                        .body())
                .doesNotContain(code);

        // back to real time: the due date is ahead again
        HttpResponse<String> reset = api.request("DELETE", CLOCK, null, null);
        assertThat(reset.body()).contains("\"offset\":\"PT0S\"", "\"vietnamDate\":\"" + realToday() + "\"");
        assertThat(api.service().get("/api/v1/dossiers/" + code, owner).body()).contains("\"overdue\":false");
        assertThat(api.service()
                        .get("/api/v1/dossiers?overdue=true&size=100", officer)
                        .body())
                .doesNotContain(code);
    }

    @Test
    void theClockTakesAnInstantAndRefusesProxiedCallsAndBadBodies() {
        DossierApi api = api();
        HttpResponse<String> at = api.request("PUT", CLOCK, null, "{\"instant\":\"2027-01-04T03:00:00Z\"}");
        assertThat(at.statusCode()).as(at.body()).isEqualTo(200);
        assertThat(at.body()).contains("\"vietnamDate\":\"2027-01-04\"");
        assertThat(api.request("GET", CLOCK, null, null).body()).contains("\"instant\":\"2027-01-04T03:0");

        assertProblem(api.request("PUT", CLOCK, null, "{}"), 400, "test-clock-invalid");
        assertProblem(api.request("PUT", CLOCK, null, "{\"offset\":\"three days\"}"), 400, "test-clock-invalid");
        assertProblem(
                api.request("PUT", CLOCK, null, "{\"offset\":\"P1D\",\"instant\":\"2027-01-04T03:00:00Z\"}"),
                400,
                "test-clock-invalid");
        // through a proxy (the gateway adds X-Forwarded-For) it is refused, token or not
        assertProblem(
                api.request("PUT", CLOCK, null, "{\"offset\":\"P1D\"}", "X-Forwarded-For", "203.0.113.9"),
                403,
                "test-clock-loopback-only");
        assertProblem(
                api.request("DELETE", CLOCK, api.officer(), null, "Forwarded", "for=203.0.113.9"),
                403,
                "test-clock-loopback-only");
        assertThat(api.request("GET", CLOCK, null, null).body()).contains("\"vietnamDate\":\"2027-01-04\"");
    }
}

package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A dossier that will miss its due date: before the due time the officer issues the apology with a new appointment
 * date and the citizen is told; with dossier-service's test-only clock moved past that date (accepted only when the
 * local run enables it; the prod profile refuses to start with it) the dossier is overdue, a second apology comes too
 * late and is refused, and the agency's statistics count the dossier late when it is resolved.
 */
@Order(5)
@ExtendWith(PlatformExtension.class)
class LateDossierJourneyIT {

    private static final String CLOCK = Platform.DOSSIER_SERVICE + "/api/v1/test/clock";

    @Test
    void aLateDossierGetsAnApologyAndCountsLate() {
        String citizen = People.token(People.DEMO_CITIZEN);
        String officer = People.token(People.OFFICER);
        String approver = People.token(People.APPROVER);
        JsonNode statsBefore = Dossiers.agencyStatistics(People.BA_DINH);

        String code = Dossiers.created(Dossiers.submitBirthRegistration(citizen, "Vũ Minh Châu"))
                .get("code")
                .asString();
        Dossiers.acted(officer, code, "receive", Map.of("note", "Tiếp nhận"));
        LocalDate due =
                LocalDate.parse(Dossiers.view(citizen, code).get("dueDate").asString());
        assertThat(Dossiers.view(officer, code).get("overdue").asBoolean()).isFalse();

        // the apology comes before the due time (issue 14), with a new appointment on a working day
        LocalDate newDate = Dossiers.workingDayFrom(due.plusDays(3));
        Dossiers.acted(
                officer,
                code,
                "extend-deadline",
                Map.of(
                        "reason",
                        "Cần xác minh thêm thông tin nơi sinh với bệnh viện",
                        "newAppointmentDate",
                        newDate.toString()));
        JsonNode apology = Dossiers.awaitInbox(citizen, code, "DOSSIER_DEADLINE_EXTENDED");
        assertThat(apology.get("body").asString()).contains("xác minh thêm");
        assertThat(Dossiers.view(citizen, code).get("dueDate").asString()).isEqualTo(newDate.toString());

        try {
            long days = java.time.temporal.ChronoUnit.DAYS.between(
                            LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")), newDate)
                    + 2;
            Api.Response moved = put(Map.of("offset", "P" + days + "D"));
            assertThat(moved.status()).as("moving the test clock: %s", moved).isIn(200, 204);

            Api.eventually(
                    "the dossier overdue in the officer's view",
                    Duration.ofSeconds(30),
                    () -> Dossiers.view(officer, code),
                    d -> d.get("overdue").asBoolean());
            Api.Response queue = Api.get(Platform.GATEWAY + "/api/v1/dossiers?overdue=true&size=100", officer);
            assertThat(queue.status()).isEqualTo(200);
            assertThat(Api.list(queue.json().get("items")))
                    .extracting(d -> d.get("code").asString())
                    .contains(code);
            // past the due time a second apology is too late: refused, naming the time missed
            Api.Response tooLate = Dossiers.act(
                    officer,
                    code,
                    "extend-deadline",
                    Map.of(
                            "reason",
                            "Xin thêm thời gian",
                            "newAppointmentDate",
                            Dossiers.workingDayFrom(newDate.plusDays(10)).toString()));
            assertThat(tooLate.status()).as("a late apology: %s", tooLate).isEqualTo(422);
            assertThat(tooLate.json().get("errors").get(0).get("code").asString())
                    .isEqualTo("apology-after-due-time");

            Dossiers.acted(officer, code, "forward", Map.of("note", "Chuyển phê duyệt"));
            Api.Response resolved = Api.postMultipart(
                    Platform.GATEWAY + "/api/v1/dossiers/" + code + "/actions/resolve",
                    approver,
                    List.of(
                            Api.Part.json("action", Map.of("note", "Đồng ý")),
                            Api.Part.pdf("result", "giay-khai-sinh.pdf", "giay khai sinh")));
            assertThat(resolved.status()).as("resolve: %s", resolved).isEqualTo(200);
        } finally {
            Api.Response reset = Api.delete(CLOCK);
            assertThat(reset.status()).as("resetting the test clock: %s", reset).isIn(200, 204);
        }

        JsonNode statsAfter = Dossiers.agencyStatistics(People.BA_DINH);
        assertThat(statsAfter.get("resolvedLate").asLong())
                .isEqualTo(statsBefore.path("resolvedLate").asLong() + 1);
    }

    private static Api.Response put(Map<String, Object> body) {
        return Api.putJson(CLOCK, null, body);
    }
}

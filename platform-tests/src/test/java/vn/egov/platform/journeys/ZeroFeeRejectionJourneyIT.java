package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** A free procedure: submitted, received, rejected with a reason; the citizen is told why. */
@Order(2)
@ExtendWith(PlatformExtension.class)
class ZeroFeeRejectionJourneyIT {

    @Test
    void aRejectedDossierTellsTheCitizenWhy() {
        String citizen = People.token(People.DEMO_CITIZEN);
        JsonNode submitted = Dossiers.created(Dossiers.submitBirthRegistration(citizen, "Lê Thu Hà"));
        String code = submitted.get("code").asString();
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("payment").isNull())
                .as("no fee, no payment link")
                .isTrue();

        String officer = People.token(People.OFFICER);
        Dossiers.acted(officer, code, "receive", Map.of("note", "Tiếp nhận"));
        String reason = "Người yêu cầu không phải cha, mẹ hoặc người thân thích của trẻ";
        Dossiers.acted(officer, code, "reject", Map.of("reason", reason));

        JsonNode notice = Dossiers.awaitInbox(citizen, code, "DOSSIER_REJECTED");
        assertThat(notice.get("body").asString()).contains(reason);
        // the demo citizen exists only in Keycloak: notification-service finds the contacts through identity-service
        Api.eventually(
                "an email to the demo citizen naming " + code,
                Dossiers.PATIENCE,
                () -> Mailbox.of(People.DEMO_CITIZEN_EMAIL),
                mails -> mails.stream()
                        .anyMatch(m -> (m.subject() + m.body()).contains(code)
                                && m.body().contains(reason)));
        Api.eventually(
                "an SMS to the demo citizen naming " + code,
                Dossiers.PATIENCE,
                () -> Dossiers.smsTo(People.DEMO_CITIZEN_PHONE),
                sms -> sms.stream().anyMatch(m -> m.path("text").asString().contains(code)));
        assertThat(Dossiers.view(citizen, code).get("status").asString()).isEqualTo("REJECTED");

        // rejected is final: the officer cannot resolve it afterwards
        Api.Response late = Dossiers.act(officer, code, "forward", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.header("Content-Type")).startsWith("application/problem+json");

        Api.Response lookup = Api.get(
                GATEWAY + "/api/v1/public/dossiers/" + code + "?secret="
                        + submitted.get("lookupSecret").asString(),
                null);
        assertThat(lookup.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(lookup.text()).doesNotContain("Lê Thu Hà", People.DEMO_CITIZEN);
    }
}

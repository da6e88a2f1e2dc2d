package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Parts of the platform go away for a while, as they do at 3 a.m.: citizens can still submit, and what
 * was owed to them (a payment link, their notifications) arrives once the part is back, once.
 * Last of the journeys, because it stops and starts components.
 */
@Order(99)
@ExtendWith(PlatformExtension.class)
class ResilienceJourneyIT {

    @Test
    void withPaymentServiceStoppedAFeeDossierIsAcceptedAndGetsItsPaymentLinkLater(Platform platform) throws Exception {
        People.Citizen citizen = People.verifiedCitizen();
        String token = citizen.token();
        platform.stop("payment-service");
        String code;
        try {
            JsonNode submitted =
                    Dossiers.created(Dossiers.submitHouseholdBusiness(token, "Hộ kinh doanh Sửa Xe Tiến Phát"));
            code = submitted.get("code").asString();
            assertThat(submitted.get("payment").isNull())
                    .as("no link while payment-service is away")
                    .isTrue();
            assertThat(submitted.get("paymentPending").asBoolean()).isTrue();
        } finally {
            platform.start("payment-service");
        }
        JsonNode dossier = Api.eventually(
                "the payment link once payment-service is back",
                Duration.ofSeconds(60),
                () -> Dossiers.view(token, code),
                d -> d.path("payment").hasNonNull("paymentUrl"));
        String paymentUrl = dossier.get("payment").get("paymentUrl").asString();
        Dossiers.payOnGatewayPage(paymentUrl);
        Dossiers.paymentWithStatus(token, dossier.get("payment").get("id").asString(), "SUCCEEDED");
    }

    @Test
    void withKafkaStoppedSubmissionsSucceedAndEveryNotificationArrivesOnceAfterwards(Platform platform)
            throws Exception {
        String citizen = People.token(People.DEMO_CITIZEN);
        String officer = People.token(People.OFFICER);
        platform.stop("kafka");
        String code;
        try {
            JsonNode submitted = Dossiers.created(Dossiers.submitBirthRegistration(citizen, "Phạm Gia Bảo"));
            code = submitted.get("code").asString();
            Dossiers.acted(officer, code, "receive", Map.of("note", "Tiếp nhận khi Kafka đang dừng"));
            Api.sleep(Duration.ofSeconds(3));
            assertThat(Dossiers.inboxAbout(citizen, code))
                    .as("nothing can travel without the broker")
                    .isEmpty();
        } finally {
            platform.start("kafka");
        }
        Api.eventually(
                "both notices once Kafka is back",
                Duration.ofSeconds(90),
                () -> Dossiers.inboxAbout(citizen, code),
                items -> kinds(items).containsAll(List.of("DOSSIER_SUBMITTED", "DOSSIER_RECEIVED")));
        // give redeliveries a chance to show up, then count
        Api.sleep(Duration.ofSeconds(5));
        List<String> kinds = kinds(Dossiers.inboxAbout(citizen, code));
        assertThat(kinds)
                .as("each notice exactly once")
                .containsExactlyInAnyOrder("DOSSIER_SUBMITTED", "DOSSIER_RECEIVED");
    }

    private static List<String> kinds(List<JsonNode> items) {
        return items.stream().map(i -> i.path("kind").asString()).toList();
    }
}

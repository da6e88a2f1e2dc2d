package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** A paid dossier withdrawn before anyone processed it: the fee goes back without an officer's hand. */
@Order(3)
@ExtendWith(PlatformExtension.class)
class RefundJourneyIT {

    @Test
    void aPaidDossierWithdrawnBeforeProcessingIsRefunded() {
        People.Citizen citizen = People.verifiedCitizen();
        String token = citizen.token();
        JsonNode submitted =
                Dossiers.created(Dossiers.submitHouseholdBusiness(token, "Hộ kinh doanh Quán Phở Gia Truyền"));
        String code = submitted.get("code").asString();
        String paymentId = submitted.get("payment").get("id").asString();
        Dossiers.payOnGatewayPage(submitted.get("payment").get("paymentUrl").asString());
        Dossiers.paymentWithStatus(token, paymentId, "SUCCEEDED");
        Api.eventually(
                "the paid dossier is submitted",
                Dossiers.PATIENCE,
                () -> Dossiers.view(token, code),
                d -> "SUBMITTED".equals(d.get("status").asString()));

        Dossiers.acted(token, code, "withdraw", Map.of("reason", "Tôi nộp nhầm thủ tục"));

        JsonNode refunded = Dossiers.paymentWithStatus(token, paymentId, "REFUNDED");
        assertThat(refunded.toString()).contains("100000");
        Dossiers.awaitInbox(token, code, "DOSSIER_WITHDRAWN");
        Dossiers.awaitInbox(token, code, "PAYMENT_REFUNDED");
    }
}

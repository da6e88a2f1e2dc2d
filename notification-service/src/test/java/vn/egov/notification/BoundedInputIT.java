package vn.egov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.testsupport.BoundedInputSupport;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * Bounded input (issue 20) in notification-service: the preference list and its kinds, the operators'
 * filters and the SMS gateway's receipt id are refused past their limits with a problem naming the field
 * (vi/en) and nothing stored; accepted at them. notification-service publishes no Kafka events.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "egov.notification.sms.receipt-key=bounds-receipt-key")
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class BoundedInputIT extends BoundedInputSupport {

    static String kinds(int n, String kind) {
        return IntStream.range(0, n)
                .mapToObj(i -> "{\"kind\":\"" + kind + "\",\"email\":true,\"sms\":false}")
                .collect(Collectors.joining(",", "{\"kinds\":[", "]}"));
    }

    long preferences(String subject) {
        return count("select count(*) from preference where subject = ?", subject);
    }

    @Test
    void thePreferenceListAndItsKindsAreBounded() {
        String subject = UUID.randomUUID().toString();
        String token = issuer.token(c -> c.subject(subject).claim("realm_access", Map.of("roles", List.of("CITIZEN"))));
        HttpResponse<String> vi =
                service().call("PUT", "/api/v1/notifications/preferences", token, kinds(51, "DOSSIER_RECEIVED"));
        assertThat(assertFieldProblem(vi, 400, "validation-failed", "kinds")).isEqualTo(viSize("0", "50"));
        HttpResponse<String> en = service()
                .call(
                        "PUT",
                        "/api/v1/notifications/preferences",
                        token,
                        kinds(1, "K".repeat(65)),
                        "Accept-Language",
                        "en");
        assertThat(assertFieldProblem(en, 400, "validation-failed", "kinds[0].kind"))
                .isEqualTo(enSize("0", "64"));
        assertThat(preferences(subject)).isZero();

        HttpResponse<String> atLimit =
                service().call("PUT", "/api/v1/notifications/preferences", token, kinds(50, "DOSSIER_RECEIVED"));
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(200);
        assertThat(KindSettings.in(atLimit, "DOSSIER_RECEIVED"))
                .isEqualTo(KindSettings.setting("DOSSIER_RECEIVED", false, true, false));
        // an unknown kind at the length limit is refused for what it is, not for its length
        assertProblem(
                service().call("PUT", "/api/v1/notifications/preferences", token, kinds(1, "K".repeat(64))),
                400,
                "unknown-notification-kind");
    }

    @Test
    void theOperatorsFiltersAreBounded() {
        String admin = issuer.token(c -> c.subject(UUID.randomUUID().toString())
                .claim("realm_access", Map.of("roles", List.of("SYSTEM_ADMIN"))));
        HttpResponse<String> vi =
                service().get("/api/v1/notifications/admin/deliveries?status=" + "S".repeat(33), admin);
        assertThat(assertFieldProblem(vi, 400, "validation-failed", "status")).isEqualTo(viSize("0", "32"));
        assertThat(vi.body()).doesNotContain("S".repeat(33));
        HttpResponse<String> en = service()
                .get(
                        "/api/v1/notifications/admin/deliveries?channel=" + "C".repeat(33),
                        admin,
                        "Accept-Language",
                        "en");
        assertThat(assertFieldProblem(en, 400, "validation-failed", "channel")).isEqualTo(enSize("0", "32"));
        assertThat(service()
                        .get("/api/v1/notifications/admin/deliveries?status=FAILED", admin)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anSmsReceiptsIdIsBoundedOnceTheGatewayHasProvedItself() {
        String receipt = "{\"id\":\"%s\",\"reference\":\"%s\",\"status\":\"DELIVERED\"}";
        String reference = UUID.randomUUID().toString();
        // the key first: a stranger learns nothing about the limits
        assertProblem(
                service()
                        .post(
                                "/api/v1/notifications/sms/receipts",
                                null,
                                receipt.formatted("g".repeat(101), reference),
                                "X-Api-Key",
                                "wrong"),
                401,
                "invalid-receipt-key");
        HttpResponse<String> vi = service()
                .post(
                        "/api/v1/notifications/sms/receipts",
                        null,
                        receipt.formatted("g".repeat(101), reference),
                        "X-Api-Key",
                        "bounds-receipt-key");
        assertThat(assertFieldProblem(vi, 400, "validation-failed", "id")).isEqualTo(viSize("0", "100"));
        HttpResponse<String> en = service()
                .post(
                        "/api/v1/notifications/sms/receipts",
                        null,
                        receipt.formatted("g", reference + "x"),
                        "X-Api-Key",
                        "bounds-receipt-key",
                        "Accept-Language",
                        "en");
        assertThat(assertFieldProblem(en, 400, "validation-failed", "reference"))
                .isEqualTo(enSize("0", "36"));
        // at the limit the id passes; there is no such delivery
        assertProblem(
                service()
                        .post(
                                "/api/v1/notifications/sms/receipts",
                                null,
                                receipt.formatted("g".repeat(100), reference),
                                "X-Api-Key",
                                "bounds-receipt-key"),
                404,
                "delivery-not-found");
    }
}

package vn.egov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;
import vn.egov.testsupport.TestIssuer;

/**
 * The field messages of a problem speak the request's language like its {@code detail} does: Vietnamese by
 * default (whatever the JVM's own locale), English on {@code Accept-Language: en}; the {@code code}s never change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class FieldMessagesIT {

    @LocalServerPort
    int port;

    final TestIssuer issuer = TestIssuer.shared();

    ServiceConformance service() {
        return new ServiceConformance(port);
    }

    @Test
    void anUnknownNotificationKindIsToldInVietnameseByDefaultAndInEnglishOnRequest() {
        String token = issuer.token(c ->
                c.subject(UUID.randomUUID().toString()).claim("realm_access", Map.of("roles", List.of("CITIZEN"))));
        String body = "{\"kinds\":[{\"kind\":\"DOSSIER_RECEIVED\",\"email\":true,\"sms\":false},"
                + "{\"kind\":\"NO_SUCH_KIND\",\"email\":true,\"sms\":false}]}";

        HttpResponse<String> vi = service().call("PUT", "/api/v1/notifications/preferences", token, body);
        assertThat(assertFieldProblem(vi, 400, "unknown-notification-kind", "kinds[1].kind", "unknown-kind"))
                .isEqualTo("Không có loại thông báo NO_SUCH_KIND.");
        assertThat(json(vi).read("$.detail", String.class)).startsWith("Có loại thông báo không tồn tại");

        HttpResponse<String> en =
                service().call("PUT", "/api/v1/notifications/preferences", token, body, "Accept-Language", "en");
        assertThat(assertFieldProblem(en, 400, "unknown-notification-kind", "kinds[1].kind", "unknown-kind"))
                .isEqualTo("There is no notification kind NO_SUCH_KIND.");
        assertThat(json(en).read("$.detail", String.class)).startsWith("The request names a notification kind");
        // how the message was made stays inside
        assertThat(en.body()).doesNotContain("messageKey", "messageArgs");
    }

    @Test
    void anOperatorsUnknownStatusAndChannelAreToldInVietnameseByDefaultAndInEnglishOnRequest() {
        String admin = issuer.token(c -> c.subject(UUID.randomUUID().toString())
                .claim("realm_access", Map.of("roles", List.of("SYSTEM_ADMIN"))));
        String path = "/api/v1/notifications/admin/deliveries?status=LOST&channel=PIGEON";

        HttpResponse<String> vi = service().get(path, admin, "Accept-Language", "vi");
        assertThat(assertFieldProblem(vi, 400, "validation-failed", "status"))
                .isEqualTo("Không có trạng thái gửi LOST.");
        assertThat(assertFieldProblem(vi, 400, "validation-failed", "channel")).isEqualTo("Không có kênh gửi PIGEON.");

        HttpResponse<String> en = service().get(path, admin, "Accept-Language", "en");
        assertThat(assertFieldProblem(en, 400, "validation-failed", "status", "unknown-status"))
                .isEqualTo("There is no delivery status LOST.");
        assertThat(assertFieldProblem(en, 400, "validation-failed", "channel", "unknown-channel"))
                .isEqualTo("There is no channel PIGEON.");
    }
}

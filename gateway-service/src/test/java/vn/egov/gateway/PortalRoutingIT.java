package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * web-portal's pages and assets go to web-portal, without a token, path and query unchanged; the API, Keycloak,
 * the API docs and the gateway's own pages (Swagger UI) stay where they were; an unknown path is still the
 * gateway's 404 problem. (A context of its own: the portal stub's address.)
 */
class PortalRoutingIT extends GatewayIntegrationTest {

    static final UpstreamStub PORTAL = UpstreamStub.start("portal")
            .answersWithHeaders("/tro-giup", Map.of("Content-Security-Policy", "default-src 'self'; script-src 'self'"))
            .eventStream("/thong-bao/truc-tiep", LONGER_THAN_RESPONSE_TIMEOUT, "unread");

    @DynamicPropertySource
    static void portal(DynamicPropertyRegistry registry) {
        registry.add("WEB_PORTAL_URL", PORTAL::url);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/",
                "/thu-tuc",
                "/thu-tuc/1.001193",
                "/tra-cuu",
                "/thong-ke",
                "/tro-giup",
                "/assets/css/portal.css",
                "/dang-nhap",
                "/oauth2/authorization/portal",
                "/login/oauth2/code/portal",
                "/ho-so",
                "/ho-so/G01.001.2026.000001",
                "/dang-ky",
                "/dang-ky/da-xong",
                "/tai-khoan",
                "/tai-khoan/lien-he",
                "/thong-bao",
                "/nop-ho-so/1.001193",
                "/giay-to"
            })
    void portalPathsReachThePortalWithoutAToken(String path) {
        HttpResponse<String> response = gateway.get(path).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        UpstreamStub.Received relayed = relayedTo(PORTAL, response);
        assertThat(relayed.method()).isEqualTo("GET");
        assertThat(relayed.path()).isEqualTo(path);
        assertNotRelayed(response, IDENTITY, DOSSIER, PAYMENT, NOTIFICATION, KEYCLOAK);
    }

    @Test
    void thePortalsLiveStreamIsNotCutByTheResponseTimeout() {
        HttpResponse<String> response = gateway.get("/thong-bao/truc-tiep")
                .header("Accept", "text/event-stream")
                .send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(response.body()).contains("data: unread");
        assertThat(relayedTo(PORTAL, response).path()).isEqualTo("/thong-bao/truc-tiep");
    }

    @Test
    void theQueryReachesThePortalUnchanged() {
        HttpResponse<String> response =
                gateway.get("/thu-tuc?q=dang+ky+khai+sinh&lang=en").send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(relayedTo(PORTAL, response).query()).isEqualTo("q=dang+ky+khai+sinh&lang=en");
    }

    @Test
    void signOutIsAPostWithTheSessionCookieAndItsFormPassedOn() {
        HttpResponse<String> response = gateway.post("/dang-xuat")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(HttpRequest.BodyPublishers.ofString("_csrf=abc"))
                .header("Cookie", "egov_session=s1")
                .send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        UpstreamStub.Received relayed = relayedTo(PORTAL, response);
        assertThat(relayed.method()).isEqualTo("POST");
        assertThat(relayed.path()).isEqualTo("/dang-xuat");
        assertThat(relayed.bodyLength()).isEqualTo("_csrf=abc".length());
        assertThat(relayed.header("Cookie")).isEqualTo("egov_session=s1");
        assertNotRelayed(response, IDENTITY, DOSSIER, PAYMENT, NOTIFICATION, KEYCLOAK);
    }

    @Test
    void theSubmissionWizardTakesUploadsThatOtherPortalPagesRefuse() {
        int megabyte = 1024 * 1024;
        HttpResponse<String> upload = gateway.post("/nop-ho-so/1.001193/9b2f0c6e-0000-4000-8000-000000000001/tai-lieu")
                .header("Content-Type", "multipart/form-data; boundary=x")
                .header("Cookie", "egov_session=s1")
                .body(HttpRequest.BodyPublishers.ofByteArray(new byte[5 * megabyte]))
                .send();

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        assertThat(relayedTo(PORTAL, upload).bodyLength()).isEqualTo(5 * megabyte);

        HttpResponse<String> elsewhere = gateway.post("/ho-so/G01.001.2026.000001/danh-gia")
                .header("Content-Type", "multipart/form-data; boundary=x")
                .header("Cookie", "egov_session=s1")
                .body(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * megabyte]))
                .send();

        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(413);
    }

    @Test
    void thePortalsOwnContentSecurityPolicyIsKept() {
        HttpResponse<String> response = gateway.get("/tro-giup").send();

        assertThat(response.headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'self'; script-src 'self'");
    }

    @Test
    void theApiStillGoesToItsServices() {
        HttpResponse<String> response =
                gateway.get("/api/v1/procedures?q=dang+ky").send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(relayedTo(DOSSIER, response).path()).isEqualTo("/api/v1/procedures");
        assertNotRelayed(response, PORTAL);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/swagger-ui.html", "/v3/api-docs/swagger-config", "/actuator/health/readiness"})
    void theGatewaysOwnPagesStayTheGateways(String path) {
        HttpResponse<String> response = gateway.get(path).send();

        assertThat(response.statusCode()).as(response.body()).isIn(200, 302);
        assertNotRelayed(response, PORTAL);
    }

    @Test
    void anUnknownPathIsStillTheGateways404Problem() {
        HttpResponse<String> response = gateway.get("/khong-co-trang-nay")
                .bearer(ISSUER.citizen("001090000001"))
                .send();

        assertProblem(response, 404, "not-found");
        assertNotRelayed(response, PORTAL);
    }

    // payment and supplement (web-portal's payment pages and the supplement upload)

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/thanh-toan/ket-qua?vnp_TxnRef=5b1e0c449f3a4c1e8a7b0d2c3e4f5a61&vnp_ResponseCode=00",
                "/thanh-toan/5b1e0c44-9f3a-4c1e-8a7b-0d2c3e4f5a61",
                "/thanh-toan/5b1e0c44-9f3a-4c1e-8a7b-0d2c3e4f5a61/bien-lai"
            })
    void thePaymentPagesReachThePortalWithTheGatewaysQueryUnchanged(String pathAndQuery) {
        HttpResponse<String> response = gateway.get(pathAndQuery).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        UpstreamStub.Received relayed = relayedTo(PORTAL, response);
        String[] parts = pathAndQuery.split("\\?", 2);
        assertThat(relayed.path()).isEqualTo(parts[0]);
        if (parts.length > 1) {
            assertThat(relayed.query()).isEqualTo(parts[1]);
        }
        assertNotRelayed(response, IDENTITY, DOSSIER, PAYMENT, NOTIFICATION, KEYCLOAK);
    }

    // officers' desk (web-portal's /motcua/**)

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/motcua", "/motcua/ho-so/000.00.01.H26-261204-0001?lang=en", "/motcua/thong-ke"})
    void theDeskPagesReachThePortal(String pathAndQuery) {
        HttpResponse<String> response = gateway.get(pathAndQuery).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        UpstreamStub.Received relayed = relayedTo(PORTAL, response);
        assertThat(relayed.path()).isEqualTo(pathAndQuery.split("\\?", 2)[0]);
        assertNotRelayed(response, IDENTITY, DOSSIER, PAYMENT, NOTIFICATION, KEYCLOAK);
    }

    @Test
    void aSupplementsFilesPassUpTo25MegabytesWhileOtherPortalFormsStopAtOne() {
        HttpResponse<String> upload = gateway.post("/ho-so/G01.001.2026.000001/bo-sung")
                .header("Content-Type", "multipart/form-data; boundary=x")
                .header("Cookie", "egov_session=s1")
                .body(HttpRequest.BodyPublishers.ofByteArray(new byte[5 * 1024 * 1024]))
                .send();

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        UpstreamStub.Received relayed = relayedTo(PORTAL, upload);
        assertThat(relayed.path()).isEqualTo("/ho-so/G01.001.2026.000001/bo-sung");
        assertThat(relayed.bodyLength()).isEqualTo(5 * 1024 * 1024);

        // announced, not sent: the gateway answers before reading a body over the limit
        String id = "portal-form-" + java.util.UUID.randomUUID();
        RawHttp.Response withdraw = RawHttp.announce(
                port,
                "POST",
                "/ho-so/G01.001.2026.000001/rut",
                2L * 1024 * 1024,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Correlation-Id", id));
        assertThat(withdraw.status()).as(withdraw.body()).isEqualTo(413);
        assertThat(PORTAL.requestWith(id)).isEmpty();
    }
}

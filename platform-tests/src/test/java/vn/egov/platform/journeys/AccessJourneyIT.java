package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Who may see what: another citizen and an officer of another agency learn nothing about a dossier
 * (404, the same as for a code that does not exist); a ministry system checks an identity with its scope
 * and is refused without it; one person cannot open live-inbox streams without end.
 */
@Order(4)
@ExtendWith(PlatformExtension.class)
class AccessJourneyIT {

    @Test
    void othersGetNotFoundOnTheDossierItsDocumentsAndItsPayment() {
        People.Citizen owner = People.verifiedCitizen();
        String token = owner.token();
        // Sở Tư pháp's procedure: the demo officer works for UBND phường Ba Đình, another agency
        JsonNode submitted = Dossiers.created(Dossiers.submitJudicialRecord(token));
        String code = submitted.get("code").asString();
        String paymentId = submitted.get("payment").get("id").asString();
        JsonNode dossier = Dossiers.view(token, code);
        String documentId = dossier.get("documents").get(0).get("id").asString();

        String dossierUrl = GATEWAY + "/api/v1/dossiers/" + code;
        String documentUrl = dossierUrl + "/documents/" + documentId;
        String paymentUrl = GATEWAY + "/api/v1/payments/" + paymentId;
        assertThat(Api.get(documentUrl, token).status())
                .as("the owner gets the document")
                .isEqualTo(200);
        assertThat(Api.get(paymentUrl, token).status())
                .as("the owner gets the payment")
                .isEqualTo(200);

        for (String outsider : new String[] {People.token(People.DEMO_CITIZEN), People.token(People.OFFICER)}) {
            for (String url : new String[] {dossierUrl, dossierUrl + "/history", documentUrl, paymentUrl}) {
                Api.Response r = Api.get(url, outsider);
                assertThat(r.status())
                        .as(
                                "%s as %s",
                                url,
                                Api.claims(outsider).path("preferred_username").asString())
                        .isEqualTo(404);
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                assertThat(r.text()).doesNotContain(owner.fullName());
            }
            Api.Response withdraw = Dossiers.act(outsider, code, "withdraw", Map.of("reason", "x"));
            assertThat(withdraw.status()).isEqualTo(404);
        }
        assertThat(Dossiers.view(token, code).get("status").asString())
                .as("nothing changed")
                .isEqualTo("AWAITING_PAYMENT");
        // and without a token, the gateway answers before any service is asked
        assertThat(Api.get(dossierUrl, null).status()).isEqualTo(401);
    }

    @Test
    void aMinistryVerifiesAnIdentityWithItsScopeAndIsRefusedWithoutIt() {
        People.Citizen person = People.verifiedCitizen();
        Api.Response tokenResponse =
                Api.clientCredentials("ministry-justice", "ministry-justice-dev-secret", "identity.verify");
        assertThat(tokenResponse.status())
                .as("ministry token: %s", tokenResponse)
                .isEqualTo(200);
        String ministry = tokenResponse.json().get("access_token").asString();
        String url = GATEWAY + "/api/v1/identity/verifications";

        Api.Response match = Api.postJson(
                url,
                ministry,
                Map.of(
                        "nationalId",
                        person.nationalId(),
                        "fullName",
                        person.fullName(),
                        "dateOfBirth",
                        person.dateOfBirth()));
        assertThat(match.status()).as("verification: %s", match).isEqualTo(200);
        assertThat(match.json().get("match").asBoolean()).isTrue();
        assertThat(match.json().size()).as("yes or no, nothing more").isEqualTo(1);

        Api.Response otherName = Api.postJson(
                url,
                ministry,
                Map.of(
                        "nationalId",
                        person.nationalId(),
                        "fullName",
                        "Nguyễn Văn Khác",
                        "dateOfBirth",
                        person.dateOfBirth()));
        assertThat(otherName.json().get("match").asBoolean()).isFalse();

        // a client that was never granted the scope cannot get it, and its plain token is refused by the service
        Api.Response asked =
                Api.clientCredentials("ministry-no-scope", "ministry-no-scope-dev-secret", "identity.verify");
        assertThat(asked.status())
                .as("token with a scope it was not granted: %s", asked)
                .isEqualTo(400);
        Api.Response plain = Api.postForm(
                Api.TOKEN_URL,
                null,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "ministry-no-scope",
                        "client_secret",
                        "ministry-no-scope-dev-secret"));
        assertThat(plain.status()).as("token: %s", plain).isEqualTo(200);
        String noScope = plain.json().get("access_token").asString();
        Api.Response refused = Api.postJson(
                url,
                noScope,
                Map.of(
                        "nationalId",
                        person.nationalId(),
                        "fullName",
                        person.fullName(),
                        "dateOfBirth",
                        person.dateOfBirth()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text()).doesNotContain("match");
    }

    /**
     * Issue 16 item 4, enumeration through the gateway: registering a CCCD that already has an account answers exactly
     * as registering a new one does (201, the same fields, level 1, the CCCD given as username, a new id: decision
     * 39), and the public lookup answers a real dossier code with a wrong secret exactly as a code that does not
     * exist (the same status, problem type and wording): neither tells a stranger what exists.
     */
    @Test
    void neitherRegistrationNorThePublicLookupTellsAStrangerWhatExists() {
        JsonNode fresh = People.nextResident();
        Api.Response created = register(fresh, "203.0.113.201");
        JsonNode demo = Api.list(Api.get(Platform.REGISTRY_SIMULATOR + "/api/v1/residents/sample?limit=1", null)
                        .json())
                .get(0);
        assertThat(demo.get("nationalId").asString()).isEqualTo(People.DEMO_CITIZEN);
        Api.Response taken = register(demo, "203.0.113.202");
        assertThat(taken.status())
                .as("a taken CCCD: %s", taken)
                .isEqualTo(created.status())
                .isEqualTo(201);
        assertThat(fieldNames(taken.json())).isEqualTo(fieldNames(created.json()));
        assertThat(taken.json().get("levelOfAssurance").asInt()).isEqualTo(1);
        assertThat(taken.json().get("id").asString())
                .as("a new id, not the account's")
                .isNotEqualTo(Api.claims(People.token(People.DEMO_CITIZEN))
                        .path("sub")
                        .asString());
        assertThat(taken.header("Content-Type")).isEqualTo(created.header("Content-Type"));

        People.Citizen owner = People.verifiedCitizen();
        String code = Dossiers.created(Dossiers.submitJudicialRecord(owner.token()))
                .get("code")
                .asString();
        Api.Response wrongSecret = Api.get(GATEWAY + "/api/v1/public/dossiers/" + code + "?secret=ABCD2345", null);
        String unknownCode = code.substring(0, code.length() - 4) + "9999";
        Api.Response unknown = Api.get(GATEWAY + "/api/v1/public/dossiers/" + unknownCode + "?secret=ABCD2345", null);
        assertThat(wrongSecret.status())
                .as("%s", wrongSecret)
                .isEqualTo(unknown.status())
                .isEqualTo(404);
        assertThat(wrongSecret.json().path("type").asString())
                .isEqualTo(unknown.json().path("type").asString());
        assertThat(wrongSecret.json().path("detail").asString().replace(code, unknownCode))
                .isEqualTo(unknown.json().path("detail").asString());
    }

    private static Api.Response register(JsonNode resident, String address) {
        String tag = Long.toString(System.nanoTime(), 36);
        return Api.postJsonFrom(
                GATEWAY + "/api/v1/identity/registrations",
                address,
                Map.of(
                        "fullName", resident.get("fullName").asString(),
                        "nationalId", resident.get("nationalId").asString(),
                        "dateOfBirth", resident.get("dateOfBirth").asString(),
                        "sex", resident.get("sex").asString(),
                        "email", "enum-" + tag + "@thudientu.vn",
                        "phone", "09" + String.format("%08d", System.nanoTime() % 100_000_000),
                        "password", "Jr!" + tag + "aB7"));
    }

    private static java.util.Set<String> fieldNames(JsonNode json) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        json.propertyNames().forEach(names::add);
        return names;
    }

    /**
     * Issue 16 item 4: one person's live-inbox streams are capped (3 per person and instance by default), so one user
     * cannot exhaust the gateway's connections to notification-service: through the gateway the fourth is 429
     * {@code too-many-streams} with a problem in words (closing one frees its place: {@code LiveInboxStreamsIT}).
     */
    @Test
    void onePersonsLiveInboxStreamsAreCappedThroughTheGateway() throws Exception {
        String token = People.verifiedCitizen().token();
        HttpClient http = HttpClient.newHttpClient();
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<InputStream> accepted = stream(http, token);
                assertThat(accepted.statusCode()).as("stream %d", i + 1).isEqualTo(200);
                open.add(accepted.body());
            }
            HttpResponse<InputStream> fourth = stream(http, token);
            String problem = new String(fourth.body().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(fourth.statusCode()).as(problem).isEqualTo(429);
            assertThat(fourth.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(problem).contains("too-many-streams", "luồng thông báo");
        } finally {
            for (InputStream stream : open) {
                stream.close();
            }
        }
    }

    private static HttpResponse<InputStream> stream(HttpClient http, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(15, TimeUnit.SECONDS);
    }
}

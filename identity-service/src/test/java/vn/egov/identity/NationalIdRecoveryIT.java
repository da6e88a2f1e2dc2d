package vn.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import vn.egov.contracts.identity.NationalIdRecoveredV1;
import vn.egov.devstack.simulators.vneid.NationalIdentitySimulator;
import vn.egov.devstack.simulators.vneid.NationalIdentitySimulator.Identity;
import vn.egov.identity.CitizenIdentityIT.Person;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * Recovering a squatted CCCD (decision 63) against the real Keycloak, PostgreSQL and the national identity's
 * simulator: someone registers a resident's CCCD with a password first; the resident, signed in at the national
 * identity through identity-service's own client, takes it back — the squatter's account is disabled, renamed and
 * loses its identity number, its profile is kept and marked, the audit says who and when. A level-1 national
 * identity, an account linked to the national identity, another browser and a cancelled sign-in change nothing.
 * The browser's steps are followed by hand (no redirects followed), as a browser would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(
        initializers = {RealInfrastructureInitializer.class, CitizenIdentityIT.RealKeycloakAndRegistry.class})
class NationalIdRecoveryIT {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final NationalIdentitySimulator NATIONAL = CitizenIdentityIT.NATIONAL_IDENTITY;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOwnerProvenAtLevelTwoTakesTheCccdBackFromALocalRegistration() throws Exception {
        Person owner = Person.random();
        NATIONAL.addIdentity(new Identity(owner.resident(), 2));
        Person squatter = squatterOf(owner);
        String squatterId = register(squatter);
        assertThat(RealKeycloak.passwordGrant(owner.nationalId, squatter.password))
                .isNotBlank();

        Flow flow = start();
        assertThat(flow.authorize())
                .startsWith(NATIONAL.baseUrl() + "/authorize?")
                .contains("client_id=egov-recovery", "code_challenge_method=S256", "nonce=", "state=")
                .contains("redirect_uri=" + NationalIdentitySimulator.RECOVERY_REDIRECT_URI);
        Map<String, String> answer = approveAt(flow, owner.nationalId);
        assertThat(callback(answer, flow.cookie())).isEqualTo("/dang-nhap/lay-lai?ket-qua=da-lay-lai");

        // the squatter's account: disabled, renamed, without the identity number; its password no longer works
        JsonNode account = RealKeycloak.admin("/users/" + squatterId);
        assertThat(account.path("enabled").asBoolean()).isFalse();
        assertThat(account.path("username").asString()).startsWith(owner.nationalId + ".thu-hoi.");
        assertThat(account.path("attributes").has("nationalId")).isFalse();
        assertThat(RealKeycloak.admin("/users?username=" + owner.nationalId + "&exact=true"))
                .as("the CCCD is free for the owner's national sign-in")
                .isEmpty();
        assertThatThrownBy(() -> RealKeycloak.passwordGrant(owner.nationalId, squatter.password))
                .isInstanceOf(AssertionError.class);

        // the profile is kept and marked, its identity number no longer found; the audit says who and when
        Map<String, Object> profile = jdbc.sql(
                        "select recovered_at, recovered_by_subject, national_id_index from citizen_profile where id = :id")
                .param("id", UUID.fromString(squatterId))
                .query()
                .singleRow();
        assertThat(profile.get("recovered_at")).isNotNull();
        assertThat(profile.get("recovered_by_subject")).isEqualTo(NationalIdentitySimulator.subject(owner.nationalId));
        assertThat((String) profile.get("national_id_index")).isEqualTo("recovered:" + squatterId);
        Map<String, Object> audit = jdbc.sql(
                        "select actor, detail from identity_audit where person_id = :id and action = 'NATIONAL_ID_RECOVERED'")
                .param("id", UUID.fromString(squatterId))
                .query()
                .singleRow();
        assertThat(audit.get("actor")).isEqualTo("vneid:" + NationalIdentitySimulator.subject(owner.nationalId));
        assertThat((String) audit.get("detail")).doesNotContain(owner.nationalId, squatter.email, squatter.phone);

        // the holder is told through notification-service: an event naming the account, nothing personal
        String recovered = CitizenIdentityIT.awaitEvent(squatterId, NationalIdRecoveredV1.TYPE)
                .value();
        assertThat(recovered)
                .contains(squatterId)
                .doesNotContain(owner.nationalId, squatter.email, squatter.phone, squatter.fullName);

        // the same answer again: the attempt was used up
        assertThat(callback(answer, flow.cookie())).isEqualTo("/dang-nhap/lay-lai?ket-qua=that-bai");
        assertThat(jdbc.sql("select count(*) from national_id_recovery_attempt where state_hash = :h")
                        .param("h", sha256(parameters(flow.authorize()).get("state")))
                        .query(Long.class)
                        .single())
                .as("nothing of the attempt is kept")
                .isZero();
    }

    @Test
    void aLevelOneNationalIdentityAnAccountLinkedNationallyAnotherBrowserAndACancelChangeNothing() throws Exception {
        // level 1 at the national identity proves less than the platform needs
        Person levelOne = Person.random();
        NATIONAL.addIdentity(new Identity(levelOne.resident(), 1));
        String squatterOfLevelOne = register(squatterOf(levelOne));
        Flow flow = start();
        assertThat(callback(approveAt(flow, levelOne.nationalId), flow.cookie()))
                .isEqualTo("/dang-nhap/lay-lai?ket-qua=muc-1");
        assertUntouched(squatterOfLevelOne, levelOne.nationalId);

        // an account already linked to the national identity is the provider's, never taken from it here
        Person linked = Person.random();
        NATIONAL.addIdentity(new Identity(linked.resident(), 2));
        String linkedId = register(linked);
        assertThat(RealKeycloak.adminPost(
                        "/users/" + linkedId + "/federated-identity/vneid",
                        "{\"identityProvider\":\"vneid\",\"userId\":\""
                                + NationalIdentitySimulator.subject(linked.nationalId) + "\",\"userName\":\""
                                + linked.nationalId + "\"}"))
                .isEqualTo(204);
        Flow linkedFlow = start();
        assertThat(callback(approveAt(linkedFlow, linked.nationalId), linkedFlow.cookie()))
                .isEqualTo("/dang-nhap/lay-lai?ket-qua=khong-can");
        assertUntouched(linkedId, linked.nationalId);

        // the answer brought by another browser (not the cookie of the attempt): refused, and the attempt used up
        Person owner = Person.random();
        NATIONAL.addIdentity(new Identity(owner.resident(), 2));
        String squatter = register(squatterOf(owner));
        Flow stolen = start();
        Map<String, String> answer = approveAt(stolen, owner.nationalId);
        assertThat(callback(answer, null)).isEqualTo("/dang-nhap/lay-lai?ket-qua=that-bai");
        assertThat(callback(answer, start().cookie())).isEqualTo("/dang-nhap/lay-lai?ket-qua=that-bai");
        assertThat(callback(answer, stolen.cookie()))
                .as("used up by the first presentation")
                .isEqualTo("/dang-nhap/lay-lai?ket-qua=that-bai");
        assertUntouched(squatter, owner.nationalId);

        // cancelled at the national identity
        Flow cancelled = start();
        Map<String, String> denied = new LinkedHashMap<>();
        denied.put("state", parameters(cancelled.authorize()).get("state"));
        denied.put("error", "access_denied");
        assertThat(callback(denied, cancelled.cookie())).isEqualTo("/dang-nhap/lay-lai?ket-qua=da-huy");
        assertUntouched(squatter, owner.nationalId);
    }

    // ------------------------------------------------------------------ the browser's steps

    record Flow(String authorize, String cookie) {}

    /** Someone else registering the owner's card: its number, birth date and sex, their own name and contacts. */
    private static Person squatterOf(Person owner) {
        Person squatter = Person.random();
        squatter.nationalId = owner.nationalId;
        squatter.dateOfBirth = owner.dateOfBirth;
        squatter.sex = owner.sex;
        return squatter;
    }

    private String register(Person p) {
        HttpResponse<String> r =
                new vn.egov.testsupport.ServiceConformance(port).post("/api/v1/identity/registrations", null, p.json());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return RealKeycloak.admin("/users?username=" + p.nationalId + "&exact=true")
                .get(0)
                .path("id")
                .asString();
    }

    private void assertUntouched(String userId, String nationalId) {
        JsonNode account = RealKeycloak.admin("/users/" + userId);
        assertThat(account.path("enabled").asBoolean()).isTrue();
        assertThat(account.path("username").asString()).isEqualTo(nationalId);
        assertThat(jdbc.sql(
                                "select count(*) from identity_audit where person_id = :id and action = 'NATIONAL_ID_RECOVERED'")
                        .param("id", UUID.fromString(userId))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where event_type = :t and event_key = :k")
                        .param("t", NationalIdRecoveredV1.TYPE)
                        .param("k", userId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private Flow start() throws Exception {
        HttpResponse<Void> started = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/identity/national-id-recovery/start"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(started.statusCode()).isEqualTo(302);
        String setCookie = started.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith("egov_id_recovery=")
                .contains("Path=/api/v1/identity/national-id-recovery", "HttpOnly", "SameSite=Lax");
        return new Flow(
                started.headers().firstValue("Location").orElseThrow(), setCookie.substring(0, setCookie.indexOf(';')));
    }

    /** The resident approves at the national identity (the simulator's login_hint shortcut): its redirect back. */
    private static Map<String, String> approveAt(Flow flow, String nationalId) throws Exception {
        HttpResponse<Void> approved = HTTP.send(
                HttpRequest.newBuilder(URI.create(flow.authorize() + "&login_hint=" + nationalId))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(approved.statusCode()).isEqualTo(302);
        String location = approved.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(NationalIdentitySimulator.RECOVERY_REDIRECT_URI + "?");
        return parameters(location);
    }

    /** The redirect back, presented to identity-service with the given cookie: the portal page it sends to. */
    private String callback(Map<String, String> answer, String cookie) throws Exception {
        StringBuilder query = new StringBuilder();
        answer.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/identity/national-id-recovery/callback?" + query));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<Void> result = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
        assertThat(result.statusCode()).isEqualTo(302);
        return result.headers().firstValue("Location").orElseThrow();
    }

    private static String sha256(String value) throws Exception {
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(value.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Map<String, String> parameters(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }
}

package vn.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import com.jayway.jsonpath.DocumentContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.events.EventFieldSealer;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.identity.ContactChangedV1;
import vn.egov.contracts.identity.ContactChangedV2;
import vn.egov.contracts.identity.ContactVerificationRequestedV2;
import vn.egov.identity.CitizenIdentityIT.Person;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * A citizen changes their email or phone with a one-time code sent to the new destination; against the real
 * Keycloak, PostgreSQL and Kafka. The test reads the code where notification-service would: from the
 * {@code ContactVerificationRequestedV2} event on Kafka (the event carries it, sealed); the service has no test hook, and
 * the outbox keeps no copy of the code once the event is published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(
        initializers = {RealInfrastructureInitializer.class, CitizenIdentityIT.RealKeycloakAndRegistry.class})
@ExtendWith(OutputCaptureExtension.class)
class ContactChangeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VERIFICATION_REQUESTED = ContactVerificationRequestedV2.TYPE;

    @LocalServerPort
    int port;

    @Autowired
    EventFieldSealer sealer;

    @Autowired
    JdbcClient jdbc;

    ServiceConformance service() {
        return new ServiceConformance(port);
    }

    /** The signed-in citizen's profile, to assert by path. */
    DocumentContext me(String token) {
        HttpResponse<String> me = service().get("/api/v1/identity/me", token);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        return json(me);
    }

    Citizens citizens() {
        return new Citizens(port);
    }

    /** The change, and its code and destination as notification-service opens them from the event. */
    record Requested(String id, String code, String destination, JsonNode event) {}

    @Test
    void anEmailChangeTakesEffectWithTheCodeInTheProfileAndKeycloak(CapturedOutput output) {
        Person p = Person.random();
        String personId = citizens().register(p);
        String token = citizens().signIn(p);
        String newEmail =
                "it-moi-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36) + "@example.vn";

        HttpResponse<String> accepted = request(token, "EMAIL", "  " + newEmail.toUpperCase() + " ");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Requested r = requested(personId, accepted);
        JsonNode data = r.event().path("data");
        assertThat(data.path("channel").asString()).isEqualTo("EMAIL");
        assertThat(r.destination()).isEqualTo(newEmail);
        assertThat(data.path("language").asString()).isEqualTo("vi");
        assertThat(r.code()).matches("\\d{6}");
        assertThat(JSON.readTree(accepted.body()).path("expiresAt").asString())
                .isEqualTo(data.path("expiresAt").asString());
        // nothing changed yet, and the pending destination and the code are not stored in clear
        assertThat(me(token).read("$.email", String.class)).isEqualTo(p.email);
        assertThat(jdbc.sql("""
                select count(*) from contact_change where id = :id::uuid and status = 'PENDING'
                  and encode(destination_sealed, 'escape') not like :v and code_hash <> :c""")
                        .param("id", r.id())
                        .param("v", "%" + newEmail + "%")
                        .param("c", r.code())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        HttpResponse<String> wrong = confirm(token, r.id(), otherThan(r.code()));
        assertProblem(wrong, 422, "verification-code-wrong");
        assertThat(json(wrong).read("$.attemptsLeft", Integer.class)).isEqualTo(4);

        HttpResponse<String> applied = confirm(token, r.id(), r.code());
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(json(applied).read("$.channel", String.class)).isEqualTo("EMAIL");
        assertThat(json(applied).read("$.email", String.class)).isEqualTo(newEmail);
        assertThat(me(token).read("$.email", String.class)).isEqualTo(newEmail);
        JsonNode user = RealKeycloak.admin("/users/" + personId);
        assertThat(user.path("email").asString()).isEqualTo(newEmail);
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        assertThat(RealKeycloak.claims(citizens().signIn(p)).path("email").asString())
                .isEqualTo(newEmail);

        assertThat(changed(personId))
                .containsEntry("channel", "EMAIL")
                .containsEntry("email", newEmail)
                .containsEntry("previousDestination", p.email)
                .containsEntry("phone", p.phone);

        // single use
        assertProblem(confirm(token, r.id(), r.code()), 409, "contact-change-closed");
        assertThat(jdbc.sql("select action from identity_audit where person_id = :p::uuid order by id")
                        .param("p", personId)
                        .query(String.class)
                        .list())
                .containsExactly("CONTACT_CHANGE_REQUESTED", "CONTACT_CHANGE_CODE_WRONG", "CONTACT_CHANGED");
        assertThat(output.getAll()).as("log output").doesNotContain(newEmail).doesNotContain(p.email);
    }

    @Test
    void aPhoneChangeSetsThePhoneAttributeAndAnnouncesThePreviousNumber() {
        Person p = Person.random();
        String personId = citizens().register(p);
        String token = citizens().signIn(p);
        String newPhone = aPhone();

        HttpResponse<String> accepted = request(token, "SMS", "+84 " + newPhone.substring(1), "Accept-Language", "en");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Requested r = requested(personId, accepted);
        assertThat(r.destination()).isEqualTo(newPhone);
        assertThat(r.event().path("data").path("language").asString()).isEqualTo("en");

        HttpResponse<String> applied = confirm(token, r.id(), r.code());
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(me(token).read("$.phone", String.class)).isEqualTo(newPhone);
        JsonNode attributes = RealKeycloak.admin("/users/" + personId).path("attributes");
        assertThat(attributes.path("phone").path(0).asString()).isEqualTo(newPhone);
        assertThat(attributes.path("phoneNumberVerified").path(0).asString()).isEqualTo("true");
        assertThat(attributes.path("nationalId").path(0).asString())
                .as("other attributes kept")
                .isEqualTo(p.nationalId);
        assertThat(changed(personId))
                .containsEntry("channel", "SMS")
                .containsEntry("phone", newPhone)
                .containsEntry("previousDestination", p.phone);
    }

    @Test
    void invalidUnchangedOrTakenValuesAreRefused() {
        Person p = Person.random();
        citizens().register(p);
        String token = citizens().signIn(p);
        Person other = Person.random();
        citizens().register(other);

        assertFieldProblem(request(token, "EMAIL", "not-an-email"), 400, "validation-failed", "value", "email-format");
        assertFieldProblem(request(token, "SMS", "12345"), 400, "validation-failed", "value", "phone-format");
        assertFieldProblem(request(token, "FAX", "x"), 400, "validation-failed", "channel", "contact-channel");
        assertFieldProblem(request(token, "EMAIL", p.email), 400, "validation-failed", "value", "contact-unchanged");

        // held by another citizen here, or by an account that exists in Keycloak only (the demo citizen)
        assertProblem(request(token, "EMAIL", other.email), 409, "contact-in-use");
        assertProblem(request(token, "SMS", other.phone), 409, "contact-in-use");
        assertProblem(request(token, "EMAIL", "citizen@demo.egov.vn"), 409, "contact-in-use");
        assertThat(jdbc.sql(
                                "select count(*) from contact_change where person_id = (select id from citizen_profile where email = :e)")
                        .param("e", p.email)
                        .query(Long.class)
                        .single())
                .isZero();

        // someone else's change is unknown to me; staff accounts have no citizen profile to change
        String otherToken = citizens().signIn(other);
        Requested theirs = requested(otherIdOf(other), request(otherToken, "SMS", aPhone()));
        assertProblem(confirm(token, theirs.id(), theirs.code()), 404, "contact-change-not-found");
        String officer = RealKeycloak.passwordGrant("canbo.motcua", "Demo@2026");
        assertProblem(request(officer, "SMS", aPhone()), 409, "no-citizen-profile");
    }

    @Test
    void aValueTakenBetweenRequestAndConfirmationIsAConflictAndChangesNothing() {
        Person first = Person.random();
        String firstId = citizens().register(first);
        Person second = Person.random();
        String secondId = citizens().register(second);
        String wanted =
                "it-tranh-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36) + "@example.vn";
        Requested a = requested(firstId, request(citizens().signIn(first), "EMAIL", wanted));
        Requested b = requested(secondId, request(citizens().signIn(second), "EMAIL", wanted));
        assertThat(confirm(citizens().signIn(first), a.id(), a.code()).statusCode())
                .isEqualTo(200);
        assertProblem(confirm(citizens().signIn(second), b.id(), b.code()), 409, "contact-in-use");
        assertThat(RealKeycloak.admin("/users/" + secondId).path("email").asString())
                .isEqualTo(second.email);
        assertThat(jdbc.sql("select email from citizen_profile where id = :id::uuid")
                        .param("id", secondId)
                        .query(String.class)
                        .single())
                .isEqualTo(second.email);
        assertThat(jdbc.sql("select status from contact_change where id = :id::uuid")
                        .param("id", b.id())
                        .query(String.class)
                        .single())
                .isEqualTo("REJECTED");
    }

    @Test
    void aCodeWorksAtMostFiveTimesUntilItExpiresAndOnlyForTheLatestRequest() {
        Person p = Person.random();
        String personId = citizens().register(p);
        String token = citizens().signIn(p);

        // five attempts: four wrong answers say how many are left, the fifth closes the request for good
        Requested r = requested(personId, request(token, "SMS", aPhone()));
        String wrong = otherThan(r.code());
        for (int left = 4; left >= 1; left--) {
            HttpResponse<String> answer = confirm(token, r.id(), wrong);
            assertProblem(answer, 422, "verification-code-wrong");
            assertThat(json(answer).read("$.attemptsLeft", Integer.class)).isEqualTo(left);
        }
        assertProblem(confirm(token, r.id(), wrong), 410, "verification-code-exhausted");
        assertProblem(confirm(token, r.id(), r.code()), 410, "verification-code-exhausted");

        // expired: ten minutes are over (moved in the database; the service has no clock hook)
        Requested late = requested(personId, request(token, "SMS", aPhone()));
        jdbc.sql("update contact_change set expires_at = now() - interval '1 second' where id = :id::uuid")
                .param("id", late.id())
                .update();
        assertProblem(confirm(token, late.id(), late.code()), 410, "verification-code-expired");

        // a newer request of the same channel replaces the older one
        Requested older = requested(personId, request(token, "EMAIL", "it-a-" + personId + "@example.vn"));
        Requested newer = requested(personId, request(token, "EMAIL", "it-b-" + personId + "@example.vn"));
        assertProblem(confirm(token, older.id(), older.code()), 409, "contact-change-closed");
        assertThat(confirm(token, newer.id(), newer.code()).statusCode()).isEqualTo(200);

        // five requests an hour (this is the fifth), then 429
        assertThat(request(token, "SMS", aPhone()).statusCode()).isEqualTo(202);
        assertProblem(request(token, "SMS", aPhone()), 429, "too-many-contact-changes");
        assertThat(phoneInProfile(personId)).isEqualTo(p.phone);
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> request(String token, String channel, String value, String... headers) {
        return service()
                .post(
                        "/api/v1/identity/me/contact-changes",
                        token,
                        "{\"channel\": \"%s\", \"value\": \"%s\"}".formatted(channel, value),
                        headers);
    }

    private HttpResponse<String> confirm(String token, String id, String code) {
        return service()
                .post(
                        "/api/v1/identity/me/contact-changes/" + id + "/confirm",
                        token,
                        "{\"code\": \"%s\"}".formatted(code));
    }

    /**
     * The accepted change and its code, read where notification-service reads it: from the
     * ContactVerificationRequestedV2 event on Kafka (the outbox row only names the event). Once the event is
     * published, its outbox row no longer holds the code, nor any other data.
     */
    private Requested requested(String personId, HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).path("id").asString();
        String eventId = jdbc.sql("""
                select event_id::text from outbox_event where event_type = :t
                  and event_key = :p order by seq desc limit 1""")
                .param("t", VERIFICATION_REQUESTED)
                .param("p", personId)
                .query(String.class)
                .single();
        List<ConsumerRecord<String, String>> records = ServiceConformance.readTopic(
                RealInfrastructure.kafkaBootstrapServers(), EventTopics.IDENTITY, eventId, Duration.ofSeconds(60));
        assertThat(records).as("event %s on Kafka", eventId).hasSize(1);
        JsonNode event = JSON.readTree(records.get(0).value());
        // sealed on the topic (issue 16): the code and the destination open only with the events' sealing key
        JsonNode data = event.path("data");
        assertThat(data.has("code")).isFalse();
        assertThat(data.has("destination")).isFalse();
        assertThat(data.path("sealedCode").asString()).startsWith("egs1:");
        String code = sealer.open(data.path("sealedCode").asString(), VERIFICATION_REQUESTED, "sealedCode", personId);
        String destination = sealer.open(
                data.path("sealedDestination").asString(), VERIFICATION_REQUESTED, "sealedDestination", personId);
        assertThat(code).matches("\\d{6}");
        assertThat(records.get(0).value()).doesNotContain(code).doesNotContain(destination);

        // the relay erases the data in the update that marks the row published (Kafka may have it a moment earlier)
        await("outbox row " + eventId + " published")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select published_at is not null from outbox_event where event_id = :e::uuid")
                        .param("e", eventId)
                        .query(Boolean.class)
                        .single());
        String stored = jdbc.sql("select payload from outbox_event where event_id = :e::uuid")
                .param("e", eventId)
                .query(String.class)
                .single();
        assertThat(json(stored).read("$.id", String.class)).isEqualTo(eventId);
        assertThat(json(stored).read("$", Map.class)).doesNotContainKey("data");
        // nor anywhere else in the row
        assertThat(stored).doesNotContain(code).doesNotContain(destination);
        assertThat(jdbc.sql("select count(*) from outbox_event where payload::jsonb #>> '{data,code}' = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .as("outbox rows holding the code")
                .isZero();
        return new Requested(id, code, destination, event);
    }

    /**
     * The person's contact-changed event as notification-service reads it: the v2 (none of v1), whose email, phone
     * and previous destination are in clear nowhere in the record and open with the events' key (issue 16).
     */
    private Map<String, String> changed(String personId) {
        String record =
                CitizenIdentityIT.awaitEvent(personId, ContactChangedV2.TYPE).value();
        CitizenIdentityIT.assertNoEventOfType(jdbc, personId, ContactChangedV1.TYPE);
        JsonNode data = JSON.readTree(record).path("data");
        assertThat(data.has("email") || data.has("phone") || data.has("previousDestination"))
                .as("v1's fields in clear")
                .isFalse();
        String type = ContactChangedV2.TYPE;
        Map<String, String> opened = new java.util.HashMap<>();
        opened.put("channel", data.path("channel").asString());
        opened.put("email", sealer.open(data.path("sealedEmail").asString(), type, "sealedEmail", personId));
        opened.put("phone", sealer.open(data.path("sealedPhone").asString(), type, "sealedPhone", personId));
        opened.put(
                "previousDestination",
                sealer.open(
                        data.path("sealedPreviousDestination").asString(),
                        type,
                        "sealedPreviousDestination",
                        personId));
        CitizenIdentityIT.assertInClearNowhere(
                record, opened.get("email"), opened.get("phone"), opened.get("previousDestination"));
        return opened;
    }

    private String otherIdOf(Person p) {
        return jdbc.sql("select id::text from citizen_profile where email = :e")
                .param("e", p.email)
                .query(String.class)
                .single();
    }

    private String phoneInProfile(String personId) {
        return jdbc.sql("select phone from citizen_profile where id = :id::uuid")
                .param("id", personId)
                .query(String.class)
                .single();
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static String aPhone() {
        return "08" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}

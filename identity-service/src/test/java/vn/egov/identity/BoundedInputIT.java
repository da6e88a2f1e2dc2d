package vn.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.events.EventFieldSealer;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.identity.BusinessLinkedV1;
import vn.egov.contracts.identity.CitizenRegisteredV2;
import vn.egov.contracts.identity.ContactChangedV2;
import vn.egov.contracts.identity.OfficerCreatedV2;
import vn.egov.contracts.identity.RegistrationRefusedV2;
import vn.egov.identity.validation.EmailPolicy;
import vn.egov.identity.validation.InputLimits;
import vn.egov.identity.validation.PersonNamePolicy;
import vn.egov.testsupport.BoundedInputSupport;
import vn.egov.testsupport.EventSizes;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * Bounded input (issue 20) in identity-service: the free-text fields without a policy of their own
 * (passwords, the name and date a ministry sends, agency filters) are refused past their limit with a
 * problem naming the field (vi/en) and accepted at it; and the largest identity event the policies allow
 * fits the producer's {@code max.request.size}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class BoundedInputIT extends BoundedInputSupport {

    @Autowired
    EventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventFieldSealer sealer;

    HttpResponse<String> register(String email, String password, String... headers) {
        return service().post("/api/v1/identity/registrations", null, """
                {"fullName":"Trần Thị Giới Hạn","nationalId":"001195012346","dateOfBirth":"1995-03-08","sex":"FEMALE",
                 "email":"%s","phone":"0912000111","password":"%s"}""".formatted(email, password), headers);
    }

    @Test
    void aPasswordPastItsLimitIsRefusedBeforeKeycloakIsAskedAndNothingIsStored() {
        long people = count("select count(*) from citizen_profile");
        long outbox = count("select count(*) from outbox_event");
        String tooLong = "Aa1!" + "x".repeat(InputLimits.PASSWORD - 3);
        HttpResponse<String> vi = register("gioihan@example.vn", tooLong);
        assertThat(assertFieldProblem(vi, 400, "validation-failed", "password")).isEqualTo(viSize("0", "128"));
        assertThat(vi.body()).doesNotContain("\"field\":\"email\"");
        HttpResponse<String> en = register("gioihan@example.vn", tooLong, "Accept-Language", "en");
        assertThat(assertFieldProblem(en, 400, "validation-failed", "password")).isEqualTo(enSize("0", "128"));
        // at the limit the password is not what is refused (the e-mail is, so Keycloak is not needed here)
        HttpResponse<String> atLimit = register("not-an-address", "Aa1!" + "x".repeat(InputLimits.PASSWORD - 4));
        assertFieldProblem(atLimit, 400, "validation-failed", "email");
        assertThat(atLimit.body()).doesNotContain("\"field\":\"password\"");
        assertThat(count("select count(*) from citizen_profile")).isEqualTo(people);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(outbox);
    }

    @Test
    void aMinistrysNameAndDateAreBounded() {
        String ministry = issuer.client("ministry-justice", "identity.verify");
        String body = """
                {"nationalId":"001090099999","fullName":"%s","dateOfBirth":"%s"}""";
        HttpResponse<String> vi = service()
                .post(
                        "/api/v1/identity/verifications",
                        ministry,
                        body.formatted("ệ".repeat(InputLimits.FULL_NAME + 1), "1990-01-01"));
        assertThat(assertFieldProblem(vi, 400, "validation-failed", "fullName")).isEqualTo(viSize("0", "150"));
        HttpResponse<String> en = service()
                .post(
                        "/api/v1/identity/verifications",
                        ministry,
                        body.formatted("Nguyễn An", "1".repeat(InputLimits.DATE + 1)),
                        "Accept-Language",
                        "en");
        assertThat(assertFieldProblem(en, 400, "validation-failed", "dateOfBirth"))
                .isEqualTo(enSize("0", "32"));
        HttpResponse<String> atLimit = service()
                .post(
                        "/api/v1/identity/verifications",
                        ministry,
                        body.formatted("ệ".repeat(InputLimits.FULL_NAME), "1990-01-01"));
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(200);
        assertThat(json(atLimit).read("$.match", Boolean.class)).isFalse();
    }

    @Test
    void agencyFiltersAreBounded() {
        HttpResponse<String> vi =
                service().get("/api/v1/identity/agencies?parent=" + "0".repeat(InputLimits.CODE + 1), null);
        assertThat(assertFieldProblem(vi, 400, "validation-failed", "parent")).isEqualTo(viSize("0", "64"));
        HttpResponse<String> en = service()
                .get(
                        "/api/v1/identity/agencies?level=" + "L".repeat(InputLimits.CODE + 1),
                        null,
                        "Accept-Language",
                        "en");
        assertThat(assertFieldProblem(en, 400, "validation-failed", "level")).isEqualTo(enSize("0", "64"));
        assertThat(service()
                        .get("/api/v1/identity/agencies?parent=" + "0".repeat(InputLimits.CODE), null)
                        .statusCode())
                .isEqualTo(200);
    }

    /**
     * The identity events that carry what a person typed, with every such field as long as identity-service's
     * policies let it be (and checked to be accepted by them), in 3-byte Vietnamese letters, written through
     * the real outbox and measured as the producer will measure them: the v2 identity-service publishes, whose name
     * and contacts are sealed (issue 16) and so longer than in clear, and in clear nowhere in the outbox.
     */
    @Test
    void theLargestIdentityEventFitsTheProducersLimit() {
        String name = longestName();
        assertThat(new PersonNamePolicy().check(name)).isEmpty();
        assertThat(new PersonNamePolicy().check(name + "ệ")).isPresent();
        String email = "a".repeat(64) + "@" + ("b".repeat(61) + ".").repeat(3) + "vn";
        assertThat(new EmailPolicy().check(email)).isEmpty();
        String person = UUID.randomUUID().toString();
        String business = "ệ".repeat(200);
        String phone = "0912345678";
        String registered = CitizenRegisteredV2.TYPE;
        String officer = OfficerCreatedV2.TYPE;
        String changed = ContactChangedV2.TYPE;
        String refused = RegistrationRefusedV2.TYPE;
        List<Object> largest = List.of(
                new CitizenRegisteredV2(
                        person,
                        sealer.seal(name, registered, "sealedFullName", person),
                        sealer.seal(email, registered, "sealedEmail", person),
                        sealer.seal(phone, registered, "sealedPhone", person),
                        2,
                        Instant.now()),
                new OfficerCreatedV2(
                        person,
                        "c".repeat(50),
                        sealer.seal(name, officer, "sealedFullName", person),
                        sealer.seal(email, officer, "sealedEmail", person),
                        "APPROVER",
                        "000.00.01.H26",
                        person,
                        Instant.now()),
                new ContactChangedV2(
                        person,
                        "EMAIL",
                        sealer.seal(email, changed, "sealedEmail", person),
                        sealer.seal(phone, changed, "sealedPhone", person),
                        sealer.seal(email, changed, "sealedPreviousDestination", person),
                        Instant.now()),
                new RegistrationRefusedV2(
                        person,
                        sealer.seal(email, refused, "sealedEmail", person),
                        sealer.seal(phone, refused, "sealedPhone", person),
                        "vi",
                        List.of(person),
                        Instant.now()),
                new BusinessLinkedV1(person, "0123456789-001", business, Instant.now()));
        List<String> types = List.of(registered, officer, changed, refused, BusinessLinkedV1.TYPE);
        transactions.executeWithoutResult(s -> {
            for (int i = 0; i < largest.size(); i++) {
                events.publish(EventTopics.IDENTITY, types.get(i), person, largest.get(i));
            }
        });
        int maxRequestSize =
                EventSizes.maxRequestSize(kafka.getProducerFactory().getConfigurationProperties());
        int biggest = largestOutboxRecord(person);
        System.out.printf(
                "[bounded-input] producer max.request.size=%d; largest identity event: %d bytes%n",
                maxRequestSize, biggest);
        assertThat(biggest).isGreaterThan(3 * 150).isLessThan(maxRequestSize / 8);

        List<String> payloads = jdbc.sql("select payload from outbox_event where event_key = ? and event_type <> ?")
                .params(person, BusinessLinkedV1.TYPE)
                .query(String.class)
                .list();
        assertThat(payloads).hasSize(4);
        for (String payload : payloads) {
            CitizenIdentityIT.assertInClearNowhere(payload, name, email, phone);
        }
        JsonNode stored = JsonMapper.builder()
                .build()
                .readTree(payloads.stream()
                        .filter(t -> t.contains(registered))
                        .findFirst()
                        .orElseThrow());
        assertThat(sealer.open(
                        stored.path("data").path("sealedFullName").asString(), registered, "sealedFullName", person))
                .isEqualTo(name);
    }

    /** 150 characters of Vietnamese words, the most a registered name may have. */
    static String longestName() {
        StringBuilder b = new StringBuilder("Nguyễn");
        while (b.length() + 7 <= 150) {
            b.append(" Huyệnệ");
        }
        while (b.length() < 150) {
            b.append('ệ');
        }
        return b.toString();
    }
}

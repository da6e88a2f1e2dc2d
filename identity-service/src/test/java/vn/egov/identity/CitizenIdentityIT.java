package vn.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import com.jayway.jsonpath.DocumentContext;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.events.EventFieldSealer;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.identity.CitizenRegisteredV1;
import vn.egov.contracts.identity.CitizenRegisteredV2;
import vn.egov.contracts.identity.RegistrationRefusedV1;
import vn.egov.contracts.identity.RegistrationRefusedV2;
import vn.egov.devstack.keycloak.KeycloakServer;
import vn.egov.devstack.simulators.business.BusinessRegistrySimulator;
import vn.egov.devstack.simulators.registry.PopulationRegistrySimulator;
import vn.egov.devstack.simulators.vneid.NationalIdentitySimulator;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * Citizen accounts end to end against the real Keycloak (the distribution, realm egov), real
 * PostgreSQL and Kafka, and the devstack's population registry simulator: register → token with
 * CITIZEN and loa 1 → verify against the registry → new token with loa 2; duplicates, invalid
 * identity numbers, compensation when the database step fails, ministry verification and its scope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(
        initializers = {RealInfrastructureInitializer.class, CitizenIdentityIT.RealKeycloakAndRegistry.class})
@ExtendWith(OutputCaptureExtension.class)
class CitizenIdentityIT {

    private static final String PASSWORD = "Strong@Pass1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Shared by every IT of this context (BusinessIT and ContactChangeIT verify citizens too), so it is not
     * stopped after this class: the cached context still points at it, and its daemon threads end with the JVM.
     */
    static final PopulationRegistrySimulator REGISTRY = new PopulationRegistrySimulator(0);
    /** The business registration system's simulator, shared the same way (BusinessIT). */
    static final BusinessRegistrySimulator BUSINESS_REGISTRY = new BusinessRegistrySimulator(0);
    /**
     * The national identity's simulator, shared the same way (NationalIdRecoveryIT): identity-service's recovery
     * client is registered with the service's default callback, which the tests call themselves.
     */
    static final NationalIdentitySimulator NATIONAL_IDENTITY = new NationalIdentitySimulator(0)
            .client(
                    NationalIdentitySimulator.RECOVERY_CLIENT_ID,
                    NationalIdentitySimulator.RECOVERY_CLIENT_SECRET,
                    java.util.Set.of(NationalIdentitySimulator.RECOVERY_REDIRECT_URI));

    /**
     * Runs after {@link RealInfrastructureInitializer} and overrides its TestIssuer settings: here tokens
     * come from the real Keycloak. An initializer rather than a {@code @DynamicPropertySource} so that
     * this class and {@link OfficerIT} name the same configuration and share one cached context.
     */
    static class RealKeycloakAndRegistry implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            KeycloakServer keycloak = RealKeycloak.shared();
            try {
                REGISTRY.start();
                BUSINESS_REGISTRY.start();
                NATIONAL_IDENTITY.start();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuer());
            properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", keycloak.jwksUri());
            properties.put("egov.identity.keycloak.base-url", keycloak.baseUrl());
            properties.put("egov.identity.registry.base-url", REGISTRY.baseUrl());
            properties.put("egov.identity.business-registry.base-url", BUSINESS_REGISTRY.baseUrl());
            properties.put("egov.identity.national-recovery.issuer-uri", NATIONAL_IDENTITY.baseUrl());
            properties.put("egov.identity.registry.read-timeout", "1500ms");
            properties.put("egov.identity.registry.minimum-calls", "5");
            properties.put("egov.identity.registry.sliding-window", "5");
            // long enough that no request of a loaded machine outlasts it (the breaker's state is asserted as well)
            properties.put("egov.identity.registry.open-for", "8s");
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("real-keycloak-and-registry", properties));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Autowired
    EventFieldSealer sealer;

    ServiceConformance service() {
        return new ServiceConformance(port);
    }

    // ------------------------------------------------------------------ the journey

    @Test
    void registerThenSignInThenVerifyRaisesTheLevelOfAssuranceInNewTokens(CapturedOutput output) {
        Person p = Person.random();
        HttpResponse<String> created = register(p);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String id = body.path("id").asString();
        assertThat(body.path("username").asString()).isEqualTo(p.nationalId);
        assertThat(body.path("levelOfAssurance").asInt()).isEqualTo(1);

        String token = RealKeycloak.passwordGrant(p.nationalId, PASSWORD);
        JsonNode claims = RealKeycloak.claims(token);
        assertThat(claims.path("sub").asString()).isEqualTo(id);
        assertThat(roles(claims)).contains("CITIZEN");
        assertThat(claims.path("loa").asInt()).isEqualTo(1);

        HttpResponse<String> me = service().get("/api/v1/identity/me", token);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        DocumentContext profile = json(me);
        assertThat(profile.read("$.fullName", String.class)).isEqualTo(p.fullName);
        assertThat(profile.read("$.email", String.class)).isEqualTo(p.email);
        assertThat(profile.read("$.phone", String.class)).isEqualTo(p.phone);
        assertThat(profile.read("$.levelOfAssurance", Integer.class)).isEqualTo(1);
        assertThat(profile.read("$.roles", List.class)).contains("CITIZEN");
        assertThat(profile.read("$.nationalIdMasked", String.class))
                .isEqualTo(p.nationalId.substring(0, 3) + "******" + p.nationalId.substring(9));
        // the number itself nowhere in the answer
        assertThat(me.body()).doesNotContain(p.nationalId);

        // stored encrypted: neither the profile row nor the event holds the identity number
        assertThat(jdbc.sql(
                                "select count(*) from citizen_profile where id = :id::uuid and national_id_sealed::text not like :n")
                        .param("id", id)
                        .param("n", "%" + p.nationalId + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        ConsumerRecord<String, String> registered = awaitEvent(id, CitizenRegisteredV2.TYPE);
        assertThat(registered.key()).isEqualTo(id);
        assertThat(json(registered.value()).read("$.subject", String.class)).isEqualTo(id);
        assertThat(json(registered.value()).read("$.data.personId", String.class))
                .isEqualTo(id);
        assertThat(registered.value()).doesNotContain(p.nationalId);
        // the name and the contacts sealed (issue 16): in clear nowhere in the record, opened with the events' key
        assertInClearNowhere(registered.value(), p.fullName, p.email, p.phone);
        JsonNode data = JSON.readTree(registered.value()).path("data");
        String type = CitizenRegisteredV2.TYPE;
        assertThat(sealer.open(data.path("sealedFullName").asString(), type, "sealedFullName", id))
                .isEqualTo(p.fullName);
        assertThat(sealer.open(data.path("sealedEmail").asString(), type, "sealedEmail", id))
                .isEqualTo(p.email);
        assertThat(sealer.open(data.path("sealedPhone").asString(), type, "sealedPhone", id))
                .isEqualTo(p.phone);
        assertNoEventOfType(jdbc, id, CitizenRegisteredV1.TYPE);

        // level 2: the registry knows this person
        REGISTRY.addResident(p.resident());
        HttpResponse<String> verified = service().post("/api/v1/identity/me/verification", token, null);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(json(verified).read("$.levelOfAssurance", Integer.class)).isEqualTo(2);
        String newToken = RealKeycloak.passwordGrant(p.nationalId, PASSWORD);
        assertThat(RealKeycloak.claims(newToken).path("loa").asInt()).isEqualTo(2);
        assertThat(json(service().get("/api/v1/identity/me", newToken)).read("$.levelOfAssurance", Integer.class))
                .isEqualTo(2);
        String verifiedEvent =
                awaitEvent(id, "vn.egov.identity.citizen-verified.v1").value();
        assertThat(json(verifiedEvent).read("$.data.levelOfAssurance", Integer.class))
                .isEqualTo(2);
        assertThat(verifiedEvent).doesNotContain(p.nationalId);

        // ministry verification answers yes for the verified person, with the name typed differently
        String ministry = RealKeycloak.accessToken(
                RealKeycloak.clientCredentials("ministry-justice", "ministry-justice-dev-secret", "identity.verify"));
        assertThat(ministryVerify(ministry, p.nationalId, p.fullName.toUpperCase(), p.dateOfBirth)
                        .body())
                .isEqualTo("{\"match\":true}");
        assertThat(ministryVerify(ministry, p.nationalId, p.fullName, p.dateOfBirth.plusDays(1))
                        .body())
                .isEqualTo("{\"match\":false}");

        assertThat(output.getAll()).as("log output").doesNotContain(p.nationalId);
    }

    @Test
    void aRegistryMismatchIsRefusedAndTheLevelStaysOne() {
        Person p = Person.random();
        String token = registerAndSignIn(p);
        REGISTRY.addResident(
                new PopulationRegistrySimulator.Resident(p.nationalId, "Trần Văn Khác", p.dateOfBirth, p.sex));
        assertProblem(service().post("/api/v1/identity/me/verification", token, null), 422, "registry-mismatch");
        assertThat(RealKeycloak.claims(RealKeycloak.passwordGrant(p.nationalId, PASSWORD))
                        .path("loa")
                        .asInt())
                .isEqualTo(1);
    }

    /**
     * No wall-clock window is assumed: the latency is four times the read timeout, the late answer is waited for
     * (not slept out), and the breaker's state is read from its registry, so a loaded machine only makes it slower.
     */
    @Test
    void aSlowOrDownRegistryAnswers503AndTheCircuitBreakerThenAnswersWithoutAsking() {
        Person p = Person.random();
        String token = registerAndSignIn(p);
        REGISTRY.addResident(p.resident());
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("population-registry");
        try {
            REGISTRY.setLatency(Duration.ofMillis(6000)); // four times the 1.5 s read timeout
            long t0 = System.nanoTime();
            assertProblem(service().post("/api/v1/identity/me/verification", token, null), 503, "registry-unavailable");
            assertThat(Duration.ofNanos(System.nanoTime() - t0))
                    .as("the read timeout cut the call short")
                    .isLessThan(Duration.ofMillis(5500));
            REGISTRY.setLatency(Duration.ZERO);
            // the simulator's late answer to the call that was given up is over before the registry goes down
            await("the registry's late answer").atMost(Duration.ofSeconds(30)).until(() -> REGISTRY.answering() == 0);
            REGISTRY.setAvailable(false);
            for (int i = 0; i < 4; i++) {
                assertProblem(
                        service().post("/api/v1/identity/me/verification", token, null), 503, "registry-unavailable");
            }
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            // the registry is back, but the breaker is open: the answer stays 503, and the breaker stayed open (a
            // trial call that reached the registry would have closed it)
            REGISTRY.setAvailable(true);
            assertProblem(service().post("/api/v1/identity/me/verification", token, null), 503, "registry-unavailable");
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            // once the breaker's open state is over (open-for), a trial call goes through
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> service()
                                    .post("/api/v1/identity/me/verification", token, null)
                                    .statusCode()
                            == 200);
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        } finally {
            REGISTRY.setLatency(Duration.ZERO);
            REGISTRY.setAvailable(true);
        }
    }

    // ------------------------------------------------------------------ refusals

    /**
     * Enumeration: a registration whose CCCD, email or phone is already an account's is answered exactly as one that
     * succeeds (status, headers that matter, the body's shape, the username echoed), so a stranger cannot learn which
     * identifiers exist; nothing is made, and a {@code registration-refused} event names the account holders for
     * notification-service to tell them, and the given contacts, through their own channels.
     */
    @Test
    void aTakenIdentityNumberEmailOrPhoneIsAnsweredLikeASuccessMakesNothingAndTellsTheHolders() throws Exception {
        Person p = Person.random();
        HttpResponse<String> first = register(p);
        assertThat(first.statusCode()).isEqualTo(201);
        String holder = JSON.readTree(first.body()).get("id").asString();

        Person sameId = Person.random().withNationalId(p.nationalId);
        sameId.sex = p.sex;
        sameId.dateOfBirth = p.dateOfBirth;
        Person sameEmail = Person.random();
        sameEmail.email = p.email;
        Person samePhone = Person.random();
        samePhone.phone = "+84" + p.phone.substring(1); // the same number written internationally
        Person fresh = Person.random();
        HttpResponse<String> success = register(fresh);
        for (Person again : List.of(sameId, sameEmail, samePhone)) {
            HttpResponse<String> answer = register(again);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(success.statusCode());
            assertThat(answer.headers().firstValue("Content-Type"))
                    .isEqualTo(success.headers().firstValue("Content-Type"));
            JsonNode body = JSON.readTree(answer.body());
            JsonNode successBody = JSON.readTree(success.body());
            assertThat(fieldNames(body)).isEqualTo(fieldNames(successBody));
            assertThat(body.get("username").asString()).isEqualTo(again.nationalId);
            assertThat(body.get("levelOfAssurance").asInt()).isEqualTo(1);
            String attempt = body.get("id").asString();
            assertThat(UUID.fromString(attempt)).isNotNull();
            assertThat(attempt).isNotEqualTo(holder);
            assertThat(answer.body()).doesNotContain("already", "registered", holder);

            // nothing made: no second profile with the given email, no Keycloak account for a new CCCD
            assertThat(jdbc.sql("select count(*) from citizen_profile where email = :e")
                            .param("e", again.email.toLowerCase(java.util.Locale.ROOT))
                            .query(Long.class)
                            .single())
                    .as("profiles with the given email")
                    .isEqualTo(again == sameEmail ? 1 : 0);
            // the event names the holder, never the identifier that was taken
            ConsumerRecord<String, String> refused = awaitEvent(attempt, RegistrationRefusedV2.TYPE);
            JsonNode data = JSON.readTree(refused.value()).get("data");
            assertThat(data.get("accountHolders").get(0).asString()).isEqualTo(holder);
            // the given contacts sealed for this attempt (issue 16), in clear nowhere in the record
            String givenEmail = again.email.toLowerCase(java.util.Locale.ROOT);
            String givenPhone = "0" + again.phone.substring(again.phone.length() - 9);
            assertInClearNowhere(refused.value(), givenEmail, givenPhone);
            assertThat(sealer.open(
                            data.get("sealedEmail").asString(), RegistrationRefusedV2.TYPE, "sealedEmail", attempt))
                    .isEqualTo(givenEmail);
            assertThat(sealer.open(
                            data.get("sealedPhone").asString(), RegistrationRefusedV2.TYPE, "sealedPhone", attempt))
                    .isEqualTo(givenPhone);
            assertNoEventOfType(jdbc, attempt, RegistrationRefusedV1.TYPE);
            assertThat(refused.value()).doesNotContain(p.nationalId).doesNotContain("nationalId");
        }
        assertThat(RealKeycloak.admin("/users?email=" + sameId.email + "&exact=true")
                        .size())
                .as("no Keycloak account for the second registration of the CCCD")
                .isZero();

        // the demo citizen exists in Keycloak only (imported with the realm): the same answer, the holder found there
        Person demo = Person.random().withNationalId("001090012345");
        demo.dateOfBirth = LocalDate.of(1990, 5, 15);
        demo.sex = "MALE";
        HttpResponse<String> demoAnswer = register(demo);
        assertThat(demoAnswer.statusCode()).isEqualTo(201);
        String demoAttempt = JSON.readTree(demoAnswer.body()).get("id").asString();
        String demoEvent = awaitEvent(demoAttempt, RegistrationRefusedV2.TYPE).value();
        assertInClearNowhere(demoEvent, demo.email, demo.phone);
        JsonNode demoData = JSON.readTree(demoEvent).get("data");
        assertThat(demoData.get("accountHolders").get(0).asString())
                .isEqualTo(RealKeycloak.admin("/users?username=001090012345&exact=true")
                        .get(0)
                        .get("id")
                        .asString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void aRetriedRegistrationWithTheSameIdempotencyKeyAnswersTheFirstResponseAgain() {
        Person p = Person.random();
        String key = "it-" + p.email;
        HttpResponse<String> first =
                service().post("/api/v1/identity/registrations", null, p.json(), "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> retry =
                service().post("/api/v1/identity/registrations", null, p.json(), "Idempotency-Key", key);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(jdbc.sql("select count(*) from citizen_profile where email = :e")
                        .param("e", p.email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the stored response is encrypted: the CCCD (its username) is not in the table in clear
        assertThat(jdbc.sql("select count(*) from http_idempotency_key where encode(response_sealed, 'escape') like :n")
                        .param("n", "%" + p.nationalId + "%")
                        .query(Long.class)
                        .single())
                .isZero();

        Person other = Person.random();
        assertProblem(
                service().post("/api/v1/identity/registrations", null, other.json(), "Idempotency-Key", key),
                409,
                "idempotency-key-reused");
        // a failed request releases its key
        Person weak = Person.random();
        weak.password = "password1";
        String weakKey = "it-weak-" + weak.email;
        assertThat(service()
                        .post("/api/v1/identity/registrations", null, weak.json(), "Idempotency-Key", weakKey)
                        .statusCode())
                .isEqualTo(400);
        weak.password = PASSWORD;
        assertThat(service()
                        .post("/api/v1/identity/registrations", null, weak.json(), "Idempotency-Key", weakKey)
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void invalidIdentityNumbersAre400WithTheFieldNamed() {
        Person base = Person.random();
        record Case(String nationalId, String sex, LocalDate dob, String code) {}
        List<Case> cases = List.of(
                new Case("003090012345", "MALE", LocalDate.of(1990, 5, 15), "national-id-province"),
                new Case("001190012345", "MALE", LocalDate.of(1990, 5, 15), "national-id-sex"),
                new Case("001290012345", "MALE", LocalDate.of(1990, 5, 15), "national-id-century"),
                new Case("001091012345", "MALE", LocalDate.of(1990, 5, 15), "national-id-birth-year"),
                new Case("00109001234", "MALE", LocalDate.of(1990, 5, 15), "national-id-format"),
                new Case("00109001234A", "MALE", LocalDate.of(1990, 5, 15), "national-id-format"));
        for (Case c : cases) {
            Person p = Person.random().withNationalId(c.nationalId());
            p.sex = c.sex();
            p.dateOfBirth = c.dob();
            HttpResponse<String> r = register(p);
            assertFieldProblem(r, 400, "validation-failed", "nationalId", c.code());
        }
        // every bad field named at once, in English on request
        String bad = """
                {"fullName": "X", "nationalId": "12", "dateOfBirth": "15/05/1990", "sex": "M", "email": "not-an-email",
                 "phone": "12345", "password": ""}""";
        HttpResponse<String> all = service().post("/api/v1/identity/registrations", null, bad, "Accept-Language", "en");
        for (String field : List.of("fullName", "nationalId", "dateOfBirth", "sex", "email", "phone", "password")) {
            assertFieldProblem(all, 400, "validation-failed", field);
        }
        assertThat(assertFieldProblem(all, 400, "validation-failed", "phone")).contains("Vietnamese mobile number");
        assertThat(jdbc.sql("select count(*) from citizen_profile where email = :e")
                        .param("e", base.email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPasswordThePolicyRefusesIs400OnPasswordAndLeavesNothingBehind() {
        Person p = Person.random();
        p.password = "password1";
        HttpResponse<String> r = register(p);
        assertFieldProblem(r, 400, "validation-failed", "password", "password-policy");
        assertThat(RealKeycloak.admin("/users?username=" + p.nationalId + "&exact=true")
                        .size())
                .isZero();
        assertThat(jdbc.sql("select count(*) from citizen_profile where email = :e")
                        .param("e", p.email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void whenTheDatabaseStepFailsTheKeycloakAccountIsDeleted() {
        // a real failure of the real database, for this one email only: no test hook in the service
        jdbc.sql("""
                create or replace function it_fail_citizen_insert() returns trigger language plpgsql as $$
                begin
                  if new.email like 'it-fail-db-%' then raise exception 'simulated database failure'; end if;
                  return new;
                end $$""").update();
        jdbc.sql("drop trigger if exists it_fail_citizen_insert on citizen_profile")
                .update();
        jdbc.sql(
                        "create trigger it_fail_citizen_insert before insert on citizen_profile for each row execute function it_fail_citizen_insert()")
                .update();
        try {
            Person p = Person.random();
            p.email = "it-fail-db-" + p.email;
            HttpResponse<String> r = register(p);
            assertProblem(r, 500, "internal-error");
            assertThat(RealKeycloak.admin("/users?username=" + p.nationalId + "&exact=true")
                            .size())
                    .as("Keycloak account left behind")
                    .isZero();
            assertThat(RealKeycloak.admin("/users?email=" + p.email + "&exact=true")
                            .size())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from citizen_profile where email = :e")
                            .param("e", p.email)
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from outbox_event where payload like :e")
                            .param("e", "%" + p.email + "%")
                            .query(Long.class)
                            .single())
                    .isZero();

            // and the same person can register once the database works again
            jdbc.sql("drop trigger it_fail_citizen_insert on citizen_profile").update();
            assertThat(register(p).statusCode()).isEqualTo(201);
        } finally {
            jdbc.sql("drop trigger if exists it_fail_citizen_insert on citizen_profile")
                    .update();
        }
    }

    // ------------------------------------------------------------------ ministry verification

    @Test
    void ministryVerificationNeedsTheScopeAndAnswersOnlyYesOrNoForVerifiedPeople() {
        Person registeredOnly = Person.random();
        assertThat(register(registeredOnly).statusCode()).isEqualTo(201);
        long auditBefore = jdbc.sql("select count(*) from identity_verification_audit")
                .query(Long.class)
                .single();

        String withScope = RealKeycloak.accessToken(
                RealKeycloak.clientCredentials("ministry-justice", "ministry-justice-dev-secret", "identity.verify"));
        // registered but not verified (level 1): no
        HttpResponse<String> notVerified = ministryVerify(
                withScope, registeredOnly.nationalId, registeredOnly.fullName, registeredOnly.dateOfBirth);
        assertThat(notVerified.statusCode()).isEqualTo(200);
        assertThat(notVerified.body()).isEqualTo("{\"match\":false}");
        assertThat(ministryVerify(withScope, "001090099999", "Nguyễn Văn An", LocalDate.of(1990, 5, 15))
                        .body())
                .isEqualTo("{\"match\":false}");
        assertProblem(
                ministryVerify(withScope, "0010900", "Nguyễn Văn An", LocalDate.of(1990, 5, 15)),
                400,
                "validation-failed");

        // the same client without asking for the scope, and a client that may not have it: 403
        String withoutScope = RealKeycloak.accessToken(
                RealKeycloak.clientCredentials("ministry-justice", "ministry-justice-dev-secret", null));
        assertProblem(
                ministryVerify(
                        withoutScope, registeredOnly.nationalId, registeredOnly.fullName, registeredOnly.dateOfBirth),
                403,
                "scope-required");
        String otherMinistry = RealKeycloak.accessToken(
                RealKeycloak.clientCredentials("ministry-no-scope", "ministry-no-scope-dev-secret", null));
        assertProblem(
                ministryVerify(
                        otherMinistry, registeredOnly.nationalId, registeredOnly.fullName, registeredOnly.dateOfBirth),
                403,
                "scope-required");
        // a citizen's token is no ministry's either
        String citizen = RealKeycloak.passwordGrant(registeredOnly.nationalId, PASSWORD);
        assertProblem(
                ministryVerify(citizen, registeredOnly.nationalId, registeredOnly.fullName, registeredOnly.dateOfBirth),
                403,
                "scope-required");

        // every call audited, by client and outcome, never with the identity number in clear
        List<String> outcomes = new ArrayList<>(
                jdbc.sql("""
                select client_id || ':' || outcome from identity_verification_audit order by id offset :skip""").param("skip", auditBefore).query(String.class).list());
        assertThat(outcomes)
                .containsExactly(
                        "ministry-justice:NO_MATCH",
                        "ministry-justice:NO_MATCH",
                        "ministry-justice:INVALID",
                        "ministry-justice:DENIED",
                        "ministry-no-scope:DENIED",
                        "egov-local-cli:DENIED");
        assertThat(jdbc.sql(
                                "select count(*) from identity_verification_audit where national_id_index = :n or client_id = :n")
                        .param("n", registeredOnly.nationalId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> register(Person p) {
        return service().post("/api/v1/identity/registrations", null, p.json());
    }

    private String registerAndSignIn(Person p) {
        HttpResponse<String> r = register(p);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return RealKeycloak.passwordGrant(p.nationalId, PASSWORD);
    }

    private HttpResponse<String> ministryVerify(String token, String nationalId, String fullName, LocalDate dob) {
        return service().post("/api/v1/identity/verifications", token, """
                {"nationalId": "%s", "fullName": "%s", "dateOfBirth": "%s"}""".formatted(nationalId, fullName, dob));
    }

    /** The event of this type about this person, once the outbox relay has sent it to Kafka. */
    /**
     * None of {@code values} in {@code recordValue}: neither in its text nor in any string of its JSON once unescaped
     * (issue 16: names and contacts travel sealed).
     */
    static void assertInClearNowhere(String recordValue, String... values) {
        List<String> strings = new ArrayList<>();
        collectStrings(JSON.readTree(recordValue), strings);
        for (String value : values) {
            assertThat(recordValue).as("the record's text").doesNotContain(value);
            assertThat(strings).as("the record's strings").noneMatch(t -> t.contains(value));
        }
    }

    private static void collectStrings(JsonNode node, List<String> into) {
        if (node.isString()) {
            into.add(node.asString());
        }
        node.forEach(child -> collectStrings(child, into));
    }

    /** No event of {@code type} about {@code subject} in the outbox or on the topic (the v2 only is published). */
    static void assertNoEventOfType(JdbcClient jdbc, String subject, String type) {
        assertThat(jdbc.sql("select count(*) from outbox_event where event_type = :t and event_key = :k")
                        .param("t", type)
                        .param("k", subject)
                        .query(Long.class)
                        .single())
                .as("outbox rows of %s about %s", type, subject)
                .isZero();
        assertThat(ServiceConformance.readTopic(
                                RealInfrastructure.kafkaBootstrapServers(),
                                EventTopics.IDENTITY,
                                subject,
                                Duration.ofSeconds(5))
                        .stream()
                        .map(r -> ServiceConformance.json(r.value()).read("$.type", String.class)))
                .as("event types about %s", subject)
                .doesNotContain(type);
    }

    static ConsumerRecord<String, String> awaitEvent(String subject, String type) {
        return await("a " + type + " event about " + subject + " on " + EventTopics.IDENTITY)
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> ServiceConformance.readTopic(
                                        RealInfrastructure.kafkaBootstrapServers(),
                                        EventTopics.IDENTITY,
                                        subject,
                                        Duration.ofSeconds(10))
                                .stream()
                                .filter(r -> type.equals(
                                        ServiceConformance.json(r.value()).read("$.type", String.class)))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asString()));
        return roles;
    }

    /** A fresh, valid citizen each time (the Keycloak and PostgreSQL data outlive a test run). */
    static final class Person {
        String fullName;
        String nationalId;
        LocalDate dateOfBirth;
        String sex;
        String email;
        String phone;
        String password = PASSWORD;

        static Person random() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Person p = new Person();
            boolean female = random.nextBoolean();
            p.sex = female ? "FEMALE" : "MALE";
            p.dateOfBirth = LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
            int year = p.dateOfBirth.getYear();
            p.nationalId = "0" + (10 + random.nextInt(2) * 69) // 010 Lào Cai or 079 Hồ Chí Minh
                    + PopulationRegistrySimulator.centuryDigit(year, female)
                    + String.format("%02d", year % 100) + String.format("%06d", random.nextInt(1_000_000));
            p.fullName = female ? "Phạm Thị Hồng Nhung" : "Đỗ Quang Huy";
            String tag = Long.toString(random.nextLong(Long.MAX_VALUE), 36);
            p.email = "it-" + tag + "@example.vn";
            p.phone = "09" + String.format("%08d", random.nextInt(100_000_000));
            return p;
        }

        Person withNationalId(String nationalId) {
            this.nationalId = nationalId;
            return this;
        }

        PopulationRegistrySimulator.Resident resident() {
            return new PopulationRegistrySimulator.Resident(nationalId, fullName, dateOfBirth, sex);
        }

        String json() {
            return """
                    {"fullName": "%s", "nationalId": "%s", "dateOfBirth": "%s", "sex": "%s", "email": "%s",
                     "phone": "%s", "password": "%s"}""".formatted(fullName, nationalId, dateOfBirth, sex, email, phone, password);
        }
    }
}

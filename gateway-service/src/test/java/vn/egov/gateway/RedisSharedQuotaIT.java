package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.egov.testsupport.TestIssuer;

/**
 * Horizontal scaling: two gateway instances (two application contexts on their own ports) in front of
 * the same upstreams and one real Redis share every quota; with Redis down, each instance limits on its
 * own (fail open to per-instance buckets, one warning), and shares again once Redis is back.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisSharedQuotaIT {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final UpstreamStub IDENTITY = UpstreamStub.start("identity");
    static final UpstreamStub DOSSIER = UpstreamStub.start("dossier");
    static final UpstreamStub OTHERS = UpstreamStub.start("others");
    static TestRedis redis;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static GatewayClient a;
    static GatewayClient b;

    @BeforeAll
    static void twoGatewaysOneRedis() {
        redis = TestRedis.started();
        first = gateway();
        second = gateway();
        a = new GatewayClient(port(first));
        b = new GatewayClient(port(second));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, redis, IDENTITY, DOSSIER, OTHERS}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // the others still need closing
            }
        }
    }

    @Test
    void theTwoInstancesShareOneCountOfWrongPasswordsPerAccountAndAddress() throws Exception {
        String form = "/auth/realms/shared/login-actions/authenticate";
        OTHERS.passwordForm(form, "Dung!MatKhau1", "Cu!BieuMau1");
        Function<GatewayClient, HttpResponse<String>> wrongPassword = gateway -> gateway.post(form + "?session_code=x")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("username=079200000777&password=Sai%21MatKhau&credentialId=")
                .send();
        for (GatewayClient gateway : List.of(a, b, a, b, a)) {
            HttpResponse<String> wrong = wrongPassword.apply(gateway);
            assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(200);
        }

        // each outcome is recorded in Redis right after its answer is sent: a second for the last one, then b, which
        // saw two of the five, refuses the sixth (counting on its own it would let three more through)
        Thread.sleep(1000);
        HttpResponse<String> paused = wrongPassword.apply(b);
        GatewayIntegrationTest.assertProblem(paused, 429, "sign-in-paused");
        assertThat(Long.parseLong(paused.headers().firstValue("Retry-After").orElseThrow()))
                .as("the first pause, a minute")
                .isBetween(50L, 60L);
        GatewayIntegrationTest.assertProblem(wrongPassword.apply(a), 429, "sign-in-paused");
    }

    @Test
    void theTwoInstancesShareOneRegistrationQuota() {
        Function<GatewayClient, HttpResponse<String>> register =
                gateway -> gateway.post("/api/v1/identity/registrations")
                        .body("{\"nationalId\":\"001090000001\"}")
                        .send();

        for (GatewayClient gateway : List.of(a, b, a, b)) {
            HttpResponse<String> allowed = register.apply(gateway);
            assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        }

        for (GatewayClient gateway : List.of(a, b)) {
            HttpResponse<String> refused = register.apply(gateway);
            GatewayIntegrationTest.assertProblem(refused, 429, "rate-limited");
            // 4 per 10 min: the next token in 150 s
            assertThat(Long.parseLong(
                            refused.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(100L, 150L);
            GatewayIntegrationTest.assertNotRelayed(refused, IDENTITY);
        }
    }

    @Test
    void withRedisDownEachInstanceLimitsOnItsOwnAndTheyShareAgainOnceItIsBack(CapturedOutput output) {
        redis.stop();
        try {
            // the public lookup quota (3 per 10 min), now counted by each instance on its own: still limited
            for (GatewayClient gateway : List.of(a, b)) {
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> allowed =
                            gateway.get("/api/v1/public/dossiers/HS-" + i).send();
                    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
                }
                HttpResponse<String> refused =
                        gateway.get("/api/v1/public/dossiers/HS-9").send();
                GatewayIntegrationTest.assertProblem(refused, 429, "rate-limited");
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            }
            // one warning per instance, not one per request
            assertThat(occurrences(output.getAll(), "Rate limits: Redis does not answer"))
                    .isEqualTo(2);
        } finally {
            redis.start();
        }

        // each instance notices on its next decision once Lettuce has reconnected
        String poller = ISSUER.client("poller");
        awaitLog(output, "Rate limits: Redis answers again", 2, () -> {
            a.get("/api/v1/procedures").bearer(poller).send();
            b.get("/api/v1/procedures").bearer(poller).send();
        });

        String citizen = ISSUER.citizen("001090000311");
        for (GatewayClient gateway : List.of(a, b, a, b)) {
            HttpResponse<String> allowed =
                    gateway.get("/api/v1/dossiers").bearer(citizen).send();
            assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        }
        GatewayIntegrationTest.assertProblem(
                a.get("/api/v1/dossiers").bearer(citizen).send(), 429, "rate-limited");
        GatewayIntegrationTest.assertProblem(
                b.get("/api/v1/dossiers").bearer(citizen).send(), 429, "rate-limited");
    }

    /** Command-line arguments, since they override application.yml as environment variables would. */
    private static ConfigurableApplicationContext gateway() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .run(
                        "--SERVER_PORT=0",
                        "--IDENTITY_SERVICE_URL=" + IDENTITY.url(),
                        "--DOSSIER_SERVICE_URL=" + DOSSIER.url(),
                        "--PAYMENT_SERVICE_URL=" + OTHERS.url(),
                        "--NOTIFICATION_SERVICE_URL=" + OTHERS.url(),
                        "--KEYCLOAK_URL=" + OTHERS.url(),
                        "--OIDC_ISSUER_URI=" + ISSUER.issuer(),
                        "--OIDC_JWK_SET_URI=" + ISSUER.jwkSetUri(),
                        "--EGOV_REDIS_URL=" + redis.url(),
                        "--egov.gateway.rate-limits.redis.key-prefix=test:" + RedisSharedQuotaIT.class.getSimpleName()
                                + ":",
                        "--egov.gateway.rate-limits.redis.timeout=2s",
                        "--egov.gateway.rate-limits.user.capacity=4",
                        "--egov.gateway.rate-limits.user.period=10m",
                        "--egov.gateway.rate-limits.client.capacity=1000",
                        "--egov.gateway.rate-limits.endpoints[0].name=registration",
                        "--egov.gateway.rate-limits.endpoints[0].method=POST",
                        "--egov.gateway.rate-limits.endpoints[0].path=/api/v1/identity/registrations",
                        "--egov.gateway.rate-limits.endpoints[0].limit.capacity=4",
                        "--egov.gateway.rate-limits.endpoints[0].limit.period=10m",
                        "--egov.gateway.rate-limits.endpoints[1].name=public-lookup",
                        "--egov.gateway.rate-limits.endpoints[1].method=GET",
                        "--egov.gateway.rate-limits.endpoints[1].path=/api/v1/public/**",
                        "--egov.gateway.rate-limits.endpoints[1].limit.capacity=3",
                        "--egov.gateway.rate-limits.endpoints[1].limit.period=10m");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static void awaitLog(CapturedOutput output, String line, int times, Runnable poke) {
        await("\"" + line + "\" " + times + " times")
                .atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (occurrences(output.getAll(), line) >= times) {
                        return true;
                    }
                    poke.run();
                    return false;
                });
    }
}

package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Quotas over real HTTP, with small limits so that they are quickly reached. Every request of this
 * class comes from 127.0.0.1, so each anonymous test uses its own endpoint quota.
 */
@TestPropertySource(
        properties = {
            "egov.gateway.rate-limits.anonymous.capacity=100",
            "egov.gateway.rate-limits.anonymous.period=1m",
            "egov.gateway.rate-limits.user.capacity=3",
            "egov.gateway.rate-limits.user.period=10m",
            "egov.gateway.rate-limits.client.capacity=2",
            "egov.gateway.rate-limits.client.period=10m",
            "egov.gateway.rate-limits.clients.bo-tai-chinh.capacity=6",
            "egov.gateway.rate-limits.clients.bo-tai-chinh.period=10m",
            // one token every 2 s
            "egov.gateway.rate-limits.endpoints[0].name=registration",
            "egov.gateway.rate-limits.endpoints[0].method=POST",
            "egov.gateway.rate-limits.endpoints[0].path=/api/v1/identity/registrations",
            "egov.gateway.rate-limits.endpoints[0].limit.capacity=2",
            "egov.gateway.rate-limits.endpoints[0].limit.period=4s",
            "egov.gateway.rate-limits.endpoints[1].name=public-lookup",
            "egov.gateway.rate-limits.endpoints[1].method=GET",
            "egov.gateway.rate-limits.endpoints[1].path=/api/v1/public/**",
            "egov.gateway.rate-limits.endpoints[1].limit.capacity=3",
            "egov.gateway.rate-limits.endpoints[1].limit.period=10m",
        })
class RateLimitIT extends GatewayIntegrationTest {

    @Test
    void anonymousRegistrationsOverTheLimitAre429UntilRetryAfterHasPassed() throws InterruptedException {
        Supplier<HttpResponse<String>> register = () -> gateway.post("/api/v1/identity/registrations")
                .header("Accept-Language", "en")
                .body("{\"nationalId\":\"001090000001\"}")
                .send();

        HttpResponse<String> refused = firstRefusal(register, 5);

        Map<String, Object> problem = assertProblem(refused, 429, "rate-limited");
        assertThat(problem)
                .containsEntry("title", "Too many requests")
                .containsEntry("instance", "/api/v1/identity/registrations");
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        assertNotRelayed(refused, IDENTITY);

        // a sleep on purpose: the client waits what Retry-After said, and is then let through
        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());

        HttpResponse<String> again = register.get();
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(relayedTo(IDENTITY, again).path()).isEqualTo("/api/v1/identity/registrations");
    }

    @Test
    void publicLookupIsStricterThanTheOtherAnonymousEndpointsAndAnswersInVietnamese() {
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.get("/api/v1/public/dossiers/HS-" + i).send().statusCode())
                    .isEqualTo(200);
        }

        HttpResponse<String> refused =
                gateway.get("/api/v1/public/dossiers/HS-9").send();

        assertThat(assertProblem(refused, 429, "rate-limited")).containsEntry("title", "Quá nhiều yêu cầu");
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refused.headers().firstValue("Content-Language")).hasValue("vi");
        // the general anonymous quota is untouched
        assertThat(gateway.get("/api/v1/procedures").send().statusCode()).isEqualTo(200);
    }

    @Test
    void eachSignedInUserHasTheirOwnBucket() {
        String first = ISSUER.citizen("001090000101");
        String second = ISSUER.citizen("001090000102");

        for (int i = 0; i < 3; i++) {
            assertThat(gateway.get("/api/v1/dossiers").bearer(first).send().statusCode())
                    .isEqualTo(200);
        }
        assertProblem(gateway.get("/api/v1/dossiers").bearer(first).send(), 429, "rate-limited");

        HttpResponse<String> other =
                gateway.get("/api/v1/dossiers").bearer(second).send();
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        // anonymous callers from the same address are not affected either
        assertThat(gateway.get("/api/v1/procedures").send().statusCode()).isEqualTo(200);
    }

    @Test
    void aMinistryClientGetsItsConfiguredQuotaAndOtherClientsTheDefault() {
        String ministry = ISSUER.client("bo-tai-chinh", "identity.verify");
        String other = ISSUER.client("some-integrator", "identity.verify");

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> allowed = gateway.post("/api/v1/identity/verifications")
                    .bearer(ministry)
                    .send();
            assertThat(allowed.statusCode())
                    .as("call %d: %s", i + 1, allowed.body())
                    .isEqualTo(200);
        }
        assertProblem(
                gateway.post("/api/v1/identity/verifications").bearer(ministry).send(), 429, "rate-limited");

        for (int i = 0; i < 2; i++) {
            assertThat(gateway.post("/api/v1/identity/verifications")
                            .bearer(other)
                            .send()
                            .statusCode())
                    .isEqualTo(200);
        }
        assertProblem(
                gateway.post("/api/v1/identity/verifications").bearer(other).send(), 429, "rate-limited");
    }

    /** Calls until refused; the quota must have allowed at most {@code maxAllowed} calls before. */
    private static HttpResponse<String> firstRefusal(Supplier<HttpResponse<String>> call, int maxAllowed) {
        for (int i = 0; i <= maxAllowed; i++) {
            HttpResponse<String> response = call.get();
            if (response.statusCode() == 429) {
                assertThat(i).as("calls allowed before the first refusal").isGreaterThanOrEqualTo(2);
                return response;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        throw new AssertionError("no 429 after " + (maxAllowed + 1) + " calls");
    }
}

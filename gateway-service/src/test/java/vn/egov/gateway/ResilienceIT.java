package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.test.context.TestPropertySource;

/**
 * Retries (idempotent requests only, connection failures only) and circuit breakers that open, with
 * breakers small enough to open after four failures.
 */
@TestPropertySource(
        properties = {
            "egov.gateway.circuit-breaker.sliding-window-size=4",
            "egov.gateway.circuit-breaker.minimum-number-of-calls=4",
            "egov.gateway.circuit-breaker.wait-duration-in-open-state=5m",
        })
class ResilienceIT extends GatewayIntegrationTest {

    /** Well within the response timeout: a healthy service under load, not a failing one. */
    static final Duration SLOW_BUT_HEALTHY = Duration.ofMillis(200);

    /** More at once than the 25 calls of the bulkhead Resilience4j would add to every breaker (decision 31). */
    static final int CONCURRENT = 40;

    static {
        IDENTITY.hangsUpOnFirstAttempt("/api/v1/identity/flaky");
        IDENTITY.answers("/api/v1/identity/unavailable", 503);
        PAYMENT.hangsUp("/api/v1/payments/broken");
        DOSSIER.slow("/api/v1/procedures/slow", SLOW_BUT_HEALTHY);
    }

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void aGetWhoseConnectionFailedIsRetriedAndAnswered() {
        HttpResponse<String> response = gateway.get("/api/v1/identity/flaky")
                .bearer(ISSUER.citizen("001090000401"))
                .send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(IDENTITY.requestsWith(correlationId(response))).hasSize(2);
    }

    @Test
    void aPostWhoseConnectionFailedIsNotRetried() {
        HttpResponse<String> response = gateway.post("/api/v1/identity/flaky")
                .bearer(ISSUER.citizen("001090000402"))
                .body("{}")
                .send();

        assertProblem(response, 503, "upstream-unavailable");
        assertThat(IDENTITY.requestsWith(correlationId(response))).hasSize(1);
    }

    @Test
    void aServicesOwnErrorIsRelayedAndNotRetried() {
        HttpResponse<String> response = gateway.get("/api/v1/identity/unavailable")
                .bearer(ISSUER.citizen("001090000403"))
                .send();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(IDENTITY.requestsWith(correlationId(response))).hasSize(1);
    }

    @Test
    void failuresOpenTheBreakerThenGetAndPostAreAnsweredByTheFallbackWithoutReachingTheService() {
        String token = ISSUER.citizen("001090000404");
        for (int i = 0; i < 4; i++) {
            assertProblem(
                    gateway.post("/api/v1/payments/broken")
                            .bearer(token)
                            .body("{}")
                            .send(),
                    503,
                    "upstream-unavailable");
        }
        assertThat(breakers.getCircuitBreakerRegistry()
                        .circuitBreaker("payment")
                        .getState())
                .isEqualTo(CircuitBreaker.State.OPEN);

        HttpResponse<String> get = gateway.get("/api/v1/payments/pay-1")
                .bearer(token)
                .header("Accept-Language", "en")
                .send();
        HttpResponse<String> post = gateway.post("/api/v1/payments/pay-1/refunds")
                .bearer(token)
                .body("{}")
                .send();

        assertThat(assertProblem(get, 503, "upstream-unavailable"))
                .containsEntry("detail", "The service is temporarily unavailable. Please try again in a few minutes.");
        assertProblem(post, 503, "upstream-unavailable");
        assertThat(get.headers().firstValue("Retry-After")).hasValue("10");
        assertNotRelayed(get, PAYMENT);
        assertNotRelayed(post, PAYMENT);
        // one breaker per route: the others still pass
        assertThat(gateway.get("/api/v1/procedures").send().statusCode()).isEqualTo(200);
    }

    @Test
    void manyConcurrentRequestsToASlowButHealthyServiceAreAllAnsweredAndTheBreakerStaysClosed() throws Exception {
        String token = ISSUER.citizen("001090000405");
        CyclicBarrier together = new CyclicBarrier(CONCURRENT);
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENT);
        List<HttpResponse<String>> responses;
        try {
            List<Future<HttpResponse<String>>> calls = IntStream.range(0, CONCURRENT)
                    .mapToObj(i -> callers.submit(() -> {
                        together.await();
                        return gateway.get("/api/v1/procedures/slow")
                                .bearer(token)
                                .send();
                    }))
                    .toList();
            responses = calls.stream().map(ResilienceIT::await).toList();
        } finally {
            callers.shutdownNow();
        }

        assertThat(responses)
                .as("statuses of %d concurrent requests", CONCURRENT)
                .extracting(HttpResponse::statusCode)
                .containsOnly(200);
        assertThat(breakers.getCircuitBreakerRegistry()
                        .circuitBreaker("dossier")
                        .getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private static HttpResponse<String> await(Future<HttpResponse<String>> call) {
        try {
            return call.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

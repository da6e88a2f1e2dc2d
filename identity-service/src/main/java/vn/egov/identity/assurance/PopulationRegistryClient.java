package vn.egov.identity.assurance;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * HTTP adapter to the national population registry: asks whether a person's identity data match the
 * registry's record (the registry confirms; it discloses nothing). Bounded by connect and read
 * timeouts and a circuit breaker (the instance {@code population-registry} of Resilience4j's registry,
 * configured in application.yml), so a registry outage answers fast with {@link RegistryUnavailable}
 * instead of holding the citizen's request (and a thread) for every attempt.
 */
@Component
class PopulationRegistryClient {

    enum Result {
        MATCH,
        MISMATCH,
        NOT_FOUND
    }

    /** The registry did not answer usefully (down, slow, 5xx), or the breaker is open. */
    static class RegistryUnavailable extends RuntimeException {
        RegistryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record VerifyRequest(String nationalId, String fullName, LocalDate dateOfBirth, String sex) {
        @Override
        public String toString() {
            return "VerifyRequest[…]";
        }
    }

    private record VerifyAnswer(String result) {}

    private static final Logger log = LoggerFactory.getLogger(PopulationRegistryClient.class);

    private final RestClient http;
    private final CircuitBreaker breaker;

    PopulationRegistryClient(
            PopulationRegistryProperties properties,
            RestClient.Builder builder,
            CircuitBreakerRegistry circuitBreakers) {
        // the JDK's client, set up by Boot: one place for timeouts, no hand-built java.net.http client
        ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.jdk()
                .build(HttpClientSettings.defaults()
                        .withTimeouts(properties.connectTimeout(), properties.readTimeout()));
        this.http = builder.clone()
                .baseUrl(properties.baseUrl())
                .requestFactory(requests)
                .build();
        this.breaker = circuitBreakers.circuitBreaker("population-registry");
        breaker.getEventPublisher()
                .onStateTransition(e -> log.warn("population registry circuit breaker: {}", e.getStateTransition()));
    }

    Result verify(String nationalId, String fullName, LocalDate dateOfBirth, String sex) {
        try {
            VerifyAnswer answer = breaker.executeSupplier(() -> http.post()
                    .uri("/api/v1/residents/verify")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new VerifyRequest(nationalId, fullName, dateOfBirth, sex))
                    .retrieve()
                    .body(VerifyAnswer.class));
            if (answer == null || answer.result() == null) {
                throw new RegistryUnavailable("the registry answered without a result", null);
            }
            return Result.valueOf(answer.result());
        } catch (CallNotPermittedException e) {
            throw new RegistryUnavailable("circuit breaker open", e);
        } catch (ResourceAccessException | HttpServerErrorException e) {
            throw new RegistryUnavailable(
                    "the registry did not answer: " + e.getClass().getSimpleName() + " (" + e.getMostSpecificCause()
                            + ")",
                    e);
        } catch (IllegalArgumentException e) {
            throw new RegistryUnavailable("the registry answered an unknown result", e);
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    Map<String, Object> metrics() {
        return Map.of(
                "state",
                breaker.getState().name(),
                "failureRate",
                breaker.getMetrics().getFailureRate());
    }
}

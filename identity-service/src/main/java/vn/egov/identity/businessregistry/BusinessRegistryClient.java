package vn.egov.identity.businessregistry;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * HTTP adapter to the national business registration system: does this person (CCCD) represent the business
 * with this tax code, and under which registered name? The registry confirms; it never says who the
 * representative is. Bounded like the population registry's client: connect and read timeouts and the
 * circuit breaker {@code business-registry} (application.yml), so an outage answers fast with
 * {@link RegistryUnavailable}.
 */
@Component
public class BusinessRegistryClient {

    /** What the registry answered: {@code name} only for a confirmed representative. */
    public record Answer(String result, String name) {
        public boolean representative() {
            return "REPRESENTATIVE".equals(result) && name != null && !name.isBlank();
        }

        public boolean notFound() {
            return "NOT_FOUND".equals(result);
        }
    }

    /** The registry did not answer usefully (down, slow, 5xx, an unknown result), or the breaker is open. */
    public static class RegistryUnavailable extends RuntimeException {
        RegistryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record VerifyRequest(String taxCode, String nationalId) {
        @Override
        public String toString() {
            return "VerifyRequest[" + taxCode + ", …]";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BusinessRegistryClient.class);

    private final RestClient http;
    private final CircuitBreaker breaker;

    BusinessRegistryClient(
            BusinessRegistryProperties properties, RestClient.Builder builder, CircuitBreakerRegistry circuitBreakers) {
        this.http = builder.clone()
                .baseUrl(properties.baseUrl())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .build(HttpClientSettings.defaults()
                                .withTimeouts(properties.connectTimeout(), properties.readTimeout())))
                .build();
        this.breaker = circuitBreakers.circuitBreaker("business-registry");
        breaker.getEventPublisher()
                .onStateTransition(e -> log.warn("business registry circuit breaker: {}", e.getStateTransition()));
    }

    public Answer verify(String taxCode, String nationalId) {
        Answer answer;
        try {
            answer = breaker.executeSupplier(() -> http.post()
                    .uri("/api/v1/businesses/representatives/verify")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new VerifyRequest(taxCode, nationalId))
                    .retrieve()
                    .body(Answer.class));
        } catch (CallNotPermittedException e) {
            throw new RegistryUnavailable("circuit breaker open", e);
        } catch (ResourceAccessException | HttpServerErrorException e) {
            throw new RegistryUnavailable(
                    "the business registry did not answer: " + e.getClass().getSimpleName() + " ("
                            + e.getMostSpecificCause() + ")",
                    e);
        }
        if (answer == null
                || !(answer.representative() || answer.notFound() || "NOT_REPRESENTATIVE".equals(answer.result()))) {
            throw new RegistryUnavailable("the business registry answered no known result", null);
        }
        return answer;
    }
}

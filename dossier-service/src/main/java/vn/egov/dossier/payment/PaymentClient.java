package vn.egov.dossier.payment;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * payment-service's order API, called with a client-credentials token of {@code dossier-service}.
 * Resilience: connect/read timeouts, a retry (safe: every call carries an Idempotency-Key, so a
 * repeated POST returns the same order) and a circuit breaker so a dead payment-service costs
 * submissions nothing but a fast failure. A failure is never fatal to a submission: the dossier keeps
 * waiting for its order and the sweeper asks again.
 */
@Component
public class PaymentClient {

    public record CreateOrder(String dossierCode, String agencyCode, String payerSubject, long amountVnd,
                              String description) {
    }

    public record Order(UUID id, long amount, String paymentUrl, String status, Instant expiresAt) {
    }

    /** payment-service could not be reached or refused the call; try again later. */
    public static class PaymentUnavailableException extends RuntimeException {
        PaymentUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Token(String value, Instant expiresAt) {
    }

    private final RestClient http;
    private final PaymentClientProperties properties;
    private final Clock clock;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private volatile Token token;

    PaymentClient(PaymentClientProperties properties) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        factory.setReadTimeout(properties.readTimeout());
        // a plain builder: Boot 4 keeps RestClient auto-configuration in a module this service does not need
        this.http = RestClient.builder().requestFactory(factory).build();
        this.properties = properties;
        // token lifetimes are real time, not the (possibly moved) business clock
        this.clock = Clock.systemUTC();
        this.circuitBreaker = CircuitBreaker.of("payment-service", CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10)).build());
        this.retry = Retry.of("payment-service", RetryConfig.custom()
                .maxAttempts(properties.maxAttempts()).waitDuration(properties.retryWait())
                .retryExceptions(RestClientException.class).build());
    }

    /** Creates (or, for a repeated key, finds) the order. */
    public Order createOrder(CreateOrder request, String idempotencyKey) {
        Supplier<Order> call = () -> http.post().uri(properties.baseUrl() + "/api/v1/payments")
                .header("Authorization", "Bearer " + accessToken())
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(Order.class);
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call)).get();
        } catch (RuntimeException e) {
            throw new PaymentUnavailableException("payment-service did not create the order: " + e, e);
        }
    }

    private String accessToken() {
        Token current = token;
        if (current != null && current.expiresAt().isAfter(Instant.now(clock).plusSeconds(30))) {
            return current.value();
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        Map<?, ?> answer = http.post().uri(properties.tokenUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve().body(Map.class);
        if (answer == null || answer.get("access_token") == null) {
            throw new RestClientException("no access token from " + properties.tokenUri());
        }
        long expiresIn = answer.get("expires_in") instanceof Number n ? n.longValue() : 60;
        Token fresh = new Token(answer.get("access_token").toString(), Instant.now(clock).plusSeconds(expiresIn));
        token = fresh;
        return fresh.value();
    }
}

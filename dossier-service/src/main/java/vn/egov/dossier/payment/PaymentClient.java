package vn.egov.dossier.payment;

import feign.FeignException;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;

/**
 * payment-service's order API over OpenFeign ({@link PaymentOrdersClient}, with a client-credentials token
 * of {@code dossier-service} and connect/read timeouts), wrapped in Resilience4j: a retry (safe: every call
 * carries an Idempotency-Key, so a repeated POST returns the same order) and a circuit breaker so a dead
 * payment-service costs submissions nothing but a fast failure. Both are the instances {@code payment-service}
 * of Resilience4j's registries, configured in application.yml ({@code resilience4j.*}), with their metrics. A failure is never fatal to a submission:
 * the dossier keeps waiting for its order and the sweeper asks again.
 */
@Component
public class PaymentClient {

    public record CreateOrder(
            String dossierCode, String agencyCode, String payerSubject, long amountVnd, String description) {}

    public record Order(UUID id, long amount, String paymentUrl, String status, Instant expiresAt) {}

    /** payment-service could not be reached or refused the call; try again later. */
    public static class PaymentUnavailableException extends RuntimeException {
        PaymentUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final PaymentOrdersClient orders;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    PaymentClient(PaymentOrdersClient orders, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        this.orders = orders;
        this.circuitBreaker = circuitBreakers.circuitBreaker("payment-service");
        this.retry = retries.retry("payment-service");
    }

    /** Creates (or, for a repeated key, finds) the order. */
    public Order createOrder(CreateOrder request, String idempotencyKey) {
        Supplier<Order> call = () -> orders.createOrder(idempotencyKey, request);
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call))
                    .get();
        } catch (RuntimeException e) {
            throw new PaymentUnavailableException("payment-service did not create the order: " + e, e);
        }
    }

    /** The retry's {@code retry-exception-predicate} in application.yml. */
    public static class WorthRetrying implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable e) {
            return worthRetrying(e);
        }
    }

    /** Network failures, 5xx, 408 and 429 may pass; another 4xx will not change by asking again. */
    static boolean worthRetrying(Throwable e) {
        if (e instanceof RetryableException) {
            return true;
        }
        if (e instanceof FeignException f) {
            return f.status() < 0 || f.status() >= 500 || f.status() == 408 || f.status() == 429;
        }
        // an open circuit breaker fails fast (that is its point); no token from the token endpoint: try again
        return e instanceof OAuth2AuthorizationException
                || e instanceof IllegalStateException && !(e instanceof CallNotPermittedException);
    }
}

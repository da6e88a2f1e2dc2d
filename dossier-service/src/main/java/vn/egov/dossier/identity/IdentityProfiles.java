package vn.egov.dossier.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import feign.FeignException;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The signed-in citizen's profile at identity-service ({@code GET /api/v1/identity/me} with their own bearer
 * token, so identity-service applies its own authorisation). OpenFeign with Resilience4j: timeouts, a retry
 * (a GET: safe) and a circuit breaker, the instances {@code identity-service} of Resilience4j's registries
 * (configured in application.yml, {@code resilience4j.*}); when identity-service cannot answer,
 * {@link IdentityUnavailableException} and the caller decides how to degrade.
 */
@Component
public class IdentityProfiles {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Business(String taxCode, String name, Instant linkedAt) {}

    /** The fields of identity-service's {@code MeResponse} that dossier-service uses; others are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(
            String subject,
            String fullName,
            LocalDate dateOfBirth,
            Integer levelOfAssurance,
            List<Business> businesses) {

        public Profile {
            businesses = businesses == null ? List.of() : List.copyOf(businesses);
        }

        /** The business with this tax code that the citizen represents, if any. */
        public Optional<Business> business(String taxCode) {
            return businesses.stream()
                    .filter(b -> b.taxCode() != null && b.taxCode().equals(taxCode))
                    .findFirst();
        }
    }

    public static class IdentityUnavailableException extends RuntimeException {
        IdentityUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final IdentityServiceClient client;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    /** The breaker's {@code ignore-exception-predicate}: a 4xx is an answer about this caller, not a sign that identity-service is unwell. */
    public static class CallerError implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable e) {
            return e instanceof FeignException f && f.status() >= 400 && f.status() < 500;
        }
    }

    /** The retry's {@code retry-exception-predicate}: network failures and 5xx. */
    public static class WorthRetrying implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable e) {
            return e instanceof RetryableException
                    || e instanceof FeignException f && (f.status() < 0 || f.status() >= 500);
        }
    }

    IdentityProfiles(IdentityServiceClient client, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        this.client = client;
        this.circuitBreaker = circuitBreakers.circuitBreaker("identity-service");
        this.retry = retries.retry("identity-service");
    }

    /** The profile of the citizen whose access token this is. */
    public Profile me(String bearerToken) {
        try {
            return Retry.decorateSupplier(
                            retry,
                            CircuitBreaker.decorateSupplier(circuitBreaker, () -> client.me("Bearer " + bearerToken)))
                    .get();
        } catch (RuntimeException e) {
            throw new IdentityUnavailableException(
                    "identity-service did not give the profile: " + e.getClass().getSimpleName(), e);
        }
    }
}

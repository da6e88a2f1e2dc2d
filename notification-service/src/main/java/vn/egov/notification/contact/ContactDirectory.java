package vn.egov.notification.contact;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import feign.FeignException;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import vn.egov.commons.security.ServiceTokens;

/**
 * Contacts of people no identity event told us about (the realm's own users, anyone registered before
 * this service listened), asked of identity-service. Each call is bounded by a Resilience4j time limiter,
 * retried (I/O errors, timeouts, 5xx) and guarded by a circuit breaker — the instances {@code identity-contacts}
 * of Resilience4j's registries, configured in application.yml — so a slow or dead identity-service
 * costs a failing lookup, not a stuck delivery loop. Answers (including "no such person") are cached:
 * bounded, expiring after {@code cache-ttl}, and evicted when a contact-changed event (v1 or v2) arrives.
 * Never called inside a database transaction. Logs name no person and no contact.
 */
@Component
public class ContactDirectory {

    /** What identity-service said about a person: their contacts, or null contacts for "no such person". */
    public record Known(PersonContacts contacts) {

        public boolean exists() {
            return contacts != null;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ContactDirectory.class);

    private final IdentityContactsClient client;
    private final ServiceTokens tokens;
    private final Cache<String, Known> cache;
    /** The lookups under way, by subject. */
    private final ConcurrentMap<String, CompletableFuture<Known>> asking = new ConcurrentHashMap<>();

    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    /** Runs the calls the time limiter watches (a call that overruns is interrupted and its thread reused). */
    private final ExecutorService calls = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "identity-contacts");
        t.setDaemon(true);
        return t;
    });

    ContactDirectory(
            IdentityContactsClient client,
            ServiceTokens tokens,
            ContactProperties config,
            TimeLimiterRegistry timeLimiters,
            CircuitBreakerRegistry circuitBreakers,
            RetryRegistry retries) {
        this.client = client;
        this.tokens = tokens;
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.cacheSize())
                .expireAfterWrite(config.cacheTtl())
                .build();
        this.timeLimiter = timeLimiters.timeLimiter("identity-contacts");
        this.circuitBreaker = circuitBreakers.circuitBreaker("identity-contacts");
        this.retry = retries.retry("identity-contacts");
    }

    /** What is cached about the person, without asking anyone. */
    public Optional<Known> cached(String subject) {
        return Optional.ofNullable(cache.getIfPresent(subject));
    }

    /**
     * The person's contacts (empty: identity-service has no such person), from the cache or asked of
     * identity-service.
     *
     * @throws ContactsUnavailableException when identity-service cannot answer now (down, slow, refusing
     *     our token, circuit open)
     */
    public Optional<PersonContacts> lookup(String subject) {
        Known known = cache.getIfPresent(subject);
        return Optional.ofNullable((known != null ? known : askOnce(subject)).contacts());
    }

    /**
     * Asks identity-service once for everyone who needs the person at the same moment (the event's listener and
     * the email and SMS workers miss the cache together): the first asks, the others wait for its answer or its
     * failure. Not a compute in the cache, which would hold a lock of the cache's map over an HTTP call.
     */
    private Known askOnce(String subject) {
        CompletableFuture<Known> mine = new CompletableFuture<>();
        CompletableFuture<Known> running = asking.putIfAbsent(subject, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            // whoever asked just before may have put the answer and left
            Known known = cache.getIfPresent(subject);
            if (known == null) {
                known = ask(subject);
                cache.put(subject, known);
            }
            mine.complete(known);
            return known;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            asking.remove(subject, mine);
        }
    }

    /** Forgets what was cached (their contacts changed). */
    public void evict(String subject) {
        cache.invalidate(subject);
    }

    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    private Known ask(String subject) {
        try {
            return Retry.decorateCheckedSupplier(
                            retry, () -> circuitBreaker.executeCheckedSupplier(() -> timed(subject)))
                    .get();
        } catch (FeignException.NotFound notFound) {
            return new Known(null);
        } catch (CallNotPermittedException open) {
            throw new ContactsUnavailableException("identity-service circuit breaker is open", open);
        } catch (ContactsUnavailableException e) {
            throw e;
        } catch (Throwable e) {
            log.warn(
                    "Contacts lookup in identity-service failed: {}",
                    e.getClass().getSimpleName());
            throw new ContactsUnavailableException(
                    "identity-service did not answer: " + e.getClass().getSimpleName(), e);
        }
    }

    private Known timed(String subject) throws Exception {
        CompletableFuture<PersonContacts> call = CompletableFuture.supplyAsync(() -> client.contacts(subject), calls);
        try {
            return new Known(timeLimiter.executeFutureSupplier(() -> call));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? refreshTokenOn(cause) : e;
        } catch (FeignException.Unauthorized e) {
            throw refreshTokenOn(e);
        }
    }

    private Exception refreshTokenOn(Exception e) {
        if (e instanceof FeignException.Unauthorized) {
            tokens.invalidate(
                    IdentityContactsClient.REGISTRATION); // an expired or rotated token: the retry fetches a new one
        }
        return e;
    }

    /** The retry's {@code retry-exception-predicate} in application.yml. */
    public static class WorthRetrying implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable e) {
            return worthRetrying(e);
        }
    }

    static boolean worthRetrying(Throwable e) {
        if (e instanceof CallNotPermittedException || e instanceof FeignException.NotFound) {
            return false;
        }
        if (e instanceof FeignException.Unauthorized) {
            return true;
        }
        if (e instanceof FeignException f && !(e instanceof RetryableException)) {
            return f.status() >= 500 || f.status() == 429 || f.status() < 0;
        }
        // OAuth2AuthorizationException: the token endpoint did not give a token (unreachable, or refused us)
        return e instanceof RetryableException
                || e instanceof TimeoutException
                || e instanceof OAuth2AuthorizationException
                || e instanceof ContactsUnavailableException
                || e instanceof java.io.IOException;
    }
}

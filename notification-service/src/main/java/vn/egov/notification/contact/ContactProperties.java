package vn.egov.notification.contact;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.notification.identity.*}: identity-service's internal contacts endpoint, called with
 * notification-service's own client-credentials token. application.yml also feeds the OAuth2 client registration
 * and the Resilience4j instance {@code identity-contacts} from these keys.
 *
 * @param timeout Resilience4j time limit of one call (on top of the HTTP connect/read timeouts)
 * @param maxAttempts tries per lookup (Resilience4j retry), waiting {@code retryWait} between them
 * @param failureRateThreshold percentage of failed calls (over the last {@code slidingWindow}, at least
 *     {@code minimumCalls}) that opens the circuit breaker for {@code openFor}
 * @param cacheSize most people whose contacts are kept; entries expire {@code cacheTtl} after the lookup
 *     and are evicted on a contact-changed event (v1 or v2)
 */
@ConfigurationProperties("egov.notification.identity")
record ContactProperties(
        @DefaultValue("http://127.0.0.1:8081") String baseUrl,

        @DefaultValue("http://127.0.0.1:8180/auth/realms/egov/protocol/openid-connect/token")
        String tokenUri,

        @DefaultValue("notification-service") String clientId,
        @DefaultValue("notification-service-dev-secret") String clientSecret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout,
        @DefaultValue("4s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("300ms") Duration retryWait,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int slidingWindow,
        @DefaultValue("5") int minimumCalls,
        @DefaultValue("30s") Duration openFor,
        @DefaultValue("10000") long cacheSize,
        @DefaultValue("10m") Duration cacheTtl) {}

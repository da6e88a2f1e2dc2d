package vn.egov.dossier.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How dossier-service reaches payment-service: its base URL, and the client-credentials grant of the
 * confidential client {@code dossier-service} at the realm's token endpoint. The grant's values feed the OAuth2
 * client registration {@code dossier-service}, and {@code maxAttempts}/{@code retryWait} the Resilience4j retry
 * {@code payment-service}, both in application.yml (placeholders), so their environment variables keep working.
 */
@ConfigurationProperties("egov.dossier.payment")
public record PaymentClientProperties(
        String baseUrl,
        String tokenUri,
        String clientId,
        String clientSecret,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration retryWait,
        Duration sweepInterval) {

    public PaymentClientProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        retryWait = retryWait == null ? Duration.ofMillis(300) : retryWait;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
    }
}

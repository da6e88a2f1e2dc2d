package vn.egov.dossier.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How dossier-service reaches identity-service ({@code egov.dossier.identity.*}). {@code maxAttempts},
 * {@code retryWait} and {@code circuitOpenFor} feed the Resilience4j instances {@code identity-service} in
 * application.yml (placeholders).
 */
@ConfigurationProperties("egov.dossier.identity")
public record IdentityClientProperties(
        String baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration retryWait,
        Duration circuitOpenFor) {

    public IdentityClientProperties {
        baseUrl = baseUrl == null ? "http://127.0.0.1:8081" : baseUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(3) : readTimeout;
        maxAttempts = maxAttempts <= 0 ? 2 : maxAttempts;
        retryWait = retryWait == null ? Duration.ofMillis(200) : retryWait;
        circuitOpenFor = circuitOpenFor == null ? Duration.ofSeconds(10) : circuitOpenFor;
    }
}

package vn.egov.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code egov.notification.*}.
 *
 * @param portalUrl base of the links in messages ({@code <portalUrl>/dossiers/<code>})
 * @param mailFrom the From of emails
 * @param sms the SMS gateway adapter
 * @param sender the delivery loop
 * @param stream the live inbox
 * @param sealingKey encrypts the bodies of messages holding a one-time code (see {@code BodySealer})
 * @param identity contacts looked up in identity-service
 */
@ConfigurationProperties("egov.notification")
public record NotificationProperties(
        @DefaultValue("http://127.0.0.1:8080") String portalUrl,
        @DefaultValue("Cổng dịch vụ công <no-reply@egov.local>") String mailFrom,
        @DefaultValue Sms sms,
        @DefaultValue Sender sender,
        @DefaultValue Stream stream,
        @DefaultValue("dev-notification-sealing-key") String sealingKey,
        @DefaultValue Identity identity) {

    /**
     * The HTTP SMS gateway: {@code POST <gatewayUrl>/api/sms} with an API key; its delivery receipts come
     * back to {@code POST /api/v1/notifications/sms/receipts} with {@code X-Api-Key: <receiptKey>}.
     */
    public record Sms(@DefaultValue("http://127.0.0.1:8091") String gatewayUrl,
                      @DefaultValue("dev-sms-key") String apiKey,
                      @DefaultValue("dev-sms-receipt-key") String receiptKey,
                      @DefaultValue("2s") Duration connectTimeout,
                      @DefaultValue("5s") Duration readTimeout) {
    }

    /**
     * @param pollInterval longest pause between passes (a new delivery wakes the loop at once)
     * @param maxAttempts tries before a delivery is marked FAILED
     * @param initialBackoff delay after the first failure, doubled each time up to maxBackoff
     * @param lease how long a claimed row is left alone by other instances while it is being sent
     * @param perRecipientLimit most messages one person gets on one channel (email, SMS) within
     *     {@code perRecipientWindow}; more wait (they are deferred, not dropped), so a burst of events
     *     cannot flood a phone
     */
    public record Sender(@DefaultValue("true") boolean enabled,
                         @DefaultValue("1s") Duration pollInterval,
                         @DefaultValue("20") int batchSize,
                         @DefaultValue("8") int maxAttempts,
                         @DefaultValue("5s") Duration initialBackoff,
                         @DefaultValue("10m") Duration maxBackoff,
                         @DefaultValue("60s") Duration lease,
                         @DefaultValue("5") int perRecipientLimit,
                         @DefaultValue("10m") Duration perRecipientWindow) {
    }

    /** @param heartbeat comment line interval; @param maxDuration a stream ends after this (clients reconnect) */
    public record Stream(@DefaultValue("20s") Duration heartbeat, @DefaultValue("30m") Duration maxDuration) {
    }

    /**
     * identity-service's internal contacts endpoint, called with notification-service's own
     * client-credentials token.
     *
     * @param timeout Resilience4j time limit of one call (on top of the HTTP connect/read timeouts)
     * @param maxAttempts tries per lookup (Resilience4j retry), waiting {@code retryWait} between them
     * @param failureRateThreshold percentage of failed calls (over the last {@code slidingWindow}, at least
     *     {@code minimumCalls}) that opens the circuit breaker for {@code openFor}
     * @param cacheSize most people whose contacts are kept; entries expire {@code cacheTtl} after the lookup
     *     and are evicted on {@code ContactChangedV1}
     */
    public record Identity(@DefaultValue("http://127.0.0.1:8081") String baseUrl,
                           @DefaultValue("http://127.0.0.1:8180/auth/realms/egov/protocol/openid-connect/token") String tokenUri,
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
                           @DefaultValue("10m") Duration cacheTtl) {
    }
}

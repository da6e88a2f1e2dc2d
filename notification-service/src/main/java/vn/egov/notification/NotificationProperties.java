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
 */
@ConfigurationProperties("egov.notification")
public record NotificationProperties(
        @DefaultValue("http://127.0.0.1:8080") String portalUrl,
        @DefaultValue("Cổng dịch vụ công <no-reply@egov.local>") String mailFrom,
        @DefaultValue Sms sms,
        @DefaultValue Sender sender,
        @DefaultValue Stream stream) {

    /** The HTTP SMS gateway: {@code POST <gatewayUrl>/api/sms} with an API key. */
    public record Sms(@DefaultValue("http://127.0.0.1:8091") String gatewayUrl,
                      @DefaultValue("dev-sms-key") String apiKey,
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
}

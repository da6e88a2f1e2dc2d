package vn.egov.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.notification.sender.*}: the delivery loop.
 *
 * @param pollInterval longest pause between passes (a new delivery wakes the loop at once)
 * @param maxAttempts tries before a delivery is marked FAILED
 * @param initialBackoff delay after the first failure, doubled each time up to maxBackoff
 * @param lease how long a claimed row is left alone by other instances while it is being sent
 * @param perRecipientLimit most messages one person gets on one channel (email, SMS) within
 *     {@code perRecipientWindow}; more wait (they are deferred, not dropped), so a burst of events
 *     cannot flood a phone
 */
@ConfigurationProperties("egov.notification.sender")
record DeliveryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("5s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("5") int perRecipientLimit,
        @DefaultValue("10m") Duration perRecipientWindow) {}

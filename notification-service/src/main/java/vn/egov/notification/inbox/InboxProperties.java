package vn.egov.notification.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.notification.stream.*}: the live inbox.
 *
 * @param heartbeat comment line interval
 * @param maxDuration a stream ends after this (clients reconnect)
 */
@ConfigurationProperties("egov.notification.stream")
record InboxProperties(
        @DefaultValue("20s") Duration heartbeat,
        @DefaultValue("30m") Duration maxDuration) {}

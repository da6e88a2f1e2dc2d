package vn.egov.notification.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.notification.stream.*}: the live inbox.
 *
 * @param heartbeat comment line interval
 * @param maxDuration a stream ends after this (clients reconnect)
 * @param maxPerPerson open streams one person may hold on this instance (a few tabs and a phone); past it
 *     429 {@code too-many-streams}. Each open stream holds a connection from the gateway's pool to this
 *     service, so without a cap one person could exhaust it.
 */
@ConfigurationProperties("egov.notification.stream")
record InboxProperties(
        @DefaultValue("20s") Duration heartbeat,
        @DefaultValue("30m") Duration maxDuration,
        @DefaultValue("3") int maxPerPerson) {

    InboxProperties {
        if (maxPerPerson < 1) {
            throw new IllegalArgumentException("egov.notification.stream.max-per-person must be at least 1");
        }
    }
}

package vn.egov.commons.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code egov.events.*}: the outbox relay and consumer retry settings.
 *
 * @param source the CloudEvents {@code source} of this service (defaults to the application name)
 * @param relayEnabled whether this instance relays its outbox to Kafka
 * @param relayInterval pause between relay passes
 * @param relayBatchSize rows per pass
 * @param sendTimeout how long one send may wait for the broker's acknowledgement
 * @param consumerMaxRetries retries of a failing event before it goes to the dead-letter topic
 * @param consumerInitialBackoff first retry delay, doubled each retry
 */
@ConfigurationProperties("egov.events")
public record EventsProperties(
        String source,
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500ms") Duration relayInterval,
        @DefaultValue("100") int relayBatchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("3") int consumerMaxRetries,
        @DefaultValue("500ms") Duration consumerInitialBackoff) {
}

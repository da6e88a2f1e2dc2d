package vn.egov.commons.events;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.events.*}: the outbox relay and consumer retry settings.
 *
 * @param source the CloudEvents {@code source} of this service (defaults to the application name)
 * @param relayEnabled whether this instance relays its outbox to Kafka
 * @param relayInterval pause between relay passes (a transaction of this instance that wrote an event also starts one
 *     at once)
 * @param relayBatchSize rows per pass
 * @param sendTimeout how long one send may wait for the broker's acknowledgement
 * @param consumerMaxRetries retries of a failing event before it goes to the dead-letter topic
 * @param consumerInitialBackoff first retry delay, doubled each retry
 * @param sensitiveTypes event types whose payload carries a secret (e.g. a one-time code): the relay erases
 *     the event's {@code data} from the outbox row in the same update that marks it published
 * @param outboxRetention how long a published outbox row is kept before it is purged
 * @param outboxPurgeInterval pause between purges of published rows older than the retention
 * @param processedRetention how long a consumer remembers an event it handled (its {@code processed_event} row):
 *     longer than any redelivery can come (Kafka keeps a topic's records 7 days by default)
 * @param maxSendAttempts failures of one event, other than the broker being away, after which the relay parks it
 *     (a record Kafka refuses outright, e.g. too large, is parked at the first); failures while the broker is
 *     away never count, so an outage of any length parks nothing
 * @param monitorInterval how often the outbox figures (backlog, parked, oldest pending) and the dead-letter
 *     counts behind the metrics and the {@code outbox} health details are refreshed, in the background
 */
@ConfigurationProperties("egov.events")
public record EventsProperties(
        String source,
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500ms") Duration relayInterval,
        @DefaultValue("100") int relayBatchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("3") int consumerMaxRetries,
        @DefaultValue("500ms") Duration consumerInitialBackoff,
        @DefaultValue Set<String> sensitiveTypes,
        @DefaultValue("7d") Duration outboxRetention,
        @DefaultValue("1h") Duration outboxPurgeInterval,
        @DefaultValue("30d") Duration processedRetention,
        @DefaultValue("5") int maxSendAttempts,
        @DefaultValue("15s") Duration monitorInterval) {}

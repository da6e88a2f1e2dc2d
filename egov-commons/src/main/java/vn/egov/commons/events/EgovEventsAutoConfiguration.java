package vn.egov.commons.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event plumbing of a service that owns a database: outbox publisher, relay and retention, idempotent
 * consumption, and the listener error handler (bounded retries with backoff, then
 * {@code <topic>.<group>.dlq}).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
        },
        beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({JdbcClient.class, KafkaTemplate.class})
@EnableConfigurationProperties(EventsProperties.class)
public class EgovEventsAutoConfiguration {

    /**
     * Seals the event fields that must not travel in clear (issue 16): the producer and its consumer share
     * {@code egov.events.sealing.key} (base64 of 32 random bytes in any real environment; the development passphrase
     * only where the production guard lets it through).
     */
    @Bean
    @ConditionalOnMissingBean
    EventFieldSealer eventFieldSealer(
            @Value("${egov.events.sealing.key-id:local}") String keyId,
            @Value("${egov.events.sealing.key:egov-events-sealing-key-local-run-only}") String key,
            org.springframework.core.env.Environment environment) {
        Map<String, String> previous = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind(
                        "egov.events.sealing.previous-keys",
                        org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return new EventFieldSealer(keyId, key, previous);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock egovClock() {
        return Clock.systemUTC();
    }

    /** String keys and CloudEvents JSON values; fails fast (not after minutes) when the broker is away. */
    @Bean
    @ConditionalOnMissingBean(KafkaTemplate.class)
    KafkaTemplate<String, String> kafkaTemplate(KafkaProperties kafkaProperties) {
        Map<String, Object> props = new HashMap<>(kafkaProperties.buildProducerProperties());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        KafkaTemplate<String, String> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props));
        // Spring's default LoggingProducerListener logs the key and the start of the value of every failed send,
        // and a value is an event that may carry personal data. The relay logs its failures itself, without it.
        template.setProducerListener(null);
        // No template observation: it looks the cluster id up with an admin client, which blocks every send while
        // Kafka is away. The relay writes the trace headers itself, in its own producer span (decision 32).
        return template;
    }

    @Bean
    @ConditionalOnBean({JdbcClient.class, PlatformTransactionManager.class})
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(
            JdbcClient jdbc,
            JsonMapper json,
            EventsProperties properties,
            @Value("${spring.application.name:egov}") String applicationName,
            Clock clock,
            ObjectProvider<Tracer> tracer) {
        String source = properties.source() != null ? properties.source() : "/" + applicationName;
        return new EventPublisher(jdbc, json, source, clock, tracer.getIfAvailable());
    }

    @Bean
    @ConditionalOnBean({JdbcClient.class, PlatformTransactionManager.class})
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            KafkaTemplate<String, String> kafkaTemplate,
            EventsProperties properties,
            JsonMapper json,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(
                        jdbc,
                        new TransactionTemplate(transactionManager),
                        kafkaTemplate,
                        properties.relayBatchSize(),
                        properties.sendTimeout().toMillis(),
                        properties.sensitiveTypes(),
                        json,
                        properties.maxSendAttempts())
                .observedBy(tracer.getIfAvailable(), meters.getIfAvailable());
    }

    @Bean
    @ConditionalOnBean(OutboxRelay.class)
    @ConditionalOnProperty(name = "egov.events.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelayRunner outboxRelayRunner(
            OutboxRelay relay, EventsProperties properties, ObjectProvider<EventPublisher> publisher) {
        OutboxRelayRunner runner = new OutboxRelayRunner(relay, properties.relayInterval());
        // an event committed here is relayed at once, not at the next pass
        publisher.ifAvailable(p -> p.afterCommit(runner::wakeUp));
        return runner;
    }

    @Bean
    @ConditionalOnBean({JdbcClient.class, PlatformTransactionManager.class})
    @ConditionalOnMissingBean
    OutboxRetention outboxRetention(JdbcClient jdbc, EventsProperties properties) {
        return new OutboxRetention(jdbc, properties.outboxRetention(), properties.processedRetention());
    }

    @Bean
    @ConditionalOnBean(OutboxRetention.class)
    OutboxRetentionRunner outboxRetentionRunner(OutboxRetention retention, EventsProperties properties) {
        return new OutboxRetentionRunner(retention, properties.outboxPurgeInterval());
    }

    @Bean
    @ConditionalOnBean({JdbcClient.class, PlatformTransactionManager.class})
    @ConditionalOnMissingBean
    IdempotentConsumer idempotentConsumer(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        return new IdempotentConsumer(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    @ConditionalOnMissingBean
    EventReader eventReader(JsonMapper json) {
        return new EventReader(json);
    }

    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler egovKafkaErrorHandler(
            KafkaTemplate<String, String> kafkaTemplate,
            EventsProperties properties,
            KafkaProperties kafkaProperties,
            ObjectProvider<MeterRegistry> meters) {
        String defaultGroup = kafkaProperties.getConsumer().getGroupId();
        DeadLetterRecoverer recoverer =
                new DeadLetterRecoverer(kafkaTemplate, defaultGroup).countedBy(meters.getIfAvailable());
        ExponentialBackOffWithMaxRetries backOff =
                new ExponentialBackOffWithMaxRetries(properties.consumerMaxRetries());
        backOff.setInitialInterval(properties.consumerInitialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(EventFormatException.class);
        // by default a failure of another exception type starts the count again: a record failing by turns with two
        // kinds of error (a database coming and going) would be retried for ever and hold its partition
        handler.setResetStateOnExceptionChange(false);
        return handler;
    }
}

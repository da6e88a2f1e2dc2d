package vn.egov.commons.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operating the outbox of a service that has one: the figures behind the metrics and the {@code outbox} health
 * details ({@link OutboxMonitor}), and the parked-event admin endpoint ({@link ParkedEventsController}). Kept
 * apart from {@link EgovEventsAutoConfiguration} (the plumbing itself); each part needs only what it uses on
 * the classpath (Micrometer, Boot's health, Spring MVC with the resource server).
 */
@AutoConfiguration(after = EgovEventsAutoConfiguration.class)
@ConditionalOnClass({JdbcClient.class, KafkaTemplate.class})
@ConditionalOnBean(OutboxRelay.class)
@EnableConfigurationProperties(EventsProperties.class)
public class OutboxOperationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxMonitor outboxMonitor(JdbcClient jdbc, EventsProperties properties, KafkaProperties kafkaProperties) {
        return new OutboxMonitor(
                jdbc,
                kafkaProperties.buildAdminProperties(),
                kafkaProperties.getConsumer().getGroupId(),
                properties.monitorInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    ParkedEvents parkedEvents(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            EventsProperties properties,
            JsonMapper json) {
        return new ParkedEvents(jdbc, new TransactionTemplate(transactionManager), properties.sensitiveTypes(), json);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class Metrics {

        /**
         * {@code egov_outbox_backlog}, {@code egov_outbox_parked}, {@code egov_outbox_oldest_pending_age_seconds},
         * {@code egov_events_dead_letter_records} in Prometheus; NaN while not known yet.
         */
        @Bean
        MeterBinder outboxMetrics(OutboxMonitor monitor) {
            return registry -> {
                gauge(
                        registry,
                        "egov.outbox.backlog",
                        "Outbox events still to send (parked ones excluded)",
                        null,
                        () -> monitor.outbox().backlog());
                gauge(
                        registry,
                        "egov.outbox.parked",
                        "Outbox events the relay parked: Kafka refused them; an " + "operator retries or discards them",
                        null,
                        () -> monitor.outbox().parked());
                gauge(
                        registry,
                        "egov.outbox.oldest.pending.age",
                        "Age of the oldest outbox event still to send",
                        "seconds",
                        () -> monitor.outbox().oldestPendingAgeSeconds());
                gauge(
                        registry,
                        "egov.events.dead.letter.records",
                        "Records in this service's dead-letter topics",
                        null,
                        () -> monitor.deadLetters().total());
            };
        }

        private static void gauge(
                io.micrometer.core.instrument.MeterRegistry registry,
                String name,
                String help,
                String unit,
                Supplier<Number> value) {
            Gauge.builder(name, value, v -> {
                        Number n = v.get();
                        return n == null ? Double.NaN : n.doubleValue();
                    })
                    .description(help)
                    .baseUnit(unit)
                    .strongReference(true)
                    .register(registry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class HealthDetails {

        /**
         * {@code outbox} in the health details. Always UP: parked events and dead letters are for an operator to
         * act on, not a reason to take the instance out of service (restarting it would change nothing), so this
         * never fails readiness or liveness (the probe groups include only the availability states anyway).
         */
        @Bean
        HealthIndicator outboxHealthIndicator(OutboxMonitor monitor) {
            return () -> {
                OutboxMonitor.OutboxFigures outbox = monitor.outbox();
                OutboxMonitor.DeadLetterFigures deadLetters = monitor.deadLetters();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("backlog", outbox.backlog());
                details.put("parked", outbox.parked());
                details.put("oldestPendingAgeSeconds", outbox.oldestPendingAgeSeconds());
                details.put("refreshedAt", outbox.refreshedAt());
                if (outbox.lastError() != null) {
                    details.put("lastError", outbox.lastError());
                }
                details.put("deadLetterRecords", deadLetters.total());
                details.put("deadLetterTopics", deadLetters.topics());
                if (deadLetters.lastError() != null) {
                    details.put("deadLetterLastError", deadLetters.lastError());
                }
                details.values().removeIf(java.util.Objects::isNull);
                return Health.up().withDetails(details).build();
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(
            name = {"org.springframework.security.oauth2.jwt.Jwt", "org.springframework.web.servlet.DispatcherServlet"})
    static class AdminEndpoint {

        @Bean
        ParkedEventsController parkedEventsController(ParkedEvents parked) {
            return new ParkedEventsController(parked);
        }
    }
}

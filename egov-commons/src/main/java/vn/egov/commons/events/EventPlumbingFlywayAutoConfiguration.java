package vn.egov.commons.events;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * The service's Flyway migrates through {@link EventPlumbingMigrations}: the event plumbing's scripts with their
 * own history table ({@value EventPlumbingMigrations#HISTORY_TABLE}), the service's with its own. A service that
 * declares its own {@link FlywayMigrationStrategy} replaces this one and must call
 * {@link EventPlumbingMigrations#migrate} itself. An application with a database but no outbox (nothing to
 * publish or consume) sets {@code egov.events.plumbing-migrations=false} and its Flyway migrates as Boot's would.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({Flyway.class, FlywayMigrationStrategy.class})
@ConditionalOnProperty(
        prefix = "egov.events",
        name = "plumbing-migrations",
        havingValue = "true",
        matchIfMissing = true)
public class EventPlumbingFlywayAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy egovFlywayMigrationStrategy() {
        return EventPlumbingMigrations::migrate;
    }
}

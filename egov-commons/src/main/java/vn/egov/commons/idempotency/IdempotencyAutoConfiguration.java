package vn.egov.commons.idempotency;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** {@link IdempotentRequests} for every service with a database (its table comes with the egov-commons migrations). */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
        })
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnBean(JdbcClient.class)
public class IdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotentRequests idempotentRequests(
            JdbcClient jdbc,
            ObjectProvider<IdempotencyProtection> protection,
            JsonMapper json,
            Environment environment) {
        return new IdempotentRequests(
                jdbc,
                protection.getIfAvailable(IdempotencyProtection::plain),
                json,
                environment.getProperty(
                        "egov.idempotency.max-key-length", Integer.class, IdempotentRequests.DEFAULT_MAX_KEY_LENGTH));
    }
}

package vn.egov.commons.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** {@link CommittedCounters} on the service's meter registry (Micrometer's global one when there is none). */
@AutoConfiguration(
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
public class EgovMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CommittedCounters committedCounters(ObjectProvider<MeterRegistry> meters) {
        return new CommittedCounters(meters.getIfAvailable(() -> Metrics.globalRegistry));
    }
}

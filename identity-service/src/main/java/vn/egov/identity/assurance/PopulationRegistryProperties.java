package vn.egov.identity.assurance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.identity.registry.*}: the national population registry (the devstack simulator on a
 * local run) and how patiently it is asked.
 *
 * @param failureRateThreshold percentage of failed calls (in the last {@code slidingWindow}) that opens the breaker
 * @param openFor how long the breaker stays open before letting a trial call through
 */
@ConfigurationProperties("egov.identity.registry")
record PopulationRegistryProperties(
        @DefaultValue("http://127.0.0.1:8092") String baseUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout,
        @DefaultValue("10") int slidingWindow,
        @DefaultValue("5") int minimumCalls,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("30s") Duration openFor) {}

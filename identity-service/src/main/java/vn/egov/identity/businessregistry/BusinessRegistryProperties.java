package vn.egov.identity.businessregistry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.identity.business-registry.*}: the national business registration system (the devstack
 * simulator on a local run) that confirms a citizen is a business's legal representative.
 */
@ConfigurationProperties("egov.identity.business-registry")
record BusinessRegistryProperties(
        @DefaultValue("http://127.0.0.1:8093") String baseUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout) {}

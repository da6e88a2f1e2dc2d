package vn.egov.portal.api;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the gateway (never a service directly: the portal uses the public API only)
 * @param connectTimeout a page waits at most this long for a connection
 * @param readTimeout and this long for an answer, then shows "try again later"
 */
@ConfigurationProperties("egov.portal.api")
public record ApiProperties(
        @DefaultValue("http://127.0.0.1:8080") URI baseUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {}

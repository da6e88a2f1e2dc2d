package vn.egov.gateway.cors;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Browser origins allowed to call the API from another origin (the web portal's dev server, …). */
@ConfigurationProperties("egov.gateway.cors")
record CorsProperties(
        List<String> allowedOrigins,

        @DefaultValue({"GET", "POST", "PUT", "PATCH", "DELETE"})
        List<String> allowedMethods,

        @DefaultValue({"Authorization", "Content-Type", "Idempotency-Key", "Accept-Language", "X-Correlation-Id"})
        List<String> allowedHeaders,

        @DefaultValue({"X-Correlation-Id", "Location", "Retry-After"})
        List<String> exposedHeaders,

        @DefaultValue("1h") Duration maxAge) {

    CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}

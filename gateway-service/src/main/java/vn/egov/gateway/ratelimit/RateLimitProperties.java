package vn.egov.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;

/**
 * Request quotas at the edge ({@code egov.gateway.rate-limits.*}). A {@link Limit} allows
 * {@code capacity} requests at once and refills continuously, {@code capacity} per {@code period}.
 *
 * @param enabled   off only for load tests
 * @param maxKeys   most buckets held in memory; idle buckets are dropped long before that
 * @param anonymous per client address, for requests without a token
 * @param user      per signed-in user (token subject)
 * @param client    per client acting on its own behalf (client credentials, by {@code azp}) ...
 * @param clients   ... unless that client has its own quota here (ministry integrations)
 * @param endpoints stricter quotas on sensitive endpoints, counted per caller separately from the above
 * @param redis     where the buckets are shared between instances; in memory when its url is blank
 */
@ConfigurationProperties("egov.gateway.rate-limits")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100000") int maxKeys,
        Limit anonymous,
        Limit user,
        Limit client,
        Map<String, Limit> clients,
        List<Endpoint> endpoints,
        @DefaultValue Redis redis) {

    RateLimitProperties {
        Objects.requireNonNull(anonymous, "egov.gateway.rate-limits.anonymous");
        Objects.requireNonNull(user, "egov.gateway.rate-limits.user");
        Objects.requireNonNull(client, "egov.gateway.rate-limits.client");
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        if (maxKeys < 1) {
            throw new IllegalArgumentException("egov.gateway.rate-limits.max-keys must be positive");
        }
    }

    record Limit(int capacity, Duration period) {
        Limit {
            if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
            }
        }
    }

    /**
     * @param url       {@code redis://[user:password@]host:port[/database]} or {@code rediss://...} (TLS);
     *                  blank: each instance keeps its buckets in memory
     * @param keyPrefix start of every key, so that several deployments can share one Redis
     * @param timeout   longest wait for a decision from Redis before this instance decides alone
     */
    record Redis(
            String url,
            @DefaultValue("egov:gateway:rate-limit:") String keyPrefix,
            @DefaultValue("250ms") Duration timeout) {
        Redis {
            url = url == null ? "" : url.strip();
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("egov.gateway.rate-limits.redis.timeout must be positive");
            }
        }

        boolean enabled() {
            return !url.isEmpty();
        }

        /** Never the url itself: it may carry a password. */
        @Override
        public String toString() {
            return "Redis[url=" + (enabled() ? "(set)" : "") + ", keyPrefix=" + keyPrefix + ", timeout=" + timeout
                    + "]";
        }
    }

    /**
     * {@code path} is a Spring path pattern; {@code method} null means any method. {@code per}: counted per
     * caller (user, client or address, as the quotas above) or per client address whoever the caller is.
     * An endpoint outside {@code /api/**} (Keycloak's sign-in form under {@code /auth}) is limited only by
     * its rule here.
     */
    record Endpoint(
            String name,
            HttpMethod method,
            String path,
            @DefaultValue("caller") Per per,
            Limit limit) {
        Endpoint {
            per = per == null ? Per.CALLER : per;
            Objects.requireNonNull(name, "rate limit endpoint name");
            Objects.requireNonNull(path, "rate limit endpoint path");
            Objects.requireNonNull(limit, "rate limit endpoint limit");
        }
    }

    enum Per {
        CALLER,
        ADDRESS
    }
}

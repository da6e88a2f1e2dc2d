package vn.egov.gateway.ratelimit;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import vn.egov.gateway.caller.Caller;
import vn.egov.gateway.problem.Problems;

/**
 * Quotas on the public API ({@code /api/**}) and on the endpoints named in
 * {@code egov.gateway.rate-limits.endpoints} (also Keycloak's sign-in form under {@code /auth}, per client
 * address), answered with 429 {@code rate-limited} and {@code Retry-After} in seconds. The client address
 * is the one {@code ClientForwardedHeadersFilter} settled (a trusted proxy's {@code X-Forwarded-For}).
 *
 * <p>A plain {@link WebFilter} rather than Spring Cloud Gateway's {@code RequestRateLimiter}: the quota
 * depends on the caller (user, client with its own quota, anonymous address) <em>and</em> on the
 * endpoint, which is one policy here instead of a key resolver plus per-route filter arguments; the
 * gateway filter answers 429 with an empty body, whereas ours is a problem like every other error; and
 * a refused request is dropped before the circuit breaker buffers its body. It runs after edge
 * authentication ({@code Caller} is settled from the checked token), so an unauthenticated request
 * to a protected path is refused with 401 before it can use up anyone's quota.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");
    private static final PathPattern AUTH = PathPatternParser.defaultInstance.parse("/auth/**");

    private record Rule(RateLimitProperties.Endpoint endpoint, PathPattern pattern) {
        boolean matches(ServerHttpRequest request, PathContainer path) {
            return (endpoint.method() == null || endpoint.method().equals(request.getMethod()))
                    && pattern.matches(path);
        }
    }

    private final RateLimitProperties properties;
    private final RateLimitStore buckets;
    private final List<Rule> rules;
    private final Problems problems;

    RateLimitFilter(RateLimitProperties properties, RateLimitStore buckets, Problems problems) {
        this.properties = properties;
        this.problems = problems;
        this.buckets = buckets;
        this.rules = properties.endpoints().stream()
                .map(endpoint -> new Rule(endpoint, PathPatternParser.defaultInstance.parse(endpoint.path())))
                .toList();
    }

    @Override
    public int getOrder() {
        return -80; // after CallerFilter (-90), which runs after Spring Security (-100)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        Caller caller = Caller.of(exchange);
        if (!properties.enabled() || caller == null) {
            return chain.filter(exchange);
        }
        Rule rule = rules.stream()
                .filter(r -> r.matches(exchange.getRequest(), path))
                .findFirst()
                .orElse(null);
        if (rule == null && !API.matches(path)) {
            return chain.filter(exchange);
        }
        String callerKey = rule != null && rule.endpoint().per() == RateLimitProperties.Per.ADDRESS
                ? "ip:" + caller.address()
                : switch (caller.kind()) {
                    case USER -> "user:" + caller.subject();
                    case CLIENT -> "client:" + caller.clientId();
                    case ANONYMOUS -> "ip:" + caller.address();
                };
        String policy =
                rule != null ? rule.endpoint().name() : caller.kind().name().toLowerCase(Locale.ROOT);
        RateLimitProperties.Limit limit = rule != null ? rule.endpoint().limit() : limitFor(caller);
        return buckets.tryConsume(policy, callerKey, limit)
                .flatMap(decision ->
                        decision.allowed() ? chain.filter(exchange) : refuse(exchange, caller, policy, decision));
    }

    private Mono<Void> refuse(
            ServerWebExchange exchange, Caller caller, String policy, TokenBuckets.Decision decision) {
        // debug only (the access log records every 429 already); neither the address nor the subject is logged
        log.debug(
                "Rate limited: policy {}, {} caller{}",
                policy,
                caller.kind().name().toLowerCase(Locale.ROOT),
                caller.kind() == Caller.Kind.CLIENT ? " " + caller.clientId() : "");
        HttpHeaders requestHeaders = exchange.getRequest().getHeaders();
        if (requestHeaders.getContentLength() > 0 || requestHeaders.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            // The body is refused unread, so the connection cannot be reused for a next request: say so,
            // or a client may send its next (non-idempotent, never retried) request on a closing connection.
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        if (AUTH.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            // Keycloak's sign-in forms: a browser gets a page, not a JSON document
            return problems.writeForBrowser(
                    exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", decision.retryAfterSeconds());
        }
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited");
    }

    private RateLimitProperties.Limit limitFor(Caller caller) {
        return switch (caller.kind()) {
            case USER -> properties.user();
            case CLIENT -> properties.clients().getOrDefault(caller.clientId(), properties.client());
            case ANONYMOUS -> properties.anonymous();
        };
    }
}

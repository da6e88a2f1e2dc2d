package vn.egov.gateway.problem;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Remembers the path the client asked for, so that a problem written after an internal forward (the
 * circuit breaker's fallback) still names the client's request as its {@code instance}.
 */
@Component
class RequestPathRecorder implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes()
                .put(Problems.REQUEST_PATH_ATTR, exchange.getRequest().getPath().value());
        return chain.filter(exchange);
    }
}

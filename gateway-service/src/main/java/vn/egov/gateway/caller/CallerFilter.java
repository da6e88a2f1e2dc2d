package vn.egov.gateway.caller;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Settles the {@link Caller} once the token has been checked. It runs right after Spring Security's
 * filter chain ({@code -100}), whose exchange carries the authenticated principal. The caller is kept
 * in the exchange attributes, which every mutated copy of the exchange shares, so filters that wrap
 * this one (the access log) see it too.
 */
@Component
class CallerFilter implements WebFilter, Ordered {

    static final int ORDER = -90;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .map(principal -> Caller.of(principal, exchange.getRequest().getRemoteAddress()))
                .defaultIfEmpty(Caller.of(null, exchange.getRequest().getRemoteAddress()))
                .flatMap(caller -> {
                    exchange.getAttributes().put(Caller.ATTR, caller);
                    return chain.filter(exchange);
                });
    }
}

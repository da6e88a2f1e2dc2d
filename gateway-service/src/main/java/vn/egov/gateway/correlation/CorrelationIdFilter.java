package vn.egov.gateway.correlation;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * First filter of every request: settles the correlation id, passes it upstream, returns it to the
 * client and puts it in the Reactor context (from where {@link CorrelationLogging} copies it into the
 * MDC). It runs before security, so even a 401 carries the id.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = CorrelationId.accept(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER))
                .orElseGet(CorrelationId::generate);
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(CorrelationId.HEADER, id))
                .build();
        ServerWebExchange withId = exchange.mutate().request(request).build();
        withId.getAttributes().put(CorrelationId.KEY, id);
        // set just before the response is committed: an upstream that echoes the id must not make it appear twice
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(CorrelationId.HEADER, id);
            return Mono.empty();
        });
        return chain.filter(withId).contextWrite(Context.of(CorrelationId.KEY, id));
    }
}

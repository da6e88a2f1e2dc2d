package vn.egov.gateway.forwarding;

import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes forwarding headers that clients send. The gateway is the edge: nothing in front of it may
 * speak for the client, and Keycloak ({@code --proxy-headers=xforwarded}) and the services build
 * public URLs and client addresses from these headers. The gateway's own X-Forwarded-* are added
 * later, when the request is routed ({@code XForwardedHeadersFilter}).
 */
@Component
class ClientForwardedHeadersFilter implements WebFilter, Ordered {

    private static final String X_FORWARDED_PREFIX = "x-forwarded-";
    private static final List<String> NAMES = List.of("forwarded", "x-real-ip");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        List<String> forged = headers.headerNames().stream()
                .filter(ClientForwardedHeadersFilter::isForwarding)
                .toList();
        if (forged.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(mutable -> forged.forEach(mutable::remove))
                .build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    static boolean isForwarding(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return name.startsWith(X_FORWARDED_PREFIX) || NAMES.contains(name);
    }
}

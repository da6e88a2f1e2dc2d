package vn.egov.gateway.forwarding;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Settles the client's address and removes the forwarding headers that clients send. The gateway is the
 * edge: nothing in front of it may speak for the client, and Keycloak ({@code --proxy-headers=xforwarded})
 * and the services build public URLs and client addresses from these headers. The gateway's own
 * X-Forwarded-* are added later, when the request is routed ({@code XForwardedHeadersFilter}), from the
 * address settled here.
 *
 * <p>The one exception is a request arriving from a {@linkplain ForwardingProperties#trustedProxies() trusted
 * proxy} (a load balancer in front of the gateway): its {@code X-Forwarded-For} names the client
 * ({@link TrustedProxies#client}), and that address becomes the request's remote address, so that rate
 * limits count per client rather than one bucket for everyone behind the load balancer, and the upstreams
 * see the client. The headers themselves are still removed.
 */
@Component
@EnableConfigurationProperties(ForwardingProperties.class)
class ClientForwardedHeadersFilter implements WebFilter, Ordered {

    private static final String X_FORWARDED_PREFIX = "x-forwarded-";
    private static final List<String> NAMES = List.of("forwarded", "x-real-ip");
    private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1");

    private final TrustedProxies trusted;

    ClientForwardedHeadersFilter(ForwardingProperties properties, Environment environment) {
        List<String> ranges = new ArrayList<>(properties.trustedProxies());
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            ranges.addAll(LOOPBACK);
        }
        this.trusted = TrustedProxies.of(ranges);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        List<String> forged = headers.headerNames().stream()
                .filter(ClientForwardedHeadersFilter::isForwarding)
                .toList();
        if (forged.isEmpty()) {
            return chain.filter(exchange);
        }
        Optional<InetAddress> client = trusted.isEmpty() || request.getRemoteAddress() == null
                ? Optional.empty()
                : trusted.client(request.getRemoteAddress().getAddress(), headers.getValuesAsList("X-Forwarded-For"));
        ServerHttpRequest.Builder mutated = request.mutate().headers(mutable -> forged.forEach(mutable::remove));
        client.ifPresent(address -> mutated.remoteAddress(new InetSocketAddress(address, 0)));
        return chain.filter(exchange.mutate().request(mutated.build()).build());
    }

    static boolean isForwarding(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return name.startsWith(X_FORWARDED_PREFIX) || NAMES.contains(name);
    }
}

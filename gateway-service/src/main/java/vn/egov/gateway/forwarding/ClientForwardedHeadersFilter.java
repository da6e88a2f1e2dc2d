package vn.egov.gateway.forwarding;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
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
import org.springframework.web.util.UriComponentsBuilder;
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
 * see the client. The headers themselves are still removed. From a trusted hop the gateway also believes
 * {@code X-Forwarded-Proto} ({@code http} or {@code https}), {@code X-Forwarded-Host} (a host name or address, with
 * an optional port) and {@code X-Forwarded-Port}: they become the request's own scheme, host and port, so that the
 * gateway's X-Forwarded-* name the public origin (a balancer terminating TLS in front of it) and Keycloak and the
 * portal build {@code https://} addresses. Anything else in them is ignored, as from any other client.
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
        InetAddress hop = request.getRemoteAddress() == null
                ? null
                : request.getRemoteAddress().getAddress();
        boolean fromTrustedHop = !trusted.isEmpty() && trusted.trusts(hop);
        Optional<InetAddress> client =
                fromTrustedHop ? trusted.client(hop, headers.getValuesAsList("X-Forwarded-For")) : Optional.empty();
        Optional<URI> origin = fromTrustedHop ? publicOrigin(request.getURI(), headers) : Optional.empty();
        ServerHttpRequest.Builder mutated = request.mutate().headers(mutable -> {
            forged.forEach(mutable::remove);
            origin.ifPresent(uri -> mutable.set(
                    HttpHeaders.HOST, uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort()));
        });
        client.ifPresent(address -> mutated.remoteAddress(new InetSocketAddress(address, 0)));
        origin.ifPresent(mutated::uri);
        return chain.filter(exchange.mutate().request(mutated.build()).build());
    }

    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /**
     * The request's URI as the trusted hop's X-Forwarded-Proto/Host/Port name it (the last value of each, the hop's
     * own), or empty when none of them is usable.
     */
    static Optional<URI> publicOrigin(URI uri, HttpHeaders headers) {
        String scheme = last(headers, "X-Forwarded-Proto")
                .map(value -> value.toLowerCase(Locale.ROOT))
                .filter(value -> value.equals("http") || value.equals("https"))
                .orElse(null);
        String host = null;
        Integer port = null;
        Optional<String> forwardedHost = last(headers, "X-Forwarded-Host");
        if (forwardedHost.isPresent()) {
            String value = forwardedHost.get();
            int colon = value.lastIndexOf(':');
            String name = colon > 0 && !value.endsWith("]") ? value.substring(0, colon) : value;
            String hostPort = colon > 0 && !value.endsWith("]") ? value.substring(colon + 1) : null;
            if (HOST.matcher(name).matches() && name.length() <= 253 && (hostPort == null || validPort(hostPort))) {
                host = name;
                port = hostPort == null ? null : Integer.valueOf(hostPort);
            }
        }
        Optional<String> forwardedPort =
                last(headers, "X-Forwarded-Port").filter(ClientForwardedHeadersFilter::validPort);
        if (forwardedPort.isPresent()) {
            port = Integer.valueOf(forwardedPort.get());
        }
        if (scheme == null && host == null && port == null) {
            return Optional.empty();
        }
        String newScheme = scheme == null ? uri.getScheme() : scheme;
        int newPort = port != null ? port : (host != null || scheme != null ? -1 : uri.getPort());
        if ((newPort == 443 && "https".equals(newScheme)) || (newPort == 80 && "http".equals(newScheme))) {
            newPort = -1;
        }
        try {
            // the path and query stay as the client encoded them
            return Optional.of(UriComponentsBuilder.fromUri(uri)
                    .scheme(newScheme)
                    .host(host == null ? uri.getHost() : host)
                    .port(newPort)
                    .build(true)
                    .toUri());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static boolean validPort(String value) {
        return PORT.matcher(value).matches() && Integer.parseInt(value) > 0 && Integer.parseInt(value) <= 65535;
    }

    /** The last value (a hop appends its own), stripped, when the header has one. */
    private static Optional<String> last(HttpHeaders headers, String name) {
        List<String> values = headers.getValuesAsList(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String value = values.get(values.size() - 1).strip();
        return value.isEmpty() || value.length() > 260 ? Optional.empty() : Optional.of(value);
    }

    static boolean isForwarding(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return name.startsWith(X_FORWARDED_PREFIX) || NAMES.contains(name);
    }
}

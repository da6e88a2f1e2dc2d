package vn.egov.gateway.bodylimit;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.egov.gateway.problem.ProblemException;

/**
 * Caps request bodies per route (route metadata {@code max-body-size}, else
 * {@code egov.gateway.body-limit.default-max-size}) and answers 413 {@code payload-too-large}. A
 * declared Content-Length over the limit is refused before any byte is read; a chunked body is counted
 * as it arrives. It must run before {@code AdaptCachedBodyGlobalFilter} (HIGHEST_PRECEDENCE + 1000):
 * the circuit breaker's fallback makes the gateway buffer request bodies, and that buffer must never
 * grow past the limit.
 */
@Component
class BodyLimitFilter implements GlobalFilter, Ordered {

    static final String METADATA_KEY = "max-body-size";

    private final DataSize defaultMax;

    BodyLimitFilter(BodyLimitProperties properties) {
        this.defaultMax = properties.defaultMaxSize();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long max = limitFor(exchange.getAttribute(GATEWAY_ROUTE_ATTR));
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().getContentLength() > max) {
            return Mono.error(tooLarge());
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    AtomicLong seen = new AtomicLong();
                    return super.getBody().map(buffer -> {
                        if (seen.addAndGet(buffer.readableByteCount()) > max) {
                            DataBufferUtils.release(buffer);
                            throw tooLarge();
                        }
                        return buffer;
                    });
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    long limitFor(Route route) {
        Object configured = route != null ? route.getMetadata().get(METADATA_KEY) : null;
        return configured != null ? DataSize.parse(configured.toString()).toBytes() : defaultMax.toBytes();
    }

    private static ProblemException tooLarge() {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
    }
}

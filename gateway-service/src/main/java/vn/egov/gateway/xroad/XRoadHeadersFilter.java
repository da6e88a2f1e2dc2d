package vn.egov.gateway.xroad;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.egov.gateway.correlation.CorrelationLogging;
import vn.egov.gateway.problem.ProblemException;

/**
 * Refuses malformed X-Road headers with 400 {@code invalid-x-road-header} before anything else looks
 * at the request, and keeps the valid ones for the access log. Valid headers are passed on unchanged.
 */
@Component
class XRoadHeadersFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(XRoadHeadersFilter.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 4;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        try {
            XRoadHeaders.parse(exchange.getRequest().getHeaders())
                    .ifPresent(headers -> exchange.getAttributes().put(XRoadHeaders.ATTR, headers));
        } catch (IllegalArgumentException malformed) {
            return CorrelationLogging.logging(
                            exchange, () -> log.info("Refused malformed {} header", malformed.getMessage()))
                    .then(Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "invalid-x-road-header")));
        }
        return chain.filter(exchange);
    }
}

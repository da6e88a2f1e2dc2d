package vn.egov.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.egov.gateway.correlation.CorrelationLogging;
import vn.egov.gateway.problem.Problems;

/**
 * Where a route's circuit breaker forwards when the upstream cannot answer (down, timed out, breaker
 * open). Mapped for every HTTP method: a POST whose upstream is down gets the same 503 problem as a GET.
 */
@Hidden
@RestController
class FallbackController {

    static final String RETRY_AFTER_SECONDS = "10";
    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final Problems problems;

    FallbackController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback/upstream")
    Mono<Void> upstreamUnavailable(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String path = Problems.requestPath(exchange);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return CorrelationLogging.logging(
                        exchange,
                        () -> log.warn(
                                "Upstream unavailable: route {} for {} {}: {}",
                                route != null ? route.getId() : "?",
                                exchange.getRequest().getMethod(),
                                path,
                                cause != null ? cause.toString() : "unknown cause"))
                .then(Mono.defer(
                        () -> problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable")));
    }
}

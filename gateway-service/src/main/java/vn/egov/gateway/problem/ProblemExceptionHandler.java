package vn.egov.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import vn.egov.gateway.correlation.CorrelationLogging;

/**
 * Turns every error the gateway raises itself (no route, body too large, an upstream timeout that
 * escaped the circuit breaker, a bug) into a problem response. Ordered before Boot's
 * {@code DefaultErrorWebExceptionHandler} (-1), which would answer with its own JSON shape.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final Problems problems;

    ProblemExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatusCode status;
        String code;
        if (ex instanceof ProblemException problem) {
            status = problem.getStatusCode();
            code = problem.code();
        } else if (ex instanceof ResponseStatusException rse) {
            status = rse.getStatusCode();
            code = codeFor(status);
            exchange.getResponse().getHeaders().putAll(rse.getHeaders());
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            code = codeFor(status);
        }
        Mono<Void> logged;
        if (status.is5xxServerError()) {
            logged = CorrelationLogging.logging(
                    exchange,
                    () -> log.error(
                            "{} {} failed: {}",
                            exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(),
                            ex.toString(),
                            ex));
        } else if (log.isDebugEnabled()) {
            logged = CorrelationLogging.logging(
                    exchange,
                    () -> log.debug(
                            "{} {} answered {}: {}",
                            exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(),
                            status.value(),
                            ex.toString()));
        } else {
            logged = Mono.empty();
        }
        return logged.then(Mono.defer(() -> problems.write(exchange, status, code)));
    }

    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 502, 503 -> "upstream-unavailable";
            case 504 -> "upstream-timeout";
            default -> status.is4xxClientError() ? "bad-request" : "internal-error";
        };
    }
}

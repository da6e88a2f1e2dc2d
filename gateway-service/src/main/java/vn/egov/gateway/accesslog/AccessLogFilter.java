package vn.egov.gateway.accesslog;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import vn.egov.gateway.caller.Caller;
import vn.egov.gateway.correlation.CorrelationId;
import vn.egov.gateway.correlation.CorrelationLogging;
import vn.egov.gateway.problem.Problems;
import vn.egov.gateway.xroad.XRoadHeaders;

/**
 * One line per request on the logger {@code vn.egov.gateway.access}: method, path without its query,
 * status, duration until the response head was sent, correlation id, the client ({@code azp}) when a
 * token was checked, and valid X-Road client and issue. Deliberately absent: the query string (a
 * lookup may carry a CCCD there), every header value ({@code Authorization}, cookies,
 * {@code X-Road-UserId}), the user's subject and address.
 *
 * <p>The line is written when the response is committed rather than when the filter chain completes:
 * errors (401 from security, 413, 400, 5xx) are turned into responses by exception handlers outside
 * the filter chain, and only at commit is their status known.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

    static final Logger log = LoggerFactory.getLogger("vn.egov.gateway.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3; // inside the correlation id filter, around everything else
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!log.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        AtomicBoolean logged = new AtomicBoolean();
        exchange.getResponse().beforeCommit(() -> {
            if (logged.compareAndSet(false, true)) {
                return CorrelationLogging.logging(
                        exchange,
                        () -> log.info(line(exchange, exchange.getResponse().getStatusCode(), start)));
            }
            return Mono.empty();
        });
        return Mono.deferContextual(context -> chain.filter(exchange).doFinally(signal -> {
            // a client that went away before the response started
            if (signal == SignalType.CANCEL && logged.compareAndSet(false, true)) {
                CorrelationLogging.log(
                        exchange, context, () -> log.info(line(exchange, null, start) + " cancelled=true"));
            }
        }));
    }

    static String line(ServerWebExchange exchange, HttpStatusCode status, long start) {
        ServerHttpRequest request = exchange.getRequest();
        StringBuilder line = new StringBuilder(160)
                .append("method=")
                .append(request.getMethod().name())
                // the raw path: percent-encoded, so it cannot break the line; never the query
                .append(" path=")
                .append(Problems.requestPath(exchange))
                .append(" status=")
                .append(status != null ? Integer.toString(status.value()) : "-")
                .append(" durationMs=")
                .append(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .append(" correlationId=")
                .append(orDash(CorrelationId.of(exchange)));
        Caller caller = Caller.of(exchange);
        line.append(" client=").append(orDash(caller != null ? caller.clientId() : null));
        XRoadHeaders xRoad = XRoadHeaders.of(exchange);
        if (xRoad != null) {
            line.append(" xRoadClient=")
                    .append(orDash(xRoad.client()))
                    .append(" xRoadIssue=")
                    .append(xRoad.issue() != null ? '"' + xRoad.issue() + '"' : "-")
                    .append(" xRoadUserId=")
                    .append(xRoad.userId() ? "present" : "-");
        }
        return line.toString();
    }

    private static String orDash(String value) {
        return value != null ? value : "-";
    }
}

package vn.egov.gateway.correlation;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Makes the correlation id and the trace visible to the gateway's own log lines (the pattern,
 * {@code logging.pattern.correlation}, prints {@code traceId}, {@code spanId} and {@code correlationId} from the MDC).
 *
 * <p>Explicitly, where the gateway logs (the access log, the breaker's fallback, errors), and not with Reactor's
 * automatic context propagation ({@code Hooks.enableAutomaticContextPropagation()}), which the gateway used before
 * decision 31: that hook restores every thread local around every operator of every request, and profiling the
 * gateway under load found it in ~16% of the CPU samples, for log lines written once per request.
 */
@Configuration(proxyBeanMethods = false)
public class CorrelationLogging {

    private static final ContextSnapshotFactory SNAPSHOTS =
            ContextSnapshotFactory.builder().build();

    CorrelationLogging() {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        CorrelationId.KEY,
                        () -> MDC.get(CorrelationId.KEY),
                        value -> MDC.put(CorrelationId.KEY, value),
                        () -> MDC.remove(CorrelationId.KEY));
    }

    /**
     * Runs {@code logging} with the request's trace (the observation in the Reactor context: its span in scope puts
     * {@code traceId} and {@code spanId} into the MDC) and its correlation id (from the exchange, so that errors
     * handled outside the filter chain, where the Reactor context no longer has it, carry it too), then restores the
     * thread's MDC.
     */
    public static void log(ServerWebExchange exchange, ContextView context, Runnable logging) {
        try (ContextSnapshot.Scope trace = SNAPSHOTS.setThreadLocalsFrom(context)) {
            String id = CorrelationId.of(exchange);
            String previous = MDC.get(CorrelationId.KEY);
            if (id != null) {
                MDC.put(CorrelationId.KEY, id);
            }
            try {
                logging.run();
            } finally {
                if (previous != null) {
                    MDC.put(CorrelationId.KEY, previous);
                } else {
                    MDC.remove(CorrelationId.KEY);
                }
            }
        }
    }

    /** {@link #log} as a step of the request's pipeline, where the Reactor context is at hand. */
    public static Mono<Void> logging(ServerWebExchange exchange, Runnable logging) {
        return Mono.deferContextual(context -> {
            log(exchange, context, logging);
            return Mono.empty();
        });
    }
}

package vn.egov.gateway.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Hooks;

/**
 * Makes the correlation id visible to logging: Reactor restores the MDC entry from the subscriber
 * context on whichever thread runs an operator (automatic context propagation), and the log pattern
 * ({@code logging.pattern.correlation}) prints it.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationLogging {

    CorrelationLogging() {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        CorrelationId.KEY,
                        () -> MDC.get(CorrelationId.KEY),
                        value -> MDC.put(CorrelationId.KEY, value),
                        () -> MDC.remove(CorrelationId.KEY));
        Hooks.enableAutomaticContextPropagation();
    }
}

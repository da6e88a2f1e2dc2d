package vn.egov.commons.tracing;

import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.egov.commons.web.CorrelationIdFilter;

/**
 * Puts the request's correlation id (chosen by {@link CorrelationIdFilter}) into the trace as baggage, inside the
 * server span that Spring's observation filter opened: from then on the tracer keeps it in the logging context
 * ({@code correlationId}) and the trace carries it on (Kafka records sent in the request, calls made from it).
 * Without this the tracer, which owns that logging key, would clear it when the server span's scope opens.
 */
public class CorrelationBaggageFilter extends OncePerRequestFilter {

    private final Tracer tracer;

    public CorrelationBaggageFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = CorrelationIdFilter.current(request);
        if (id == null || tracer.currentSpan() == null) {
            chain.doFilter(request, response);
            return;
        }
        try (BaggageInScope baggage = tracer.createBaggageInScope(CorrelationIdFilter.MDC_KEY, id)) {
            MDC.put(CorrelationIdFilter.MDC_KEY, id);
            chain.doFilter(request, response);
        }
    }
}

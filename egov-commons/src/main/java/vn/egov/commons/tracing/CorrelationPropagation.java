package vn.egov.commons.tracing;

import org.slf4j.MDC;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import vn.egov.commons.web.CorrelationIdFilter;

/**
 * Passes the caller's correlation id ({@code X-Correlation-Id}, from the logging context) on a service-to-service
 * call made with a Spring-built {@code RestClient}, so the callee's {@link CorrelationIdFilter} keeps it instead of
 * making a new one. The trace context itself travels in {@code traceparent}, added by the client's observation.
 */
public class CorrelationPropagation implements ClientHttpRequestInterceptor {

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws java.io.IOException {
        String id = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (id != null && !request.getHeaders().containsHeader(CorrelationIdFilter.HEADER)) {
            request.getHeaders().set(CorrelationIdFilter.HEADER, id);
        }
        return execution.execute(request, body);
    }
}

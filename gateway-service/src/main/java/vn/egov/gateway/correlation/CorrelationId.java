package vn.egov.gateway.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/**
 * The id that ties together the log lines of one request across the gateway and the services. A
 * client may choose it ({@code X-Correlation-Id}) as long as it is a short, log-safe token; anything
 * else is replaced, so a caller can never inject text into the logs or the upstream headers.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    /** Key in the exchange attributes, the Reactor context and the logging MDC. */
    public static final String KEY = "correlationId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationId() {}

    /** The client's id when it is acceptable. */
    static Optional<String> accept(String given) {
        return given != null && SAFE.matcher(given).matches() ? Optional.of(given) : Optional.empty();
    }

    static String generate() {
        return UUID.randomUUID().toString();
    }

    /** The current request's id, or {@code null} before {@link CorrelationIdFilter} ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(KEY);
    }
}

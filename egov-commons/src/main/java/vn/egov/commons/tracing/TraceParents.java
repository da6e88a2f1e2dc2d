package vn.egov.commons.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W3C {@code traceparent} values (version 00) from and to Micrometer's trace contexts: what the outbox writes into
 * a CloudEvent at publish time and what the relay continues when it sends the event later, on another thread.
 */
public final class TraceParents {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);

    private TraceParents() {}

    /** The traceparent of {@code context}, or null when it is not a real (recording or remote) context. */
    public static String of(TraceContext context) {
        if (context == null) {
            return null;
        }
        String traceId = context.traceId();
        String spanId = context.spanId();
        if (traceId == null || traceId.length() != 32 || traceId.equals(INVALID_TRACE)) {
            return null;
        }
        if (spanId == null || spanId.length() != 16 || spanId.equals(INVALID_SPAN)) {
            return null;
        }
        return "00-" + traceId + "-" + spanId + "-" + (Boolean.FALSE.equals(context.sampled()) ? "00" : "01");
    }

    /** The current span's traceparent, or null when nothing is being traced on this thread. */
    public static String current(Tracer tracer) {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        return span == null ? null : of(span.context());
    }

    /** A remote parent for {@code tracer}'s next span, or null when {@code traceparent} is absent or malformed. */
    public static TraceContext parse(Tracer tracer, String traceparent) {
        if (tracer == null || traceparent == null) {
            return null;
        }
        Matcher m = TRACEPARENT.matcher(traceparent);
        if (!m.matches() || m.group(1).equals(INVALID_TRACE) || m.group(2).equals(INVALID_SPAN)) {
            return null;
        }
        boolean sampled = (Integer.parseInt(m.group(3), 16) & 1) == 1;
        return tracer.traceContextBuilder()
                .traceId(m.group(1))
                .spanId(m.group(2))
                .sampled(sampled)
                .build();
    }
}

package vn.egov.platform.journeys;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector's front door, in the test JVM: {@code POST /v1/traces} with an OTLP/HTTP protobuf body
 * (what the services' exporter sends when {@code EGOV_OTLP_ENDPOINT} points here), decoded with the official
 * {@code opentelemetry-proto} classes into {@link ReceivedSpan}s. The journeys' platform exports here for the whole
 * run, so only the latest {@value #KEPT} spans are kept: a trace test looks at what it caused a moment ago.
 */
final class OtlpReceiver implements AutoCloseable {

    static final int KEPT = 200_000;

    /** One exported span, as a collector sees it: ids in lowercase hex, the exporting service's name. */
    record ReceivedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            Kind kind,
            Map<String, String> attributes) {

        boolean isRoot() {
            return parentSpanId.isEmpty();
        }

        /** Everything the span says: its name and every attribute, key and value. */
        String text() {
            return name + " " + attributes;
        }

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "' " + spanId + (isRoot() ? " (root)" : " <- " + parentSpanId);
        }
    }

    enum Kind {
        UNSPECIFIED,
        INTERNAL,
        SERVER,
        CLIENT,
        PRODUCER,
        CONSUMER
    }

    private final HttpServer server;
    private final Deque<ReceivedSpan> spans = new ArrayDeque<>();
    private long requests;
    private long refused;

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port} (0: a free port). */
    static OtlpReceiver start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/v1/traces", receiver::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return receiver;
    }

    /** The value for a service's {@code EGOV_OTLP_ENDPOINT}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod())
                    || type == null
                    || !type.startsWith("application/x-protobuf")) {
                // a JSON-encoded or gRPC export would be a change of the services' exporter: refused, and counted
                synchronized (this) {
                    refused++;
                }
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body =
                    "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                            ? new GZIPInputStream(exchange.getRequestBody())
                            : exchange.getRequestBody()) {
                request = ExportTraceServiceRequest.parseFrom(body);
            }
            List<ReceivedSpan> received = decode(request);
            synchronized (this) {
                requests++;
                for (ReceivedSpan span : received) {
                    spans.addLast(span);
                    if (spans.size() > KEPT) {
                        spans.removeFirst();
                    }
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.sendResponseHeaders(200, -1);
        } finally {
            exchange.close();
        }
    }

    private static List<ReceivedSpan> decode(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        return request.getResourceSpansList().stream()
                .flatMap((ResourceSpans resource) -> {
                    String service = attributes(resource.getResource().getAttributesList())
                            .getOrDefault("service.name", "?");
                    return resource.getScopeSpansList().stream()
                            .flatMap((ScopeSpans scope) -> scope.getSpansList().stream())
                            .map(span -> new ReceivedSpan(
                                    service,
                                    hex.formatHex(span.getTraceId().toByteArray()),
                                    hex.formatHex(span.getSpanId().toByteArray()),
                                    hex.formatHex(span.getParentSpanId().toByteArray()),
                                    span.getName(),
                                    kind(span.getKindValue()),
                                    attributes(span.getAttributesList())));
                })
                .toList();
    }

    private static Kind kind(int value) {
        Kind[] kinds = Kind.values();
        return value >= 0 && value < kinds.length ? kinds[value] : Kind.UNSPECIFIED;
    }

    private static Map<String, String> attributes(List<KeyValue> list) {
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValue kv : list) {
            map.put(kv.getKey(), text(kv.getValue()));
        }
        return map;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString().strip();
        };
    }

    /** The spans of one trace received so far. */
    synchronized List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    /** Every span received so far (the latest {@value #KEPT}). */
    synchronized List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** Export requests accepted, and refused (not OTLP/HTTP protobuf). */
    synchronized String counts() {
        return requests + " export requests, " + spans.size() + " spans kept, " + refused + " refused";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

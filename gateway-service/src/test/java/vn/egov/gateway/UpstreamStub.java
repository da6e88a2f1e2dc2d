package vn.egov.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP upstream for gateway tests: records every request it receives (method, path, query,
 * headers, body size) and answers 200 with a small JSON echo. Paths can be made slow or made to
 * answer as a server-sent event stream.
 */
final class UpstreamStub implements AutoCloseable {

    record Received(
            String service,
            String method,
            String path,
            String query,
            Map<String, List<String>> headers,
            int bodyLength) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> headerValues(String name) {
            return headers.getOrDefault(name, List.of());
        }
    }

    private interface Behaviour {
        void respond(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final String service;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();

    private UpstreamStub(String service) {
        this.service = service;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static UpstreamStub start(String service) {
        return new UpstreamStub(service);
    }

    /** A URL where nothing listens: connections are refused. */
    static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code path} only after {@code delay}. */
    UpstreamStub slow(String path, Duration delay) {
        behaviours.put(path, exchange -> {
            Thread.sleep(delay.toMillis());
            echo(exchange);
        });
        return this;
    }

    /** Drops the connection on {@code path} without answering (the gateway sees it closed prematurely). */
    UpstreamStub hangsUp(String path) {
        behaviours.put(path, exchange -> {});
        return this;
    }

    /**
     * Drops the connection on the first request for {@code path} with a given correlation id, and
     * answers the next ones: a connection that failed once, as a stale pooled connection does.
     */
    UpstreamStub hangsUpOnFirstAttempt(String path) {
        behaviours.put(path, exchange -> {
            String id = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
            if (received.stream()
                            .filter(r -> id != null && id.equals(r.header("X-Correlation-Id")))
                            .count()
                    > 1) {
                echo(exchange);
            }
        });
        return this;
    }

    /** Answers {@code path} like any other path, with these extra response headers. */
    UpstreamStub answersWithHeaders(String path, Map<String, String> headers) {
        behaviours.put(path, exchange -> {
            headers.forEach(exchange.getResponseHeaders()::add);
            echo(exchange);
        });
        return this;
    }

    /** Answers {@code path} with this status and an empty body. */
    UpstreamStub answers(String path, int status) {
        behaviours.put(path, exchange -> exchange.sendResponseHeaders(status, -1));
        return this;
    }

    /** Every request this stub received with this correlation id (retries included). */
    List<Received> requestsWith(String correlationId) {
        return received.stream()
                .filter(r -> correlationId.equals(r.header("X-Correlation-Id")))
                .toList();
    }

    /** Answers {@code path} with this JSON body. */
    UpstreamStub json(String path, String body) {
        behaviours.put(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        });
        return this;
    }

    /** Answers {@code path} after {@code delay} as an event stream with one event {@code data}. */
    UpstreamStub eventStream(String path, Duration delay, String data) {
        behaviours.put(path, exchange -> {
            Thread.sleep(delay.toMillis());
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        });
        return this;
    }

    /** The request the gateway relayed with this correlation id. */
    Optional<Received> requestWith(String correlationId) {
        return received.stream()
                .filter(r -> correlationId.equals(r.header("X-Correlation-Id")))
                .findFirst();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int length = exchange.getRequestBody().readAllBytes().length;
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            received.add(new Received(
                    service,
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    headers,
                    length));
            Behaviour behaviour = behaviours.get(exchange.getRequestURI().getPath());
            if (behaviour != null) {
                behaviour.respond(exchange);
            } else {
                echo(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void echo(HttpExchange exchange) throws IOException {
        byte[] body = ("{\"service\":\"%s\",\"method\":\"%s\",\"path\":\"%s\"}"
                        .formatted(
                                service,
                                exchange.getRequestMethod(),
                                exchange.getRequestURI().getRawPath()))
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

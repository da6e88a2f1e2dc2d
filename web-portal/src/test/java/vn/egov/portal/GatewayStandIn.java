package vn.egov.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway as the live inbox's tests need it: a real HTTP server whose {@code GET /api/v1/notifications/stream}
 * stays open like notification-service's (server-sent events, An's token only, a cap of streams like its
 * {@code too-many-streams}), pushes an {@code event: notification} when a test says so, and writes a comment every
 * 100 ms, so that it notices a stream the portal closed (the write fails). Every other request goes on to the
 * public API's WireMock stand-in unchanged, so the pages' stubs still answer.
 */
final class GatewayStandIn {

    /** The streams open now, with the request headers each came with. */
    record Stream(HttpExchange exchange, Map<String, List<String>> headers) {}

    final Set<Stream> open = ConcurrentHashMap.newKeySet();
    final AtomicInteger closed = new AtomicInteger();
    final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();
    volatile int maxStreams = 3;

    private final HttpServer server;
    private final String token;
    private final HttpClient forward = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gateway-stand-in-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    GatewayStandIn(String publicApi, String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "gateway-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/api/v1/notifications/stream", this::stream);
        server.createContext("/", exchange -> forward(publicApi, exchange));
        server.start();
        heartbeats.scheduleAtFixedRate(() -> write(": heartbeat\n\n"), 100, 100, TimeUnit.MILLISECONDS);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Pushes a new inbox item to every open stream, as notification-service does (its whole item). */
    void emit(String id, String title, String body) {
        write("id: " + id + "\nevent: notification\ndata: {\"id\":\"" + id + "\",\"kind\":\"DOSSIER_RECEIVED\","
                + "\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"link\":\"/ho-so/X\","
                + "\"createdAt\":\"2026-12-04T09:00:00Z\"}\n\n");
    }

    /** Ends every open stream from this side, as notification-service does after its time limit. */
    void endAll() {
        for (Stream stream : open) {
            if (open.remove(stream)) {
                stream.exchange().close();
            }
        }
    }

    void reset() {
        endAll();
        requests.clear();
        closed.set(0);
        maxStreams = 3;
    }

    void stop() {
        heartbeats.shutdownNow();
        server.stop(0);
    }

    private void stream(HttpExchange exchange) throws IOException {
        requests.add(Map.copyOf(exchange.getRequestHeaders()));
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"code\":\"unauthorized\"}");
            return;
        }
        if (open.size() >= maxStreams) {
            answer(exchange, 429, "{\"code\":\"too-many-streams\",\"maxStreams\":" + maxStreams + "}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        Stream stream = new Stream(exchange, Map.copyOf(exchange.getRequestHeaders()));
        send(stream, ": connected\nretry: 3000\n\n");
        open.add(stream);
    }

    private void write(String text) {
        for (Stream stream : open) {
            send(stream, text);
        }
    }

    private void send(Stream stream, String text) {
        try {
            synchronized (stream) {
                OutputStream body = stream.exchange().getResponseBody();
                body.write(text.getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        } catch (IOException gone) {
            // the portal closed this stream
            if (open.remove(stream)) {
                closed.incrementAndGet();
                stream.exchange().close();
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String problem) throws IOException {
        byte[] body = problem.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void forward(String publicApi, HttpExchange exchange) throws IOException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(publicApi + exchange.getRequestURI()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!Set.of("host", "connection", "content-length", "transfer-encoding", "upgrade")
                        .contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            request.method(
                    exchange.getRequestMethod(),
                    body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> answer = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!Set.of("connection", "content-length", "transfer-encoding").contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }
}

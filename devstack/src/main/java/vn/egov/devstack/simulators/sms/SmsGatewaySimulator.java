package vn.egov.devstack.simulators.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.devstack.simulators.SimulatorJson;

import static vn.egov.devstack.simulators.SimulatorJson.quote;
import static vn.egov.devstack.simulators.SimulatorJson.respond;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an SMS gateway (a telecom's brand-name SMS API): plain JDK HTTP server on 127.0.0.1,
 * port {@value #DEFAULT_PORT} by default. It records every message it accepts so that a person (or a
 * test) can read what would have reached a phone.
 *
 * <ul>
 *   <li>{@code POST /api/sms} {@code {"to","text","reference"}} (header {@code X-Api-Key} when the
 *       simulator was given a key) → 202 {@code {"id","status":"ACCEPTED"}}; 400 without {@code to} or
 *       {@code text}; 401 with a wrong key; 503 while failing on demand</li>
 *   <li>{@code GET /api/sms} → every message received, oldest first</li>
 *   <li>{@code DELETE /api/sms} → forgets them</li>
 *   <li>{@code POST /api/sms/failures?count=N} → answers the next N sends with 503 ({@code count=-1}: until
 *       {@code count=0})</li>
 *   <li>{@code GET /health} → {@code {"status":"UP","messages":N}}</li>
 * </ul>
 */
public final class SmsGatewaySimulator implements AutoCloseable {

    public static final int DEFAULT_PORT = 8091;

    /** One message as the gateway received it. */
    public record Sms(String id, String to, String text, String reference, Instant receivedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(SmsGatewaySimulator.class);

    private final int requestedPort;
    private final String apiKey;
    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;

    /** @param apiKey the key callers must send in {@code X-Api-Key}, or null to accept any caller */
    public SmsGatewaySimulator(int port, String apiKey) {
        this.requestedPort = port;
        this.apiKey = apiKey;
    }

    public SmsGatewaySimulator(int port) {
        this(port, null);
    }

    public synchronized SmsGatewaySimulator start() throws IOException {
        if (server != null) {
            return this;
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sms-gateway");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/api/sms/failures", this::failures);
        server.createContext("/api/sms", this::sms);
        server.createContext("/health", ex -> respond(ex, 200,
                "{\"status\":\"UP\",\"messages\":" + received.size() + "}"));
        server.start();
        log.info("SMS gateway simulator on {}", baseUrl());
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized int port() {
        return server != null ? server.getAddress().getPort() : requestedPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Every message accepted so far, oldest first. */
    public List<Sms> received() {
        return List.copyOf(received);
    }

    public List<Sms> receivedBy(String to) {
        return received.stream().filter(s -> s.to().equals(to)).toList();
    }

    public void clear() {
        received.clear();
    }

    /** The next {@code count} sends are answered 503 ({@code -1}: every send until called with 0). */
    public void failNext(int count) {
        failuresToCome.set(count);
    }

    // ------------------------------------------------------------------ handlers

    private void sms(HttpExchange ex) throws IOException {
        switch (ex.getRequestMethod()) {
            case "GET" -> respond(ex, 200, list());
            case "DELETE" -> {
                received.clear();
                respond(ex, 204, null);
            }
            case "POST" -> accept(ex);
            default -> respond(ex, 405, "{\"error\":\"method_not_allowed\"}");
        }
    }

    private void accept(HttpExchange ex) throws IOException {
        if (apiKey != null && !apiKey.equals(ex.getRequestHeaders().getFirst("X-Api-Key"))) {
            respond(ex, 401, "{\"error\":\"unauthorized\"}");
            return;
        }
        int failures = failuresToCome.get();
        if (failures < 0 || (failures > 0 && failuresToCome.compareAndSet(failures, failures - 1))) {
            respond(ex, 503, "{\"error\":\"unavailable\"}");
            return;
        }
        Map<String, String> body;
        try (InputStream in = ex.getRequestBody()) {
            body = SimulatorJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            respond(ex, 400, "{\"error\":\"bad_request\"}");
            return;
        }
        String to = body.get("to");
        String text = body.get("text");
        if (to == null || to.isBlank() || text == null || text.isBlank()) {
            respond(ex, 400, "{\"error\":\"bad_request\",\"detail\":\"to and text are required\"}");
            return;
        }
        Sms sms = new Sms(UUID.randomUUID().toString(), to.strip(), text, body.get("reference"), Instant.now());
        received.add(sms);
        // a stand-in: the number is synthetic test data, but still only its tail is logged
        log.info("SMS {} accepted for ...{}", sms.id(), to.length() > 3 ? to.substring(to.length() - 3) : "");
        respond(ex, 202, "{\"id\":\"" + sms.id() + "\",\"status\":\"ACCEPTED\"}");
    }

    private void failures(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            respond(ex, 405, "{\"error\":\"method_not_allowed\"}");
            return;
        }
        String query = ex.getRequestURI().getQuery();
        try {
            int count = query != null && query.startsWith("count=") ? Integer.parseInt(query.substring(6)) : 1;
            failNext(count);
            respond(ex, 200, "{\"failNext\":" + count + "}");
        } catch (NumberFormatException e) {
            respond(ex, 400, "{\"error\":\"bad_request\"}");
        }
    }

    private String list() {
        List<String> items = new ArrayList<>();
        for (Sms s : received) {
            items.add("{\"id\":" + quote(s.id()) + ",\"to\":" + quote(s.to()) + ",\"text\":" + quote(s.text())
                    + ",\"reference\":" + quote(s.reference()) + ",\"receivedAt\":" + quote(s.receivedAt().toString()) + "}");
        }
        return "[" + String.join(",", items) + "]";
    }

    // ------------------------------------------------------------------ main

    /** {@code --port N} (8091), {@code --api-key K} (none: any caller); runs until stopped. */
    public static void main(String[] args) throws Exception {
        int port = DEFAULT_PORT;
        String key = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--api-key" -> key = args[++i];
                default -> {
                    System.err.println("usage: SmsGatewaySimulator [--port N] [--api-key K]");
                    System.exit(2);
                }
            }
        }
        SmsGatewaySimulator simulator = new SmsGatewaySimulator(port, key).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "sms-gateway-shutdown"));
        stopped.await();
    }
}

package vn.egov.devstack.simulators.sms;

import static vn.egov.devstack.simulators.SimulatorJson.quote;
import static vn.egov.devstack.simulators.SimulatorJson.respond;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.devstack.simulators.SimulatorBinding;
import vn.egov.devstack.simulators.SimulatorJson;

/**
 * A stand-in for an SMS gateway (a telecom's brand-name SMS API): plain JDK HTTP server on 127.0.0.1,
 * port {@value #DEFAULT_PORT} by default. It records every message it accepts so that a person (or a
 * test) can read what would have reached a phone.
 *
 * <ul>
 *   <li>{@code POST /api/sms} {@code {"to","text","reference"}} (header {@code X-Api-Key} when the
 *       simulator was given a key) → 202 {@code {"id","status":"ACCEPTED"}}; 400 without {@code to} or
 *       {@code text}; 401 with a wrong key; 503 while failing on demand</li>
 *   <li>delivery receipts: a message is {@code DELIVERED} to the handset {@code deliveryDelay} after it was
 *       accepted (or {@code UNDELIVERABLE} when {@link #failDeliveries(int)} asked so); with a receipt URL
 *       configured, the simulator then {@code POST}s {@code {"id","reference","status","deliveredAt"}} to it
 *       with header {@code X-Api-Key: <receipt key>} (tried 5 times, 1 s apart, until a 2xx)</li>
 *   <li>{@code GET /api/sms/{id}} → the message's status: {@code {"id","reference","status"}}
 *       ({@code ACCEPTED}, {@code DELIVERED}, {@code UNDELIVERABLE}); 404 for an unknown id</li>
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
    public record Sms(String id, String to, String text, String reference, Instant receivedAt) {}

    /** Where delivery receipts go: URL, the key sent in {@code X-Api-Key}, and the handset's delay. */
    public record Receipts(String url, String key, java.time.Duration deliveryDelay) {}

    private static final Logger log = LoggerFactory.getLogger(SmsGatewaySimulator.class);

    private final int requestedPort;
    private final String apiKey;
    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private final AtomicInteger undeliverableToCome = new AtomicInteger();
    private final Map<String, String> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> receiptAnswers = new CopyOnWriteArrayList<>();
    private volatile Receipts receipts = new Receipts(null, null, java.time.Duration.ofMillis(300));
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(2))
            .build();
    private HttpServer server;
    private ExecutorService executor;
    private java.util.concurrent.ScheduledExecutorService scheduler;

    /** @param apiKey the key callers must send in {@code X-Api-Key}, or null to accept any caller */
    public SmsGatewaySimulator(int port, String apiKey) {
        this.requestedPort = port;
        this.apiKey = apiKey;
    }

    public SmsGatewaySimulator(int port) {
        this(port, null);
    }

    /** Sends delivery receipts to {@code url} (null: none, status queries only). */
    public SmsGatewaySimulator receipts(String url, String key, java.time.Duration deliveryDelay) {
        this.receipts = new Receipts(url, key, deliveryDelay);
        return this;
    }

    public synchronized SmsGatewaySimulator start() throws IOException {
        if (server != null) {
            return this;
        }
        server = HttpServer.create(new InetSocketAddress(SimulatorBinding.address(), requestedPort), 0);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sms-gateway");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sms-gateway-receipts");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/api/sms/failures", this::failures);
        server.createContext("/api/sms", this::sms);
        server.createContext(
                "/health", ex -> respond(ex, 200, "{\"status\":\"UP\",\"messages\":" + received.size() + "}"));
        server.start();
        log.info("SMS gateway simulator on {}", baseUrl());
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            scheduler.shutdownNow();
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

    /** The message's status: ACCEPTED, DELIVERED or UNDELIVERABLE (null for an unknown id). */
    public String status(String id) {
        return statuses.get(id);
    }

    /** The next {@code count} accepted messages are reported UNDELIVERABLE instead of DELIVERED. */
    public void failDeliveries(int count) {
        undeliverableToCome.set(count);
    }

    /** HTTP statuses the receipt URL answered, oldest first. */
    public List<String> receiptAnswers() {
        return List.copyOf(receiptAnswers);
    }

    /** The next {@code count} sends are answered 503 ({@code -1}: every send until called with 0). */
    public void failNext(int count) {
        failuresToCome.set(count);
    }

    // ------------------------------------------------------------------ handlers

    private void sms(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.length() > "/api/sms/".length() && path.startsWith("/api/sms/")) {
            String id = path.substring("/api/sms/".length());
            String status = statuses.get(id);
            if (!"GET".equals(ex.getRequestMethod())) {
                respond(ex, 405, "{\"error\":\"method_not_allowed\"}");
            } else if (status == null) {
                respond(ex, 404, "{\"error\":\"not_found\"}");
            } else {
                String reference = received.stream()
                        .filter(s -> s.id().equals(id))
                        .map(Sms::reference)
                        .findFirst()
                        .orElse(null);
                respond(
                        ex,
                        200,
                        "{\"id\":" + quote(id) + ",\"reference\":" + quote(reference) + ",\"status\":" + quote(status)
                                + "}");
            }
            return;
        }
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
        statuses.put(sms.id(), "ACCEPTED");
        // a stand-in: the number is synthetic test data, but still only its tail is logged
        log.info("SMS {} accepted for ...{}", sms.id(), to.length() > 3 ? to.substring(to.length() - 3) : "");
        respond(ex, 202, "{\"id\":\"" + sms.id() + "\",\"status\":\"ACCEPTED\"}");
        int undeliverable = undeliverableToCome.get();
        boolean delivered = !(undeliverable > 0 && undeliverableToCome.compareAndSet(undeliverable, undeliverable - 1));
        Receipts r = receipts;
        scheduler.schedule(
                () -> reachHandset(sms, delivered ? "DELIVERED" : "UNDELIVERABLE", r, 1),
                r.deliveryDelay().toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void reachHandset(Sms sms, String status, Receipts r, int attempt) {
        statuses.put(sms.id(), status);
        if (r.url() == null) {
            return;
        }
        String body = "{\"id\":" + quote(sms.id()) + ",\"reference\":" + quote(sms.reference()) + ",\"status\":"
                + quote(status) + ",\"deliveredAt\":" + quote(Instant.now().toString()) + "}";
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(r.url()))
                .timeout(java.time.Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (r.key() != null) {
            request.header("X-Api-Key", r.key());
        }
        int code;
        try {
            code = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            code = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        receiptAnswers.add(sms.id() + ":" + code);
        if ((code < 200 || code > 299) && attempt < 5 && !scheduler.isShutdown()) {
            scheduler.schedule(
                    () -> reachHandset(sms, status, r, attempt + 1), 1, java.util.concurrent.TimeUnit.SECONDS);
        }
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
                    + ",\"reference\":" + quote(s.reference()) + ",\"receivedAt\":"
                    + quote(s.receivedAt().toString()) + "}");
        }
        return "[" + String.join(",", items) + "]";
    }

    // ------------------------------------------------------------------ main

    /**
     * {@code --port N} (8091), {@code --api-key K} (none: any caller), {@code --receipt-url U} and
     * {@code --receipt-key K} (delivery receipts; none: status queries only), {@code --delivery-delay-ms N}
     * (300); runs until stopped.
     */
    public static void main(String[] args) throws Exception {
        int port = DEFAULT_PORT;
        String key = null;
        String receiptUrl = null;
        String receiptKey = null;
        long delay = 300;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--api-key" -> key = args[++i];
                case "--receipt-url" -> receiptUrl = args[++i];
                case "--receipt-key" -> receiptKey = args[++i];
                case "--delivery-delay-ms" -> delay = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: SmsGatewaySimulator [--port N] [--api-key K] [--receipt-url U]"
                            + " [--receipt-key K] [--delivery-delay-ms N]");
                    System.exit(2);
                }
            }
        }
        SmsGatewaySimulator simulator = new SmsGatewaySimulator(port, key)
                .receipts(receiptUrl, receiptKey, java.time.Duration.ofMillis(delay))
                .start();
        SimulatorBinding.runUntilStopped(simulator::stop, "sms-gateway");
    }
}

package vn.egov.devstack.simulators.business;

import static vn.egov.devstack.simulators.SimulatorJson.quote;
import static vn.egov.devstack.simulators.SimulatorJson.respond;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.devstack.simulators.SimulatorBinding;
import vn.egov.devstack.simulators.SimulatorJson;
import vn.egov.devstack.simulators.registry.PopulationRegistrySimulator;
import vn.egov.devstack.simulators.registry.PopulationRegistrySimulator.Resident;

/**
 * A stand-in for the national business registration system (Hệ thống thông tin quốc gia về đăng ký
 * doanh nghiệp): synthetic enterprises, generated deterministically, whose legal representatives are
 * residents of {@link PopulationRegistrySimulator} (the same seed: the two simulators describe the same
 * people), plus the demo citizen's own company. Plain JDK HTTP server on 127.0.0.1, port
 * {@value #DEFAULT_PORT} by default.
 *
 * <ul>
 *   <li>{@code POST /api/v1/businesses/representatives/verify} {@code {"taxCode","nationalId"}} →
 *       {@code {"result": "REPRESENTATIVE", "name": "…"}} | {@code {"result": "NOT_REPRESENTATIVE"}} |
 *       {@code {"result": "NOT_FOUND"}}: it confirms a person represents a business, and gives the
 *       registered name (public in the real registry) only to a confirmed representative; it never says who
 *       the representative is</li>
 *   <li>{@code GET /api/v1/businesses/sample?limit=N} → the first N businesses with their representative's
 *       CCCD (synthetic; to try things out)</li>
 *   <li>{@code GET /health} → {@code {"status": "UP", "businesses": N}}</li>
 * </ul>
 * For tests: {@link #addBusiness} and {@link #setAvailable} (answers 503, like a registry in maintenance).
 */
public final class BusinessRegistrySimulator implements AutoCloseable {

    public static final int DEFAULT_PORT = 8093;
    public static final int DEFAULT_BUSINESSES = 60;

    /** The demo citizen's company (tax code with a valid check digit; representative 001090012345). */
    public static final Business DEMO_BUSINESS = new Business(
            "0109876557",
            "Công ty TNHH Dịch vụ Nguyễn An",
            Set.of(PopulationRegistrySimulator.DEMO_CITIZEN.nationalId()));

    /** An enterprise or a branch ({@code NNNNNNNNNN-NNN}) and the CCCDs of its legal representatives. */
    public record Business(String taxCode, String name, Set<String> representatives) {
        public Business {
            representatives = Set.copyOf(representatives);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BusinessRegistrySimulator.class);
    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    // province prefixes of tax codes: Hà Nội 01, TP. Hồ Chí Minh 03, Hải Phòng 02, Đà Nẵng 04, Cần Thơ 18
    private static final String[] PREFIXES = {"01", "03", "02", "04", "18"};
    private static final String[] KINDS = {"Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân"};
    private static final String[] TRADES = {
        "Thương mại", "Dịch vụ", "Xây dựng", "Vận tải", "Nông sản", "Công nghệ", "Du lịch", "May mặc"
    };
    private static final String[] PLACES = {
        "Ánh Dương", "Hồng Hà", "Sông Hương", "Bến Thành", "Trường Sơn", "Phú Quốc", "Tây Nguyên", "Hạ Long"
    };

    private final int requestedPort;
    private final Map<String, Business> businesses = new ConcurrentHashMap<>();
    private final List<Business> generated;
    private volatile boolean available = true;
    private HttpServer server;

    public BusinessRegistrySimulator(int port) {
        this(port, PopulationRegistrySimulator.DEFAULT_SEED, DEFAULT_BUSINESSES);
    }

    public BusinessRegistrySimulator(int port, long seed, int count) {
        this.requestedPort = port;
        this.generated = generate(seed, count);
        generated.forEach(b -> businesses.put(b.taxCode(), b));
    }

    /**
     * The same seed gives the same businesses in the same order, the demo company first; each generated one is
     * represented by a resident the population registry simulator generates from the same seed.
     */
    public static List<Business> generate(long seed, int count) {
        List<Resident> residents =
                PopulationRegistrySimulator.generate(seed, PopulationRegistrySimulator.DEFAULT_RESIDENTS);
        Random random = new Random(seed ^ 0x5DEECE66DL);
        Map<String, Business> byCode = new LinkedHashMap<>();
        byCode.put(DEMO_BUSINESS.taxCode(), DEMO_BUSINESS);
        while (byCode.size() < count + 1) {
            String stem = PREFIXES[random.nextInt(PREFIXES.length)] + String.format("%07d", random.nextInt(10_000_000));
            Integer check = checkDigit(stem);
            if (check == null) {
                continue;
            }
            // residents after the demo citizen (index 0), so the demo citizen represents only the demo company
            Resident representative = residents.get(1 + random.nextInt(residents.size() - 1));
            String name = KINDS[random.nextInt(KINDS.length)] + " " + TRADES[random.nextInt(TRADES.length)] + " "
                    + PLACES[random.nextInt(PLACES.length)];
            byCode.putIfAbsent(stem + check, new Business(stem + check, name, Set.of(representative.nationalId())));
        }
        return List.copyOf(byCode.values());
    }

    /** The tax code's check digit for nine digits (weights 31…3, 10 − sum mod 11), null when it would be 10. */
    public static Integer checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int digit = 10 - (sum % 11);
        return digit == 10 ? null : digit;
    }

    public synchronized BusinessRegistrySimulator start() throws IOException {
        if (server != null) {
            return this;
        }
        server = HttpServer.create(new InetSocketAddress(SimulatorBinding.address(), requestedPort), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "business-registry");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/api/v1/businesses/representatives/verify", this::verify);
        server.createContext("/api/v1/businesses/sample", this::sample);
        server.createContext(
                "/health", ex -> respond(ex, 200, "{\"status\":\"UP\",\"businesses\":" + businesses.size() + "}"));
        server.start();
        log.info("Business registry simulator on {} with {} businesses", baseUrl(), businesses.size());
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized int port() {
        return server != null ? server.getAddress().getPort() : requestedPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public List<Business> businesses() {
        return generated;
    }

    public void addBusiness(Business business) {
        businesses.put(business.taxCode(), business);
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    private void verify(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            respond(ex, 405, "{\"error\":\"method_not_allowed\"}");
            return;
        }
        if (!available) {
            respond(ex, 503, "{\"error\":\"unavailable\"}");
            return;
        }
        Map<String, String> body;
        try (InputStream in = ex.getRequestBody()) {
            body = SimulatorJson.parse(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            respond(ex, 400, "{\"error\":\"bad_request\"}");
            return;
        }
        String taxCode = body.get("taxCode");
        String nationalId = body.get("nationalId");
        if (taxCode == null || nationalId == null) {
            respond(ex, 400, "{\"error\":\"bad_request\",\"detail\":\"taxCode and nationalId are required\"}");
            return;
        }
        Business business = businesses.get(taxCode.strip());
        if (business == null) {
            respond(ex, 200, "{\"result\":\"NOT_FOUND\"}");
        } else if (business.representatives().contains(nationalId.strip())) {
            respond(ex, 200, "{\"result\":\"REPRESENTATIVE\",\"name\":" + quote(business.name()) + "}");
        } else {
            respond(ex, 200, "{\"result\":\"NOT_REPRESENTATIVE\"}");
        }
    }

    private void sample(HttpExchange ex) throws IOException {
        if (!available) {
            respond(ex, 503, "{\"error\":\"unavailable\"}");
            return;
        }
        int limit = SimulatorJson.limit(ex, 20);
        List<String> items = new ArrayList<>();
        generated.stream()
                .limit(limit)
                .forEach(b -> items.add("{\"taxCode\":" + quote(b.taxCode()) + ",\"name\":" + quote(b.name())
                        + ",\"representatives\":["
                        + String.join(
                                ",",
                                b.representatives().stream()
                                        .sorted()
                                        .map(SimulatorJson::quote)
                                        .toList())
                        + "]}"));
        respond(ex, 200, "[" + String.join(",", items) + "]");
    }

    /** {@code --port N} (8093), {@code --businesses N} (60), {@code --seed S} (the population's); until stopped. */
    public static void main(String[] args) throws Exception {
        int port = DEFAULT_PORT;
        int count = DEFAULT_BUSINESSES;
        long seed = PopulationRegistrySimulator.DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--businesses" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: BusinessRegistrySimulator [--port N] [--businesses N] [--seed S]");
                    System.exit(2);
                }
            }
        }
        BusinessRegistrySimulator simulator = new BusinessRegistrySimulator(port, seed, count).start();
        SimulatorBinding.runUntilStopped(simulator::stop, "business-registry");
    }
}

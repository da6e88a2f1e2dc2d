package vn.egov.devstack.simulators.registry;

import static vn.egov.devstack.simulators.SimulatorJson.respond;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.devstack.simulators.SimulatorBinding;
import vn.egov.devstack.simulators.SimulatorJson;

/**
 * A stand-in for the national population registry (Cơ sở dữ liệu quốc gia về dân cư): a few hundred
 * synthetic residents, generated deterministically from a seed, with identity numbers consistent
 * with their province, sex and birth year, plus the realm's demo citizen. Plain JDK HTTP server on
 * 127.0.0.1, port {@value #DEFAULT_PORT} by default.
 *
 * <ul>
 *   <li>{@code POST /api/v1/residents/verify} {@code {"nationalId","fullName","dateOfBirth","sex"}} →
 *       {@code {"result": "MATCH" | "MISMATCH" | "NOT_FOUND"}} (it confirms, it never discloses data)</li>
 *   <li>{@code GET /api/v1/residents/sample?limit=N} → the first N residents (synthetic; to try things out)</li>
 *   <li>{@code GET /health} → {@code {"status": "UP", "residents": N}}</li>
 * </ul>
 * For tests: {@link #addResident}, {@link #setLatency} (answers late, to exercise client timeouts) and
 * {@link #setAvailable} (answers 503, like the real registry during maintenance).
 */
public final class PopulationRegistrySimulator implements AutoCloseable {

    public static final int DEFAULT_PORT = 8092;
    public static final int DEFAULT_RESIDENTS = 300;
    public static final long DEFAULT_SEED = 20260522L;

    /** The realm's demo citizen (username 001090012345). */
    public static final Resident DEMO_CITIZEN =
            new Resident("001090012345", "Nguyễn Văn An", LocalDate.of(1990, 5, 15), "MALE");

    public record Resident(String nationalId, String fullName, LocalDate dateOfBirth, String sex) {}

    private static final Logger log = LoggerFactory.getLogger(PopulationRegistrySimulator.class);

    // a handful of real province codes of birth registration (Circular 07/2016/TT-BCA) for the synthetic data
    private static final String[] PROVINCES = {
        "001", "022", "031", "038", "040", "046", "048", "056", "075", "079", "089", "092", "096"
    };
    private static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý"
    };
    private static final String[] MIDDLE_MALE = {"Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành", "Công"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Ngọc", "Thu", "Thanh", "Mai", "Kim"};
    private static final String[] GIVEN_MALE = {
        "An", "Bình", "Cường", "Dũng", "Hùng", "Khoa", "Long", "Nam", "Phúc", "Quang", "Sơn", "Tuấn", "Việt", "Hải",
        "Thắng"
    };
    private static final String[] GIVEN_FEMALE = {
        "Anh", "Chi", "Dung", "Hà", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Phương", "Thảo", "Trang", "Yến", "Vy"
    };

    private final int requestedPort;
    private final Map<String, Resident> residents = new ConcurrentHashMap<>();
    private final List<Resident> generated;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean available = true;
    /** Residents' requests begun and not yet answered (a test waits for a late answer to be over). */
    private final AtomicInteger answering = new AtomicInteger();

    private HttpServer server;

    public PopulationRegistrySimulator(int port) {
        this(port, DEFAULT_SEED, DEFAULT_RESIDENTS);
    }

    public PopulationRegistrySimulator(int port, long seed, int count) {
        this.requestedPort = port;
        this.generated = generate(seed, count);
        generated.forEach(r -> residents.put(r.nationalId(), r));
    }

    /** The same seed gives the same residents, in the same order; the demo citizen comes first. */
    public static List<Resident> generate(long seed, int count) {
        Random random = new Random(seed);
        Map<String, Resident> byId = new LinkedHashMap<>();
        byId.put(DEMO_CITIZEN.nationalId(), DEMO_CITIZEN);
        while (byId.size() < count + 1) {
            boolean female = random.nextBoolean();
            int year = 1940 + random.nextInt(68); // 1940–2007: adults
            LocalDate dob = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            String nationalId = PROVINCES[random.nextInt(PROVINCES.length)]
                    + centuryDigit(year, female)
                    + String.format("%02d", year % 100)
                    + String.format("%06d", random.nextInt(1_000_000));
            String name = FAMILY[random.nextInt(FAMILY.length)] + " "
                    + (female
                            ? MIDDLE_FEMALE[random.nextInt(MIDDLE_FEMALE.length)]
                            : MIDDLE_MALE[random.nextInt(MIDDLE_MALE.length)])
                    + " "
                    + (female
                            ? GIVEN_FEMALE[random.nextInt(GIVEN_FEMALE.length)]
                            : GIVEN_MALE[random.nextInt(GIVEN_MALE.length)]);
            byId.putIfAbsent(nationalId, new Resident(nationalId, name, dob, female ? "FEMALE" : "MALE"));
        }
        return List.copyOf(byId.values());
    }

    /** Digit 4 of a CCCD: 0/1 for 1900s male/female, 2/3 for 2000s, … */
    public static int centuryDigit(int year, boolean female) {
        return ((year / 100) - 19) * 2 + (female ? 1 : 0);
    }

    public synchronized PopulationRegistrySimulator start() throws IOException {
        if (server != null) {
            return this;
        }
        server = HttpServer.create(new InetSocketAddress(SimulatorBinding.address(), requestedPort), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "population-registry");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/api/v1/residents/verify", counted(this::verify));
        server.createContext("/api/v1/residents/sample", counted(this::sample));
        server.createContext(
                "/health", ex -> respond(ex, 200, "{\"status\":\"UP\",\"residents\":" + residents.size() + "}"));
        server.start();
        log.info("Population registry simulator on {} with {} residents", baseUrl(), residents.size());
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

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized int port() {
        return server != null ? server.getAddress().getPort() : requestedPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public List<Resident> residents() {
        return generated;
    }

    public void addResident(Resident resident) {
        residents.put(resident.nationalId(), resident);
    }

    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    /** How many requests are being answered now (sleeping out a latency, among others). */
    public int answering() {
        return answering.get();
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    // ------------------------------------------------------------------ handlers

    private HttpHandler counted(HttpHandler handler) {
        return ex -> {
            answering.incrementAndGet();
            try {
                handler.handle(ex);
            } finally {
                answering.decrementAndGet();
            }
        };
    }

    private void verify(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            respond(ex, 405, "{\"error\":\"method_not_allowed\"}");
            return;
        }
        if (!beforeAnswer(ex)) {
            return;
        }
        Map<String, String> body;
        try (InputStream in = ex.getRequestBody()) {
            body = SimulatorJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            respond(ex, 400, "{\"error\":\"bad_request\"}");
            return;
        }
        String nationalId = body.get("nationalId");
        if (nationalId == null || body.get("fullName") == null || body.get("dateOfBirth") == null) {
            respond(
                    ex,
                    400,
                    "{\"error\":\"bad_request\",\"detail\":\"nationalId, fullName and dateOfBirth are required\"}");
            return;
        }
        Resident r = residents.get(nationalId.strip());
        String result;
        if (r == null) {
            result = "NOT_FOUND";
        } else {
            boolean same = normalise(r.fullName()).equals(normalise(body.get("fullName")))
                    && r.dateOfBirth().toString().equals(body.get("dateOfBirth").strip())
                    && (body.get("sex") == null
                            || r.sex().equals(body.get("sex").strip()));
            result = same ? "MATCH" : "MISMATCH";
        }
        respond(ex, 200, "{\"result\":\"" + result + "\"}");
    }

    private void sample(HttpExchange ex) throws IOException {
        if (!beforeAnswer(ex)) {
            return;
        }
        int limit = SimulatorJson.limit(ex, 20);
        StringBuilder json = new StringBuilder("[");
        generated.stream()
                .limit(limit)
                .forEach(r -> json.append(json.length() > 1 ? "," : "")
                        .append("{\"nationalId\":\"")
                        .append(r.nationalId())
                        .append("\",\"fullName\":\"")
                        .append(r.fullName())
                        .append("\",\"dateOfBirth\":\"")
                        .append(r.dateOfBirth())
                        .append("\",\"sex\":\"")
                        .append(r.sex())
                        .append("\"}"));
        respond(ex, 200, json.append("]").toString());
    }

    /** Applies the simulated latency and outage; false when the request was answered with 503. */
    private boolean beforeAnswer(HttpExchange ex) throws IOException {
        Duration delay = latency;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!available) {
            respond(ex, 503, "{\"error\":\"unavailable\"}");
            return false;
        }
        return true;
    }

    private static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC)
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.forLanguageTag("vi"));
    }

    // ------------------------------------------------------------------ main

    /** {@code --port N} (8092), {@code --residents N} (300), {@code --seed S}; runs until stopped. */
    public static void main(String[] args) throws Exception {
        int port = DEFAULT_PORT;
        int count = DEFAULT_RESIDENTS;
        long seed = DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--residents" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: PopulationRegistrySimulator [--port N] [--residents N] [--seed S]");
                    System.exit(2);
                }
            }
        }
        PopulationRegistrySimulator simulator = new PopulationRegistrySimulator(port, seed, count).start();
        SimulatorBinding.runUntilStopped(simulator::stop, "population-registry");
    }
}

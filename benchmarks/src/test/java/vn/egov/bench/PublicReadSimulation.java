package vn.egov.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The public reads, side by side in one run: the public lookup ({@code GET /api/v1/public/dossiers/{code}?secret=})
 * and the procedure search ({@code GET /api/v1/procedures?q=}), each against dossier-service directly, through
 * gateway-service and through nginx in front of the same service, at each number of connections. Every step is
 * a closed model: N virtual users, each on its own keep-alive connection, sending the next request as soon as
 * the previous one answered (as wrk does), for a fixed time. The steps run one after the other, interleaved by
 * path, so that a neighbour's build slowing the machine down hits all three paths of a row alike.
 */
public class PublicReadSimulation extends Simulation {

    static final String LOOKUP = "public lookup";
    static final String SEARCH = "procedure search";
    private static final List<String> QUERIES =
            List.of("khai%20sinh", "ho%20kinh%20doanh", "ly%20lich%20tu%20phap", "ket%20hon", "giay%20phep");

    private final Settings settings = Settings.load();
    private final List<String[]> dossiers =
            settings.lines("lookups.csv").stream().map(l -> l.split(",")).toList();
    private final AtomicLong next = new AtomicLong();

    {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("direct", settings.get("direct.url"));
        paths.put("gateway", settings.get("gateway.url"));
        if (!settings.get("nginx.url").isEmpty()) {
            paths.put("nginx", settings.get("nginx.url"));
        }
        int seconds = settings.number("step.seconds", 20);
        int warmUp = settings.number("warmup.seconds", 45);
        List<PopulationBuilder> steps = new ArrayList<>();
        // the JIT compiles the hot paths of each JVM before anything counts (production settings: C2 takes a while)
        paths.forEach((path, base) -> steps.add(step("warm-up", path, base, 8, warmUp, this::mixed)));
        for (String scenario : List.of(LOOKUP, SEARCH)) {
            Function<Session, String> url = scenario.equals(LOOKUP) ? this::lookup : this::search;
            for (int connections : settings.connections()) {
                paths.forEach((path, base) -> steps.add(step(scenario, path, base, connections, seconds, url)));
            }
        }
        PopulationBuilder chain = steps.get(steps.size() - 1);
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        setUp(chain);
    }

    private String lookup(Session session) {
        String[] d = dossiers.get((int) (next.getAndIncrement() % dossiers.size()));
        return "/api/v1/public/dossiers/" + d[0] + "?secret=" + d[1];
    }

    private String search(Session session) {
        return "/api/v1/procedures?q=" + QUERIES.get((int) (next.getAndIncrement() % QUERIES.size()));
    }

    private String mixed(Session session) {
        return next.get() % 2 == 0 ? lookup(session) : search(session);
    }

    private PopulationBuilder step(
            String scenario, String path, String base, int connections, int seconds, Function<Session, String> url) {
        String name = scenario + " · " + path + " · " + connections;
        Recorder.Step step = Recorder.step(scenario, path, connections);
        HttpProtocolBuilder protocol = http.baseUrl(base)
                .disableWarmUp()
                .disableCaching()
                .acceptHeader("application/json")
                .acceptLanguageHeader("en");
        return scenario(name)
                .exec(session -> {
                    Progress.show(name + " connections");
                    return session;
                })
                .during(Duration.ofSeconds(seconds))
                .on(exec(session -> session.set("t0", System.nanoTime()).remove("status"))
                        .exec(http(name).get(url).check(status().saveAs("status")))
                        .exec(session -> {
                            step.add(
                                    session.getLong("t0"),
                                    System.nanoTime(),
                                    session.contains("status") ? session.getInt("status") : 0);
                            return session;
                        }))
                .injectOpen(atOnceUsers(connections))
                .protocols(protocol);
    }

    @Override
    public void after() {
        Figures.save(settings, "public-reads");
        Report.write(settings);
    }
}

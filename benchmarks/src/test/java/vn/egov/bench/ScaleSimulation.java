package vn.egov.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scale: the public lookup and the officer's queue page (the first page of the desk's default queue, {@code GET
 * /api/v1/dossiers?status=OPEN}, as the
 * demo officer, whose agency holds the generated dossiers) against dossier-service directly, with the number of
 * generated dossiers {@code bench.sh} asks for ({@code scale.dossiers} in {@code scale.properties}); run once per
 * size, so the report can put 10 k next to 1 M.
 */
public class ScaleSimulation extends Simulation {

    static final String LOOKUP = "scale: public lookup";
    static final String QUEUE = "scale: officer queue page";

    private final Settings settings = Settings.load();
    private final long dossiers = Long.parseLong(settings.get("scale.dossiers"));
    private final int connections = settings.connections().get(0);
    private final int seconds = settings.number("step.seconds", 20);
    private volatile long loaded;
    private volatile String officerToken = "";

    {
        String size = dossiers >= 1_000_000 ? (dossiers / 1_000_000) + " M" : (dossiers / 1000) + " k";
        PopulationBuilder lookup = step(LOOKUP, size, seconds, session -> {
            long n = ThreadLocalRandom.current().nextLong(Math.max(1, loaded));
            return "/api/v1/public/dossiers/" + DossierGenerator.code(n) + "?secret=" + DossierGenerator.secret(n);
        });
        PopulationBuilder queue = step(QUEUE, size, seconds, session -> "/api/v1/dossiers?status=OPEN&page=0&size=20");
        // the JIT compiles both paths before anything counts, at each size alike
        PopulationBuilder warmUp = step(
                "warm-up",
                size,
                settings.number("warmup.seconds", 45),
                session -> session.userId() % 2 == 0
                        ? "/api/v1/dossiers?status=OPEN&page=0&size=20"
                        : "/api/v1/public/dossiers/" + DossierGenerator.code(0) + "?secret="
                                + DossierGenerator.secret(0));
        setUp(warmUp.andThen(lookup.andThen(queue)));
    }

    @Override
    public void before() {
        long started = System.nanoTime();
        Progress.show("generating dossiers with COPY up to " + dossiers);
        loaded = DossierGenerator.loadUpTo(settings, dossiers);
        System.out.printf(
                "bench: %d generated dossiers, loading took %.0f s%n", loaded, (System.nanoTime() - started) / 1e9);
        officerToken = token(settings.get("gateway.url"));
    }

    private PopulationBuilder step(
            String scenario, String size, int seconds, Function<io.gatling.javaapi.core.Session, String> url) {
        String name = scenario + " · " + size + " · " + connections;
        Recorder.Step step = Recorder.step(scenario, size + " dossiers", connections);
        return scenario(name)
                .exec(session -> {
                    Progress.show(name + " connections");
                    return session;
                })
                .during(Duration.ofSeconds(seconds))
                .on(exec(session -> session.set("t0", System.nanoTime()).remove("status"))
                        .exec(http(name)
                                .get(url)
                                .header("Authorization", session -> "Bearer " + officerToken)
                                .check(status().saveAs("status")))
                        .exec(session -> {
                            step.add(
                                    session.getLong("t0"),
                                    System.nanoTime(),
                                    session.contains("status") ? session.getInt("status") : 0);
                            return session;
                        }))
                .injectOpen(atOnceUsers(connections))
                .protocols(http.baseUrl(settings.get("direct.url"))
                        .disableWarmUp()
                        .disableCaching()
                        .acceptHeader("application/json"));
    }

    /** The demo officer's token (agency 000.00.01.H26). */
    private static String token(String gateway) {
        String form = "grant_type=password&client_id=egov-local-cli&scope=openid&username=canbo.motcua&password="
                + URLEncoder.encode("Demo@2026", StandardCharsets.UTF_8);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(gateway + "/auth/realms/egov/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
            if (!m.find()) {
                throw new IllegalStateException("no token for the demo officer: " + r.statusCode());
            }
            return m.group(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void after() {
        Figures.save(settings, "scale-" + dossiers);
        Report.write(settings);
    }
}

package vn.egov.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authenticated submission through the gateway (the demo citizen's birth registration with its two documents:
 * two small PDFs, then one of them 200 kB), closed model at the first number of connections, next to the JDBC
 * ceiling of the same inserts on the same database ({@link JdbcCeiling}), measured in {@link #before()} so that
 * both are in one run.
 */
public class SubmissionSimulation extends Simulation {

    static final String SMALL = "submission, two small PDFs";
    static final String LARGE = "submission, one 200 kB PDF";
    static final int LARGE_BYTES = 200 * 1024;

    private final Settings settings = Settings.load();
    private final byte[] smallPdf =
            "%PDF-1.4\n1 0 obj<<>>endobj\n% to khai\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private final byte[] largePdf = largePdf();
    private final String token = token(settings.get("gateway.url"));
    private final int connections = settings.connections().get(0);
    private final int seconds = settings.number("step.seconds", 20);

    {
        List<PopulationBuilder> steps = new ArrayList<>();
        steps.add(step("warm-up", "gateway", settings.number("warmup.seconds", 45), smallPdf));
        steps.add(step(SMALL, "gateway", seconds, smallPdf));
        steps.add(step(LARGE, "gateway", seconds, largePdf));
        PopulationBuilder chain = steps.get(steps.size() - 1);
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        setUp(chain);
    }

    @Override
    public void before() {
        JdbcCeiling.run(
                settings,
                Recorder.step(SMALL, "JDBC ceiling", connections),
                connections,
                Duration.ofSeconds(seconds),
                smallPdf.length);
        JdbcCeiling.run(
                settings,
                Recorder.step(LARGE, "JDBC ceiling", connections),
                connections,
                Duration.ofSeconds(seconds),
                LARGE_BYTES);
    }

    private PopulationBuilder step(String scenario, String path, int seconds, byte[] second) {
        String name = scenario + " · " + path + " · " + connections;
        Recorder.Step step = Recorder.step(scenario, path, connections);
        HttpProtocolBuilder protocol = http.baseUrl(settings.get("gateway.url"))
                .disableWarmUp()
                .disableCaching()
                .acceptHeader("application/json")
                .acceptLanguageHeader("en")
                .authorizationHeader("Bearer " + token);
        String dossier = """
                {"procedureCode":"1.001193","formData":{"childName":"Nguyễn Thị Bench","childDateOfBirth":"2026-11-01",\
                "childSex":"FEMALE","placeOfBirth":"Bệnh viện Phụ sản Hà Nội","relationship":"MOTHER"},\
                "documents":[{"requirementCode":"TO_KHAI","fileName":"to-khai.pdf"},\
                {"requirementCode":"GIAY_CHUNG_SINH","fileName":"giay-chung-sinh.pdf"}]}""";
        return scenario(name)
                .exec(session -> {
                    Progress.show(name + " connections");
                    return session;
                })
                .during(Duration.ofSeconds(seconds))
                .on(exec(session -> session.set("t0", System.nanoTime()).remove("status"))
                        .exec(http(name)
                                .post("/api/v1/dossiers")
                                .header(
                                        "Idempotency-Key",
                                        session -> UUID.randomUUID().toString())
                                .bodyPart(StringBodyPart("dossier", dossier)
                                        .contentType("application/json")
                                        .charset("UTF-8"))
                                .bodyPart(ByteArrayBodyPart("files", smallPdf)
                                        .fileName("to-khai.pdf")
                                        .contentType("application/pdf"))
                                .bodyPart(ByteArrayBodyPart("files", second)
                                        .fileName("giay-chung-sinh.pdf")
                                        .contentType("application/pdf"))
                                .asMultipartForm()
                                .check(status().saveAs("status")))
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

    private static byte[] largePdf() {
        byte[] head = "%PDF-1.4\n1 0 obj<<>>endobj\n% ".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = new byte[LARGE_BYTES];
        java.util.Arrays.fill(pdf, (byte) 'x');
        System.arraycopy(head, 0, pdf, 0, head.length);
        System.arraycopy(tail, 0, pdf, pdf.length - tail.length, tail.length);
        return pdf;
    }

    /** The demo citizen's token (the realm's tokens live 5 minutes: longer than this simulation). */
    static String token(String gateway) {
        String form = "grant_type=password&client_id=egov-local-cli&scope=openid&username=001090012345&password="
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
                throw new IllegalStateException("no token for the demo citizen: " + r.statusCode());
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
        Figures.save(settings, "submission");
        Report.write(settings);
    }
}

package vn.egov.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Event to in-app notice: the time from a submission's 201 to the notice about that dossier on the applicant's
 * inbox stream ({@code GET /api/v1/notifications/stream} through the gateway, server-sent events), while
 * submissions arrive at half of the maximum rate the submission step measured (open model: a new submission
 * every 1/rate seconds whatever the answers do). A submission whose notice never came counts as non-2xx.
 */
public class NoticeSimulation extends Simulation {

    static final String NOTICE = "event → in-app notice";
    /** A dossier's code: its number has 4 digits and more past the 9 999th of a day (DossierCodes.format). */
    private static final Pattern CODE = Pattern.compile("[0-9A-Z.]+-\\d{6}-\\d{4,}");

    private final Settings settings = Settings.load();
    private final String gateway = settings.get("gateway.url");
    private final String token = SubmissionSimulation.token(gateway);
    private final double rate = halfOfMaximum();
    private final int seconds = settings.number("step.seconds", 20);
    /**
     * Submissions at the step's rate before it counts: the stream's push path in notification-service and the
     * gateway's streaming route run only in this step, and unwarmed they held the first second's notices up to 0.5 s
     * (notice-delays.tsv of 2026-12-07 07:47 UTC). Shorter than the reads' 45 s: the submission path is warm already.
     */
    private final int warmUp = Math.min(settings.number("warmup.seconds", 45), 15);
    /** {@link System#nanoTime()} from which a submission's 201 counts; set when the warm-up starts. */
    private volatile long countFrom = Long.MAX_VALUE;

    private final Map<String, Long> answered = new ConcurrentHashMap<>();
    private final Map<String, Long> noticed = new ConcurrentHashMap<>();
    private volatile Thread reader;
    private volatile long lastData;
    private final AtomicInteger notices = new AtomicInteger();

    {
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\n% to khai\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String dossier = """
                {"procedureCode":"1.001193","formData":{"childName":"Nguyễn Thị Bench","childDateOfBirth":"2026-11-01",\
                "childSex":"FEMALE","placeOfBirth":"Bệnh viện Phụ sản Hà Nội","relationship":"MOTHER"},\
                "documents":[{"requirementCode":"TO_KHAI","fileName":"to-khai.pdf"},\
                {"requirementCode":"GIAY_CHUNG_SINH","fileName":"giay-chung-sinh.pdf"}]}""";
        String name = NOTICE + " · " + String.format(java.util.Locale.ROOT, "%.1f", rate) + " submissions/s";
        setUp(scenario(name)
                .exec(session -> {
                    Progress.show(name);
                    return session;
                })
                .exec(http("submission at half the maximum rate")
                        .post("/api/v1/dossiers")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .bodyPart(StringBodyPart("dossier", dossier)
                                .contentType("application/json")
                                .charset("UTF-8"))
                        .bodyPart(ByteArrayBodyPart("files", pdf)
                                .fileName("to-khai.pdf")
                                .contentType("application/pdf"))
                        .bodyPart(ByteArrayBodyPart("files", pdf)
                                .fileName("giay-chung-sinh.pdf")
                                .contentType("application/pdf"))
                        .asMultipartForm()
                        .check(status().is(201), jsonPath("$.code").saveAs("code")))
                .exec(session -> {
                    long at = System.nanoTime();
                    if (session.contains("code") && at >= countFrom) {
                        answered.put(session.getString("code"), at);
                    }
                    return session;
                })
                .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(warmUp + seconds)))
                .protocols(http.baseUrl(gateway)
                        .disableWarmUp()
                        .acceptHeader("application/json")
                        .authorizationHeader("Bearer " + token)));
    }

    /**
     * {@code notice-delays.tsv}: every submission of the step in the order of its 201, with the wall-clock time of the
     * 201 (UTC, to set beside the services' logs) and the time to its notice in milliseconds (empty: none came), so
     * that a stall shows as a run of long delays at one moment rather than only as a high p99.
     */
    private void writeDelays() {
        long nanoToWallMillis = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
        List<String> lines = new ArrayList<>();
        lines.add("answered_utc\tcode\tdelay_ms");
        answered.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            Long seen = noticed.get(e.getKey());
            lines.add(Instant.ofEpochMilli(nanoToWallMillis + e.getValue() / 1_000_000) + "\t" + e.getKey()
                    + "\t"
                    + (seen == null
                            ? ""
                            : String.format(java.util.Locale.ROOT, "%.1f", Math.max(0, seen - e.getValue()) / 1e6)));
        });
        try {
            Files.write(settings.dir().resolve("notice-delays.tsv"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("bench: could not write notice-delays.tsv: " + e);
        }
    }

    private double halfOfMaximum() {
        return Figures.all(settings).stream()
                .filter(f -> f.scenario().equals(SubmissionSimulation.SMALL)
                        && f.path().equals("gateway"))
                .findFirst()
                .map(f -> Math.max(0.5, f.perSecond() / 2))
                .orElse(2.0);
    }

    @Override
    public void before() {
        HttpRequest stream = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/notifications/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .build();
        reader = new Thread(() -> {
            long opened = System.nanoTime();
            try {
                HttpResponse<Stream<String>> r =
                        HttpClient.newHttpClient().send(stream, HttpResponse.BodyHandlers.ofLines());
                System.out.println("bench: the inbox stream answered " + r.statusCode());
                r.body().filter(l -> l.startsWith("data:")).forEach(l -> {
                    long at = System.nanoTime();
                    lastData = at;
                    notices.incrementAndGet();
                    Matcher m = CODE.matcher(l);
                    while (m.find()) {
                        noticed.putIfAbsent(m.group(), at);
                    }
                });
                System.out.println("bench: the inbox stream ended after "
                        + Duration.ofNanos(System.nanoTime() - opened).toMillis() + " ms");
            } catch (Exception e) {
                System.out.println("bench: the inbox stream ended after "
                        + Duration.ofNanos(System.nanoTime() - opened).toMillis() + " ms: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        // The stream is open before the first submission, and the notices of the steps before (their submissions'
        // events still on their way through notification-service) have stopped coming: 3 s without one, at most 3 min.
        long start = System.nanoTime();
        long quiet = Duration.ofSeconds(3).toNanos();
        try {
            Thread.sleep(2000);
            while (System.nanoTime() - Math.max(lastData, start) < quiet
                    && System.nanoTime() - start < Duration.ofMinutes(3).toNanos()) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("bench: the inbox was quiet after "
                + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s (" + notices.get()
                + " notices of the steps before arrived meanwhile); " + warmUp + " s of warm-up at the step's rate");
        notices.set(0);
        countFrom = System.nanoTime() + Duration.ofSeconds(warmUp).toNanos();
    }

    @Override
    public void after() {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!noticed.keySet().containsAll(answered.keySet()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        System.out.println("bench: " + notices.get() + " notices on the inbox stream (the warm-up's too) for "
                + answered.size() + " submissions answered 201 after the warm-up");
        writeDelays();
        Recorder.Step step = Recorder.step(NOTICE, String.format(java.util.Locale.ROOT, "%.1f/s", rate), 0);
        answered.forEach((code, at) -> {
            Long seen = noticed.get(code);
            if (seen == null) {
                step.add(at, at, 0);
            } else {
                step.add(at, Math.max(at, seen), 200);
            }
        });
        Figures.save(settings, "notice");
        Report.write(settings);
    }
}

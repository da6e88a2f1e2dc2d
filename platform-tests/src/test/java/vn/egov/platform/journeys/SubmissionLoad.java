package vn.egov.platform.journeys;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A steady load of citizens submitting dossiers through the gateway: one submission every {@code every},
 * each sent from its own thread so that a slow answer during a fault does not slow the load down (the rate
 * stays what it is, as citizens do not wait for each other); three in four are free birth registrations,
 * one in four a fee-paying household business registration whose fee is then paid on the payment
 * gateway's page, as the citizen does. Every request through the gateway is recorded as the client saw
 * it: when, how long, the status, the problem's {@code code}, whether a {@code Retry-After} came with it.
 */
final class SubmissionLoad implements AutoCloseable {

    /** A citizen of the load; the token is renewed before it expires (the realm's tokens live 5 minutes). */
    static final class Applicant {
        final String name;
        final boolean level2;
        private final Supplier<String> signIn;
        private String token;
        private Instant signedInAt;

        Applicant(String name, boolean level2, Supplier<String> signIn) {
            this.name = name;
            this.level2 = level2;
            this.signIn = signIn;
        }

        synchronized String token() {
            if (token == null || signedInAt.isBefore(Instant.now().minus(Duration.ofMinutes(4)))) {
                token = signIn.get();
                signedInAt = Instant.now();
            }
            return token;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    enum Kind {
        FREE_SUBMISSION,
        FEE_SUBMISSION,
        PAYMENT_RETURN
    }

    /**
     * One request as the client saw it. {@code status} 0: no HTTP answer at all ({@code error} says why;
     * {@code timedOut}: none within {@link Api#CLIENT_TIMEOUT}, a hang).
     */
    record Attempt(
            String phase,
            Kind kind,
            Applicant applicant,
            Instant start,
            Duration latency,
            int status,
            String problemCode,
            boolean problemJson,
            boolean retryAfter,
            String dossierCode,
            boolean timedOut,
            String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        Attempt withCode(String code) {
            return new Attempt(
                    phase,
                    kind,
                    applicant,
                    start,
                    latency,
                    status,
                    problemCode,
                    problemJson,
                    retryAfter,
                    code,
                    timedOut,
                    error);
        }

        boolean accepted() {
            return kind != Kind.PAYMENT_RETURN && status == 201 && dossierCode != null;
        }

        @Override
        public String toString() {
            return kind + " " + start + " " + latency.toMillis() + " ms: "
                    + (status == 0
                            ? (timedOut ? "no answer (timeout)" : error)
                            : status + " " + (problemCode == null ? "" : problemCode)
                                    + (retryAfter ? " Retry-After" : ""));
        }
    }

    /** A fee the citizen paid on the gateway's page: the simulator charged it; which order, which dossier. */
    record Paid(String phase, Applicant applicant, String dossierCode, String paymentId) {}

    private static final String[] SYLLABLES = {
        "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Ngọc"
    };

    private final List<Applicant> applicants;
    private final List<Applicant> feePayers;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService requests = Executors.newCachedThreadPool();
    private final ExecutorService payers = Executors.newFixedThreadPool(2);
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final List<Paid> paid = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ticks = new AtomicInteger();
    private volatile String phase = "warm-up";
    private volatile boolean closing;

    SubmissionLoad(List<Applicant> applicants) {
        this.applicants = List.copyOf(applicants);
        this.feePayers = applicants.stream().filter(a -> a.level2).toList();
        if (feePayers.isEmpty()) {
            throw new IllegalArgumentException("fee-paying procedures need a citizen of level 2");
        }
    }

    void start(Duration every) {
        ticker.scheduleAtFixedRate(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Requests from now on count for this phase (a row of the table). */
    void phase(String name) {
        phase = name;
    }

    List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    List<Paid> paid() {
        synchronized (paid) {
            return List.copyOf(paid);
        }
    }

    private void tick() {
        int n = ticks.getAndIncrement();
        String now = phase;
        boolean fee = n % 4 == 3;
        Applicant who = fee ? feePayers.get((n / 4) % feePayers.size()) : applicants.get(n % applicants.size());
        requests.execute(() -> submit(now, n, fee, who));
    }

    private void submit(String phaseNow, int n, boolean fee, Applicant who) {
        String token;
        try {
            token = who.token();
        } catch (RuntimeException | AssertionError e) {
            attempts.add(new Attempt(
                    phaseNow,
                    fee ? Kind.FEE_SUBMISSION : Kind.FREE_SUBMISSION,
                    who,
                    Instant.now(),
                    Duration.ZERO,
                    0,
                    null,
                    false,
                    false,
                    null,
                    false,
                    "no token: " + e.getMessage()));
            return;
        }
        String name = SYLLABLES[n % 10] + " " + SYLLABLES[n / 10 % 10] + " " + SYLLABLES[n / 100 % 10];
        Kind kind = fee ? Kind.FEE_SUBMISSION : Kind.FREE_SUBMISSION;
        Attempt a = timed(
                phaseNow,
                kind,
                who,
                () -> fee
                        ? Dossiers.submitHouseholdBusiness(token, "Hộ kinh doanh " + name)
                        : Dossiers.submitBirthRegistration(token, "Nguyễn " + name));
        attempts.add(a);
        if (fee && a.accepted() && !closing) {
            payers.execute(() -> pay(who, a.dossierCode()));
        }
    }

    /**
     * Pays as the citizen does: the link (with the answer, or shown later on the dossier when
     * payment-service was away), the simulator's page, "pay", back to the platform's return page.
     */
    private void pay(Applicant who, String code) {
        if (closing) {
            return;
        }
        try {
            JsonNode payment = Api.eventually(
                            "the payment link of " + code,
                            Duration.ofMinutes(3),
                            Duration.ofSeconds(3),
                            () -> Api.get(Platform.GATEWAY + "/api/v1/dossiers/" + code, who.token()),
                            r -> r.status() == 200 && r.json().path("payment").hasNonNull("paymentUrl"))
                    .json()
                    .get("payment");
            String paymentUrl = payment.get("paymentUrl").asString();
            Api.Response page = Api.get(paymentUrl, null);
            if (page.status() != 200) {
                throw new IllegalStateException("pay page: " + page);
            }
            Api.Response pressed = Api.postForm(
                    Platform.PAYMENT_SIMULATOR + "/paymentv2/pay",
                    null,
                    Map.of("txnRef", Api.queryOf(paymentUrl).get("vnp_TxnRef"), "action", "pay"));
            if (pressed.status() != 302) {
                throw new IllegalStateException("pressing pay: " + pressed);
            }
            // the simulator charged the citizen: from here on the platform owes one settled order, one receipt
            String phaseNow = phase;
            paid.add(new Paid(phaseNow, who, code, payment.get("id").asString()));
            // the simulator sends the browser to the portal's return page (a redirect to the outcome, or to sign in for
            // a browser without a session); the load asks the API's own display-only return page with the same
            // query instead, through the gateway, which is what a fault may break
            String back = pressed.header("Location").replace("/thanh-toan/ket-qua", "/api/v1/payments/vnpay/return");
            attempts.add(timed(phaseNow, Kind.PAYMENT_RETURN, who, () -> Api.get(back, null))
                    .withCode(code));
        } catch (RuntimeException | AssertionError e) {
            // not paid (the link never came, or the simulator refused): nothing was charged; the checks
            // count only what was paid
            System.out.println("fault suite: " + code + " not paid: " + e.getMessage());
        }
    }

    private Attempt timed(String phaseNow, Kind kind, Applicant who, Supplier<Api.Response> request) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        try {
            Api.Response r = request.get();
            Duration latency = Duration.ofNanos(System.nanoTime() - t0);
            String contentType = r.header("Content-Type");
            boolean problemJson = contentType != null && contentType.startsWith("application/problem+json");
            String problemCode = null;
            String dossierCode = null;
            if (problemJson) {
                problemCode = r.json().path("code").asString(null);
            } else if (r.status() == 201) {
                dossierCode = r.json().path("code").asString(null);
            }
            return new Attempt(
                    phaseNow,
                    kind,
                    who,
                    start,
                    latency,
                    r.status(),
                    problemCode,
                    problemJson,
                    r.header("Retry-After") != null,
                    dossierCode,
                    false,
                    null);
        } catch (UncheckedIOException e) {
            boolean timedOut = e.getCause() instanceof HttpTimeoutException;
            return new Attempt(
                    phaseNow,
                    kind,
                    who,
                    start,
                    Duration.ofNanos(System.nanoTime() - t0),
                    0,
                    null,
                    false,
                    false,
                    null,
                    timedOut,
                    e.getMessage());
        } catch (RuntimeException e) {
            return new Attempt(
                    phaseNow,
                    kind,
                    who,
                    start,
                    Duration.ofNanos(System.nanoTime() - t0),
                    0,
                    null,
                    false,
                    false,
                    null,
                    false,
                    e.toString());
        }
    }

    /** Stops the load and waits for the requests still under way (each ends within the client timeout). */
    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        requests.shutdown();
        requests.awaitTermination(Api.CLIENT_TIMEOUT.toSeconds() + 20, TimeUnit.SECONDS);
        // payments already under way finish (a link may still be on its way); no new ones
        closing = true;
        payers.shutdown();
        payers.awaitTermination(4, TimeUnit.MINUTES);
    }
}

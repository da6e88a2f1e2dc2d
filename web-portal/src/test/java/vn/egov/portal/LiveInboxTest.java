package vn.egov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The live unread count's relay over real HTTP: the portal on a random port, a browser played by a plain socket
 * (so that "the browser goes away" is a closed connection, nothing gentler), the gateway by {@link GatewayStandIn}
 * (notification-service's stream that stays open). A signed-in session is a real one in PostgreSQL.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"egov.portal.live.heartbeat=200ms", "egov.portal.live.max-per-session=2"})
@PortalTestSetup
class LiveInboxTest {

    static final PublicApiStandIn api = PublicApiStandIn.shared();
    static final GatewayStandIn gateway = new GatewayStandIn(api.baseUrl(), PublicApiStandIn.AN_TOKEN);

    @DynamicPropertySource
    static void throughTheGateway(DynamicPropertyRegistry registry) {
        registry.add("egov.portal.api.base-url", gateway::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    @SuppressWarnings("rawtypes")
    SessionRepository sessions;

    @Autowired
    ClientRegistrationRepository registrations;

    final List<BrowserStream> browsers = new ArrayList<>();

    @BeforeEach
    void fresh() {
        api.reset();
        gateway.reset();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(BrowserStream::close);
    }

    @AfterAll
    static void stopGateway() {
        gateway.stop();
    }

    String signedIn(String token) {
        return SignedInSessions.create(sessions, registrations, token);
    }

    BrowserStream open(String cookie) throws IOException {
        BrowserStream browser = BrowserStream.open(port, cookie);
        browsers.add(browser);
        return browser;
    }

    @Test
    void aNoticeOnTheUpstreamStreamReachesTheBrowsersStreamWithItsTitleOnly() throws Exception {
        BrowserStream browser = open(signedIn(PublicApiStandIn.AN_TOKEN));
        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.headers()).containsIgnoringCase("content-type: text/event-stream");
        assertThat(browser.await("retry:", Duration.ofSeconds(5)))
                .as("the reconnect delay")
                .contains("retry:5000");
        await(() -> gateway.open.size() == 1, "the upstream stream is open");
        GatewayStandIn.Stream upstream = gateway.open.iterator().next();
        assertThat(upstream.headers().get("Authorization")).containsExactly("Bearer " + PublicApiStandIn.AN_TOKEN);
        assertThat(upstream.headers().get("Accept")).containsExactly("text/event-stream");

        gateway.emit("7d0f3c1e-1111-4a2b-9c3d-0000000000aa", "Hồ sơ đã được tiếp nhận", "the body stays upstream");

        String events = browser.await("Hồ sơ đã được tiếp nhận", Duration.ofSeconds(5));
        assertThat(events)
                .contains("event:notification")
                .contains("id:7d0f3c1e-1111-4a2b-9c3d-0000000000aa")
                .contains("\"title\":\"Hồ sơ đã được tiếp nhận\"")
                .doesNotContain("the body stays upstream");
        assertThat(browser.await(":heartbeat", Duration.ofSeconds(5)))
                .as("the portal's own heartbeat")
                .contains(":heartbeat");
    }

    @Test
    void theUpstreamConnectionIsClosedWhenTheBrowserGoesAway() throws Exception {
        BrowserStream browser = open(signedIn(PublicApiStandIn.AN_TOKEN));
        assertThat(browser.status()).isEqualTo(200);
        await(() -> gateway.open.size() == 1, "the upstream stream is open");

        browser.close();

        await(() -> gateway.open.isEmpty() && gateway.closed.get() == 1, "the upstream stream closed by the portal");
    }

    @Test
    void theBrowsersStreamEndsWhenTheUpstreamEndsSoThatItReconnects() throws Exception {
        BrowserStream browser = open(signedIn(PublicApiStandIn.AN_TOKEN));
        assertThat(browser.status()).isEqualTo(200);
        await(() -> gateway.open.size() == 1, "the upstream stream is open");

        gateway.endAll();

        assertThat(browser.awaitEnd(Duration.ofSeconds(5)))
                .as("the chunked stream's last chunk")
                .contains("0\r\n\r\n");
    }

    @Test
    void aSessionHoldsTwoStreamsAtMostANewOneTakesTheOldestsPlace() throws Exception {
        String an = signedIn(PublicApiStandIn.AN_TOKEN);
        BrowserStream first = open(an);
        assertThat(first.status()).isEqualTo(200);
        BrowserStream second = open(an);
        assertThat(second.status()).isEqualTo(200);
        await(() -> gateway.open.size() == 2, "two upstream streams");

        BrowserStream third = open(an);
        assertThat(third.status()).as("a third tab").isEqualTo(200);
        assertThat(first.awaitEnd(Duration.ofSeconds(5)))
                .as("the oldest told why, then ended")
                .contains("event:replaced");
        await(() -> gateway.closed.get() == 1, "the oldest's upstream closed");
        await(() -> gateway.open.size() == 2, "two upstream streams, not three");
        assertThat(second.await(":heartbeat", Duration.ofSeconds(5))).doesNotContain("event:replaced");

        // another session (another device) is not counted with the first
        gateway.maxStreams = 4;
        assertThat(open(signedIn(PublicApiStandIn.AN_TOKEN)).status()).isEqualTo(200);
        await(() -> gateway.open.size() == 3, "the other device's stream as well");
        assertThat(gateway.closed.get()).isEqualTo(1);
    }

    @Test
    void notificationServicesOwnCapAndARefusedTokenReachTheBrowserAsTheirStatus() throws Exception {
        gateway.maxStreams = 0;
        assertThat(open(signedIn(PublicApiStandIn.AN_TOKEN)).status())
                .as("too-many-streams upstream")
                .isEqualTo(429);
        gateway.maxStreams = 3;
        assertThat(open(signedIn("a-token-the-api-refuses")).status()).isEqualTo(401);
        assertThat(gateway.open).isEmpty();
    }

    @Test
    void withoutASessionTheStreamIs401NeverTheSignInPage() throws Exception {
        BrowserStream anonymous = open(null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(gateway.requests).as("nothing asked upstream").isEmpty();
    }

    @Test
    void theScriptsPathsAnswer401WithoutASessionWhilePagesStillStartTheSignIn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var count = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/thong-bao/chua-doc"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(count.statusCode()).isEqualTo(401);
        assertThat(count.headers().firstValue("Set-Cookie"))
                .as("no session made to keep it as the page to come back to")
                .isEmpty();
        var page = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/thong-bao"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/dang-nhap"));
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, what, Duration.ofSeconds(10));
    }

    static void await(BooleanSupplier condition, String what, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited for: " + what).isLessThan(until);
            Thread.sleep(50);
        }
    }

    /** A browser's stream over a plain socket: the request, then whatever comes, as text. */
    static final class BrowserStream implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
        private String head;

        private BrowserStream(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        static BrowserStream open(int port, String cookie) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(200);
            String request = "GET /thong-bao/truc-tiep HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/event-stream\r\n"
                    + (cookie == null ? "" : "Cookie: egov_session=" + cookie + "\r\n")
                    + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new BrowserStream(socket);
        }

        int status() throws IOException {
            return Integer.parseInt(headers().split(" ", 3)[1]);
        }

        String headers() throws IOException {
            if (head == null) {
                String text = await("\r\n\r\n", Duration.ofSeconds(10));
                head = text.substring(0, text.indexOf("\r\n\r\n"));
            }
            return head;
        }

        /** Everything read so far once it contains {@code text}; fails after {@code within}. */
        String await(String text, Duration within) throws IOException {
            long until = System.nanoTime() + within.toNanos();
            byte[] buffer = new byte[4096];
            while (!seen.toString(StandardCharsets.UTF_8).contains(text)) {
                assertThat(System.nanoTime())
                        .as("waited for " + text + " in " + seen.toString(StandardCharsets.UTF_8))
                        .isLessThan(until);
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    seen.write(buffer, 0, n);
                } catch (SocketTimeoutException nothingYet) {
                    // read again
                }
            }
            return seen.toString(StandardCharsets.UTF_8);
        }

        /** Everything read until the portal ends the response (the connection is kept: the last chunk). */
        String awaitEnd(Duration within) throws IOException {
            return await("\r\n0\r\n\r\n", within);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }
}

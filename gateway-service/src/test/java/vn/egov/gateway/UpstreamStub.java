package vn.egov.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP upstream (WireMock) for gateway tests: answers 200 with a small JSON echo of the service, method
 * and path; paths can be made slow, made to hang up, to answer with a status, headers, a JSON body or as a
 * server-sent event stream. WireMock's request journal tells what the gateway relayed (method, path, query,
 * headers, body size).
 */
final class UpstreamStub implements AutoCloseable {

    record Received(
            String service,
            String method,
            String path,
            String query,
            Map<String, List<String>> headers,
            int bodyLength) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> headerValues(String name) {
            return headers.getOrDefault(name, List.of());
        }
    }

    // the lower the priority number, the earlier a mapping is tried: a path's own behaviour before the echo
    private static final int PATH = 1;
    private static final int ECHO = 10;

    private final String service;
    private final WireMockServer server;

    private UpstreamStub(String service) {
        this.service = service;
        this.server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().extensions(new FailsFirstAttempt()));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(ECHO).willReturn(echo()));
        warmUp();
    }

    /**
     * A fresh WireMock's first answer loads its templating and Jetty's handlers: seconds on a loaded machine, longer
     * than the response timeout these tests give the gateway. One request of its own, forgotten, takes that cost.
     */
    private void warmUp() {
        try {
            HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url() + "/warm-up")).build(), BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        server.resetRequests();
    }

    static UpstreamStub start(String service) {
        return new UpstreamStub(service);
    }

    /** A URL where nothing listens: connections are refused. */
    static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An IP literal, as the gateway's routes are given in production: WireMock's own base URL says
     * {@code localhost}, which the gateway would resolve through Reactor Netty's shared resolver, and a test that
     * closes its own gateway contexts (RedisSharedQuotaIT) shuts that resolver's event loop for the whole JVM.
     */
    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Answers {@code path} only after {@code delay}. */
    UpstreamStub slow(String path, Duration delay) {
        return on(path, echo().withFixedDelay((int) delay.toMillis()));
    }

    /** Drops the connection on {@code path} without answering (the gateway sees it closed prematurely). */
    UpstreamStub hangsUp(String path) {
        return on(path, aResponse().withFault(Fault.EMPTY_RESPONSE));
    }

    /**
     * Drops the connection on the first request for {@code path} with a given correlation id, and
     * answers the next ones: a connection that failed once, as a stale pooled connection does.
     */
    UpstreamStub hangsUpOnFirstAttempt(String path) {
        return on(path, echo().withTransformers("response-template", FailsFirstAttempt.NAME));
    }

    /** Answers {@code path} like any other path, with these extra response headers. */
    UpstreamStub answersWithHeaders(String path, Map<String, String> headers) {
        ResponseDefinitionBuilder response = echo();
        headers.forEach(response::withHeader);
        return on(path, response);
    }

    /** Answers {@code path} with this status and an empty body. */
    UpstreamStub answers(String path, int status) {
        return on(path, aResponse().withStatus(status));
    }

    /** Answers {@code path} with this JSON body. */
    UpstreamStub json(String path, String body) {
        return on(path, okJson(body));
    }

    /** Answers {@code path} after {@code delay} as an event stream with one event {@code data}. */
    UpstreamStub eventStream(String path, Duration delay, String data) {
        return on(
                path,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody("data: " + data + "\n\n")
                        .withFixedDelay((int) delay.toMillis()));
    }

    /** The right password of a member of staff at {@link #passwordForm}: the answer is the one-time-code form. */
    static final String STAFF_PASSWORD = "Dung!CanBo1";

    /**
     * Keycloak's password form at {@code path}, as its pages answer a post: {@code password} signs in (a redirect to
     * the client with a code, setting the sign-on cookie {@code KEYCLOAK_IDENTITY}); {@code stale} is a redirect that
     * signs nobody in (an expired form sent back to the start); {@link #STAFF_PASSWORD} is right for a member of staff,
     * whose sign-in goes on with the one-time-code form; any other password is the form again.
     */
    UpstreamStub passwordForm(String path, String password, String stale) {
        server.stubFor(post(urlPathEqualTo(path))
                .atPriority(PATH)
                .withRequestBody(
                        containing("password=" + URLEncoder.encode(STAFF_PASSWORD, StandardCharsets.UTF_8) + "&"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html;charset=utf-8")
                        .withBody("<!DOCTYPE html><html lang=\"vi\"><head><title>Mã xác thực</title></head><body><main>"
                                + "<p>padding</p>".repeat(2000)
                                + "<form id=\"kc-otp-login-form\" action=\"" + path
                                + "?session_code=y\" method=\"post\">"
                                + "<input id=\"otp\" name=\"otp\" autocomplete=\"one-time-code\">"
                                + "<button type=\"submit\">Đăng nhập</button></form></main></body></html>")));
        server.stubFor(post(urlPathEqualTo(path))
                .atPriority(PATH)
                .withRequestBody(containing("password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://127.0.0.1/login/oauth2/code/portal?state=s&code=c")
                        .withHeader(
                                "Set-Cookie",
                                "KEYCLOAK_IDENTITY=eyJhbGciOi.signed.in; Path=/auth/realms/egov/;" + " HttpOnly")));
        server.stubFor(post(urlPathEqualTo(path))
                .atPriority(PATH)
                .withRequestBody(containing("password=" + URLEncoder.encode(stale, StandardCharsets.UTF_8) + "&"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://127.0.0.1/auth/realms/egov/login-actions/restart")
                        .withHeader("Set-Cookie", "KEYCLOAK_RESTART=; Max-Age=0; Path=/auth/realms/egov/")));
        String form = "<!DOCTYPE html><html lang=\"vi\"><head><title>Đăng nhập</title></head><body><main>"
                + "<p>padding</p>".repeat(2000)
                + "<span id=\"input-error\">Tên đăng nhập hoặc mật khẩu không đúng.</span>"
                + "<form id=\"kc-form-login\" action=\"" + path + "?session_code=x\" method=\"post\">"
                + "<input id=\"username\" name=\"username\"><input id=\"password\" name=\"password\""
                + " type=\"password\"><button type=\"submit\">Đăng nhập</button></form></main></body></html>";
        server.stubFor(post(urlPathEqualTo(path))
                .atPriority(PATH + 1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html;charset=utf-8")
                        .withBody(form)));
        // the form itself, for a browser to fill in
        server.stubFor(get(urlPathEqualTo(path))
                .atPriority(PATH)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html;charset=utf-8")
                        .withBody(form)));
        return this;
    }

    /** Every request this stub received with this correlation id (retries included). */
    List<Received> requestsWith(String correlationId) {
        return received().stream()
                .filter(r -> correlationId.equals(r.header("X-Correlation-Id")))
                .toList();
    }

    /** The request the gateway relayed with this correlation id. */
    Optional<Received> requestWith(String correlationId) {
        return requestsWith(correlationId).stream().findFirst();
    }

    /** Every request received so far, oldest first. */
    List<Received> received() {
        return server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(this::received)
                .toList();
    }

    private Received received(LoggedRequest request) {
        String url = request.getUrl();
        int query = url.indexOf('?');
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), List.copyOf(header.values()));
        }
        return new Received(
                service,
                request.getMethod().getName(),
                query < 0 ? url : url.substring(0, query),
                query < 0 ? null : url.substring(query + 1),
                headers,
                request.getBody() == null ? 0 : request.getBody().length);
    }

    private UpstreamStub on(String path, ResponseDefinitionBuilder response) {
        server.stubFor(any(urlPathEqualTo(path)).atPriority(PATH).willReturn(response));
        return this;
    }

    /** The echo: which service answered, the method and the raw path it received (triple braces: not escaped). */
    private ResponseDefinitionBuilder echo() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"service\":\"" + service
                        + "\",\"method\":\"{{{request.method}}}\",\"path\":\"{{{request.path}}}\"}")
                .withTransformers("response-template");
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Hangs up on the first attempt of each correlation id, answers the next ones as the stub says. */
    private static final class FailsFirstAttempt implements ResponseDefinitionTransformerV2 {

        static final String NAME = "fails-first-attempt";

        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String id = String.valueOf(event.getRequest().getHeader("X-Correlation-Id"));
            if (attempts.computeIfAbsent(id, i -> new AtomicInteger()).incrementAndGet() == 1) {
                return ResponseDefinitionBuilder.responseDefinition()
                        .withFault(Fault.EMPTY_RESPONSE)
                        .build();
            }
            return event.getResponseDefinition();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}

package vn.egov.portal.inbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.portal.api.EventStreams;
import vn.egov.portal.api.UserApi;

/**
 * The header's live unread count: {@code GET /thong-bao/truc-tiep} is a server-sent-events stream to the browser,
 * relayed from notification-service's {@code GET /api/v1/notifications/stream} through the gateway with the user's
 * access token (the browser holds only the session cookie, so it cannot open that stream itself). Each upstream
 * {@code event: notification} goes on as {@code event: notification} with the item's id and title only.
 *
 * <p>Resources: one upstream connection per browser stream, read as its lines arrive on the HTTP client's threads
 * (no thread waits on an open stream) and closed with the browser's stream — when the browser goes away (the next heartbeat's write
 * fails), after {@code max-duration}, when the upstream ends, at shutdown. A session holds at most
 * {@code max-per-session} streams: a new one replaces the oldest, whose page then polls. The browser's stream is servlet async
 * ({@link SseEmitter}): no request thread is held while it is open.
 *
 * <p>Token expiry: the access token is checked (and refreshed in the session when about to expire) when a stream
 * opens, on the request's thread like any page's API call. notification-service checks it once, at the start of
 * its stream; a stream ends after {@code max-duration} and the browser reconnects, so the next upstream stream
 * carries a fresh token. A token that cannot be refreshed, or that the API refuses, is 401 to the browser, whose
 * script falls back to polling (and the next page signs the user in again).
 */
@Controller
class LiveInboxRelay implements SmartLifecycle {

    static final String PATH = "/thong-bao/truc-tiep";

    static final String UPSTREAM = "/api/v1/notifications/stream";

    private static final Logger log = LoggerFactory.getLogger(LiveInboxRelay.class);

    private final LiveInboxProperties config;
    private final EventStreams streams;
    private final JsonMapper json;
    private final OAuth2AuthorizedClientManager authorizedClients;
    private final OAuth2AuthorizedClientRepository repository;

    /** Open relays by the browser session's id: the cap per session, and what shutdown closes. */
    private final Map<String, Set<Relay>> sessions = new ConcurrentHashMap<>();

    /** Made at each start: a stopped context (a paused test context too) may start again. */
    private volatile ScheduledExecutorService heartbeats;

    private volatile boolean running;

    LiveInboxRelay(
            LiveInboxProperties config,
            EventStreams streams,
            JsonMapper json,
            OAuth2AuthorizedClientManager authorizedClients,
            OAuth2AuthorizedClientRepository repository) {
        this.config = config;
        this.streams = streams;
        this.json = json;
        this.authorizedClients = authorizedClients;
        this.repository = repository;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(Authentication user, HttpServletRequest request, HttpServletResponse response) {
        String session = request.getSession().getId();
        Relay relay = new Relay(session);
        if (!admit(relay)) {
            // shutting down
            return refused(HttpStatus.SERVICE_UNAVAILABLE);
        }
        boolean handedOver = false;
        try {
            String token = accessToken(user, request, response);
            if (token == null) {
                return refused(HttpStatus.UNAUTHORIZED);
            }
            int status = relay.open(token);
            if (status != 200) {
                return switch (status) {
                    case 401 -> {
                        // the API refuses this token: forget it, the next page signs the user in again
                        repository.removeAuthorizedClient(UserApi.REGISTRATION, user, request, response);
                        yield refused(HttpStatus.UNAUTHORIZED);
                    }
                    // notification-service's cap per person (the user's other devices hold it)
                    case 429 -> refused(HttpStatus.TOO_MANY_REQUESTS);
                    // the gateway or notification-service does not answer (0: no answer in time)
                    case 0, 503 -> refused(HttpStatus.SERVICE_UNAVAILABLE);
                    default -> refused(HttpStatus.BAD_GATEWAY);
                };
            }
            SseEmitter emitter = relay.start();
            handedOver = true;
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    // a buffering proxy (nginx) in front would hold the events back
                    .header("X-Accel-Buffering", "no")
                    .body(emitter);
        } finally {
            if (!handedOver) {
                relay.close();
            }
        }
    }

    /** The user's access token, refreshed (and kept in the session) when about to expire; null without one. */
    private String accessToken(Authentication user, HttpServletRequest request, HttpServletResponse response) {
        try {
            OAuth2AuthorizedClient client =
                    authorizedClients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(UserApi.REGISTRATION)
                            .principal(user)
                            .attribute(HttpServletRequest.class.getName(), request)
                            .attribute(HttpServletResponse.class.getName(), response)
                            .build());
            return client == null ? null : client.getAccessToken().getTokenValue();
        } catch (OAuth2AuthorizationException refused) {
            // Keycloak will not refresh: the tokens are no good any more
            log.info("No token for the live inbox: {}", refused.getError().getErrorCode());
            repository.removeAuthorizedClient(UserApi.REGISTRATION, user, request, response);
            return null;
        }
    }

    private static ResponseEntity<SseEmitter> refused(HttpStatus status) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
        if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, "30");
        }
        return answer.build();
    }

    /**
     * Takes a place among the session's streams; when it holds the maximum already, its oldest stream gives its place
     * up ({@code event: replaced}, then the end): the newest is the page the user is looking at, and the oldest is
     * often a page already left, which the portal notices only at the next heartbeat. Atomic per session.
     */
    private boolean admit(Relay relay) {
        boolean[] admitted = {false};
        Relay[] replaced = {null};
        sessions.compute(relay.session, (id, open) -> {
            Set<Relay> mine = open != null ? open : ConcurrentHashMap.newKeySet();
            if (running) {
                if (mine.size() >= config.maxPerSession()) {
                    replaced[0] = mine.stream()
                            .min(Comparator.comparingLong(other -> other.opened))
                            .orElse(null);
                    mine.remove(replaced[0]);
                }
                mine.add(relay);
                admitted[0] = true;
            }
            return mine.isEmpty() ? null : mine;
        });
        if (replaced[0] != null) {
            replaced[0].replaced();
        }
        return admitted[0];
    }

    private void release(Relay relay) {
        sessions.computeIfPresent(relay.session, (id, open) -> {
            open.remove(relay);
            return open.isEmpty() ? null : open;
        });
    }

    private void heartbeat() {
        sessions.values()
                .forEach(open ->
                        open.forEach(relay -> relay.send(SseEmitter.event().comment("heartbeat"))));
    }

    /**
     * One browser stream and its upstream stream. The upstream's lines come on the HTTP client's own threads as
     * they arrive (a line subscriber): no thread waits on an open stream.
     */
    private final class Relay implements Flow.Subscriber<String> {

        final String session;
        final long opened = System.nanoTime();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile CompletableFuture<?> exchange;
        volatile Flow.Subscription subscription;
        volatile SseEmitter emitter;
        private String event = "message";
        private final StringBuilder data = new StringBuilder();

        Relay(String session) {
            this.session = session;
        }

        /**
         * Opens notification-service's stream through the gateway: its status, 0 when it does not answer in time.
         * Only a 200's body is read, line by line, into {@link #onNext}.
         */
        int open(String token) {
            EventStreams.Opened opened = streams.open(
                    UPSTREAM,
                    token,
                    LocaleContextHolder.getLocale(),
                    config.openTimeout(),
                    this,
                    // the upstream stream ended or broke: the browser's ends too (it reconnects after retry:)
                    this::complete);
            exchange = opened.exchange();
            CompletableFuture<Integer> status = opened.status();
            try {
                return status.get(config.openTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException noAnswer) {
                return 0;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }

        SseEmitter start() {
            SseEmitter browser = new SseEmitter(config.maxDuration().toMillis());
            browser.onCompletion(this::close);
            browser.onTimeout(this::close);
            browser.onError(gone -> close());
            emitter = browser;
            if (closed.get()) {
                // the upstream ended already, before the browser's stream was made: end it too, it reconnects
                browser.complete();
                return browser;
            }
            // sent at once, so the browser knows it is connected; how long to wait before reconnecting
            send(SseEmitter.event()
                    .comment("connected")
                    .reconnectTime(config.retry().toMillis()));
            return browser;
        }

        @Override
        public void onSubscribe(Flow.Subscription upstreamLines) {
            subscription = upstreamLines;
            if (closed.get()) {
                upstreamLines.cancel();
            } else {
                upstreamLines.request(Long.MAX_VALUE);
            }
        }

        /** One line of the upstream's events; a blank line ends an event, and a notification goes on. */
        @Override
        public synchronized void onNext(String line) {
            if (line.isEmpty()) {
                if (data.length() > 0 && "notification".equals(event)) {
                    notification(data.toString());
                }
                event = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                event = value(line, "event:");
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(value(line, "data:"));
            }
            // comments (heartbeats), id: and retry: are the upstream's own business
        }

        @Override
        public void onError(Throwable broken) {
            log.debug("The live inbox's upstream stream broke: {}", broken.toString());
            complete();
        }

        @Override
        public void onComplete() {
            complete();
        }

        private void notification(String json) {
            try {
                JsonNode item = LiveInboxRelay.this.json.readTree(json);
                Map<String, String> notice = new LinkedHashMap<>();
                notice.put("id", text(item, "id"));
                notice.put("title", text(item, "title"));
                SseEmitter.SseEventBuilder out = SseEmitter.event().name("notification");
                if (notice.get("id") != null) {
                    out.id(notice.get("id"));
                }
                send(out.data(notice, MediaType.APPLICATION_JSON));
            } catch (RuntimeException notJson) {
                log.debug("An upstream notification that is not JSON: {}", notJson.toString());
            }
        }

        void send(SseEmitter.SseEventBuilder out) {
            SseEmitter browser = emitter;
            if (browser == null || closed.get()) {
                return;
            }
            try {
                synchronized (browser) {
                    browser.send(out);
                }
            } catch (IOException | IllegalStateException gone) {
                // the browser went away: its upstream stream goes too
                close();
                try {
                    browser.completeWithError(gone);
                } catch (RuntimeException alreadyDone) {
                    // completed meanwhile
                }
            }
        }

        /** Another page of the session took this stream's place: the script polls until its page is shown again. */
        void replaced() {
            send(SseEmitter.event().name("replaced").data("{}", MediaType.APPLICATION_JSON));
            complete();
        }

        void complete() {
            SseEmitter browser = emitter;
            close();
            if (browser != null) {
                try {
                    browser.complete();
                } catch (RuntimeException alreadyDone) {
                    // completed meanwhile
                }
            }
        }

        /** Closes the upstream connection and frees the session's place; once. */
        void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            release(this);
            Flow.Subscription lines = subscription;
            if (lines != null) {
                lines.cancel();
            }
            CompletableFuture<?> upstreamExchange = exchange;
            if (upstreamExchange != null) {
                // the HTTP client closes the connection of an exchange cancelled before its end
                upstreamExchange.cancel(true);
            }
        }
    }

    private static String value(String line, String field) {
        String value = line.substring(field.length());
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    @Override
    public void start() {
        long every = config.heartbeat().toMillis();
        heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "live-inbox-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Before the web server's graceful shutdown (a later phase stops first): open streams would hold it up. */
    @Override
    public void stop() {
        running = false;
        sessions.values().forEach(open -> open.forEach(Relay::complete));
        heartbeats.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

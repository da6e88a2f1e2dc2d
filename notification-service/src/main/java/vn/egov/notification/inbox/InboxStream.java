package vn.egov.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.notification.notice.InboxItemCreated;

/**
 * The live inbox: {@code GET /api/v1/notifications/stream} keeps a server-sent-events stream open per
 * signed-in person and pushes each of their new inbox items ({@code event: notification}) right after
 * the transaction that made it commits; a comment line every {@code heartbeat} keeps proxies from
 * closing an idle stream. One person holds at most {@code max-per-person} streams at once (429
 * {@code too-many-streams} past it); a closed stream frees its place once the server notices (at the next
 * heartbeat at the latest). Servlet async ({@link SseEmitter}): an open stream holds no request thread,
 * platform or virtual. Pushes run on a small executor so a slow client never holds up the consumer.
 *
 * <p>Items made on another instance of this service reach only streams on that instance; with more
 * than one instance the client's reconnect (or a GET of the inbox) fills the gap.
 */
@RestController
class InboxStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxStream.class);

    record StreamedItem(String id, String kind, String title, String body, String link, String createdAt) {}

    private final InboxProperties config;
    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final ExecutorService pushes = Executors.newFixedThreadPool(2, daemon("inbox-push"));
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(daemon("inbox-heartbeat"));
    private volatile boolean running;

    private final vn.egov.notification.recipient.Recipients recipients;

    InboxStream(InboxProperties config, vn.egov.notification.recipient.Recipients recipients) {
        this.config = config;
        this.recipients = recipients;
    }

    @GetMapping(path = "/api/v1/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Own new inbox items as server-sent events (event: notification), heartbeat comments")
    SseEmitter stream(@AuthenticationPrincipal Jwt jwt) throws IOException {
        EgovPrincipal principal = EgovPrincipal.from(jwt);
        String me = principal.subject();
        recipients.rememberOfficer(principal);
        SseEmitter emitter = new SseEmitter(config.maxDuration().toMillis());
        if (!admit(me, emitter)) {
            // before any byte of the stream: the answer is an ordinary problem
            throw new ApiProblem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-streams",
                    List.of(),
                    Map.of("maxStreams", config.maxPerPerson()),
                    config.maxPerPerson());
        }
        Runnable remove = () -> streams.computeIfPresent(me, (k, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        // sends the headers now, so the client knows it is connected
        emitter.send(SseEmitter.event().comment("connected").reconnectTime(3_000));
        return emitter;
    }

    /** Adds the stream unless its person already holds the maximum; atomic per person. */
    private boolean admit(String subject, SseEmitter emitter) {
        boolean[] admitted = {false};
        streams.compute(subject, (k, set) -> {
            Set<SseEmitter> mine = set != null ? set : ConcurrentHashMap.newKeySet();
            if (mine.size() < config.maxPerPerson()) {
                mine.add(emitter);
                admitted[0] = true;
            }
            return mine.isEmpty() ? null : mine;
        });
        return admitted[0];
    }

    @TransactionalEventListener
    void onInboxItem(InboxItemCreated item) {
        Set<SseEmitter> mine = streams.get(item.recipientSubject());
        if (mine == null || mine.isEmpty()) {
            return;
        }
        StreamedItem data = new StreamedItem(
                item.id().toString(),
                item.kind(),
                item.title(),
                item.body(),
                item.link(),
                item.createdAt().toString());
        for (SseEmitter emitter : mine) {
            pushes.execute(() -> send(
                    emitter,
                    SseEmitter.event().id(data.id()).name("notification").data(data, MediaType.APPLICATION_JSON)));
        }
    }

    private void heartbeat() {
        streams.values()
                .forEach(set -> set.forEach(emitter ->
                        pushes.execute(() -> send(emitter, SseEmitter.event().comment("heartbeat")))));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (emitter) {
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException gone) {
            // the client left; completion callbacks remove it
            emitter.completeWithError(gone);
        }
    }

    int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void start() {
        long every = config.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        // end open streams so a graceful shutdown does not wait for them; clients reconnect elsewhere
        running = false;
        streams.values().forEach(set -> set.forEach(SseEmitter::complete));
        streams.clear();
        heartbeats.shutdownNow();
        pushes.shutdown();
        log.debug("Live inbox streams closed");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // before the web server's graceful shutdown, which would otherwise wait for open streams
        return Integer.MAX_VALUE - 500;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

package vn.egov.notification.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.egov.commons.metrics.CommittedCounters;
import vn.egov.notification.contact.ContactDirectory;
import vn.egov.notification.contact.ContactsUnavailableException;
import vn.egov.notification.contact.PersonContacts;
import vn.egov.notification.notice.BodySealer;
import vn.egov.notification.notice.DeliveriesQueued;
import vn.egov.notification.recipient.Channel;

/**
 * Sends PENDING deliveries: one loop per channel, so an SMTP outage holds back only email. Each pass
 * claims due rows in a short transaction ({@code for update skip locked}, pushing their next attempt
 * out by a lease so another instance leaves them alone), sends them with no transaction open, and
 * records the outcome in another short statement. A failure is retried with exponential backoff;
 * after {@code max-attempts} (or at once for a permanent refusal) the row is FAILED, which operators
 * see through {@code GET /api/v1/notifications/admin/deliveries?status=FAILED}. Status only moves
 * forward: the outcome updates only a row that is still PENDING, and the database refuses any transition
 * not in {@code delivery_transition}.
 *
 * <p>A row without a destination (nobody told us the person's contacts) is first looked up in
 * identity-service ({@link ContactDirectory}); identity-service being away counts as a failed attempt.
 * Sealed rows (one-time codes) are decrypted just before sending and wiped once final; an expired code
 * is FAILED, not sent.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private record Due(
            UUID id,
            String recipient,
            String destination,
            String title,
            String text,
            String html,
            int attempts,
            boolean sealed,
            java.time.Instant expiresAt,
            String purpose) {}

    /** The contact lookup failed for now: retried like a failed send. */
    private static final class NoContactYet extends RuntimeException {
        NoContactYet(ContactsUnavailableException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final JdbcClient jdbc;
    private final CommittedCounters counters;
    private final ContactDirectory directory;
    private final BodySealer sealer;
    private final DeliveryProperties config;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Map<Channel, Semaphore> wakeUps = new EnumMap<>(Channel.class);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    DeliveryWorker(
            JdbcClient jdbc,
            ContactDirectory directory,
            BodySealer sealer,
            DeliveryProperties config,
            List<ChannelSender> senders,
            CommittedCounters counters) {
        this.counters = counters;
        this.jdbc = jdbc;
        this.directory = directory;
        this.sealer = sealer;
        this.config = config;
        senders.forEach(s -> {
            this.senders.put(s.channel(), s);
            this.wakeUps.put(s.channel(), new Semaphore(0));
        });
    }

    @TransactionalEventListener
    void onQueued(DeliveriesQueued queued) {
        queued.channels().forEach(c -> {
            Semaphore wakeUp = wakeUps.get(c);
            if (wakeUp != null) {
                wakeUp.release();
            }
        });
    }

    @Override
    public synchronized void start() {
        if (running || !config.enabled()) {
            return;
        }
        running = true;
        senders.values().forEach(sender -> {
            Thread thread = new Thread(
                    () -> loop(sender), "delivery-" + sender.channel().name().toLowerCase());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        });
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop(ChannelSender sender) {
        Semaphore wakeUp = wakeUps.get(sender.channel());
        while (running) {
            try {
                int sent = pass(sender);
                if (sent < config.batchSize()) {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away, or similar: pause and try again
                log.warn("Delivery pass for {} failed: {}", sender.channel(), e.toString());
                try {
                    Thread.sleep(config.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One pass: claim, send, record. Returns how many rows it claimed. */
    int pass(ChannelSender sender) {
        List<Due> due = claim(sender.channel());
        // people found over their limit in this pass, and when they may get the next message
        Map<String, Timestamp> held = new HashMap<>();
        int deferred = 0;
        for (Due d : due) {
            if (d.expiresAt() != null && d.expiresAt().isBefore(java.time.Instant.now())) {
                finalFailure(sender.channel(), d, "expired", "expired");
                continue;
            }
            int waiting = overLimit(sender.channel(), d, held);
            if (waiting > 0) {
                deferred += waiting;
                continue;
            }
            try {
                String destination = d.destination() != null ? d.destination() : lookUp(sender.channel(), d);
                if (destination == null) {
                    continue; // SKIPPED: the person has no address for this channel
                }
                String text = d.sealed() ? sealer.open(d.text()) : d.text();
                String html = d.sealed() ? sealer.open(d.html()) : d.html();
                String providerId =
                        sender.send(new ChannelSender.Message(destination, d.title(), text, html, d.id().toString()));
                jdbc.sql("""
                                update delivery set status = 'SENT', sent_at = now(), provider_id = ?, last_error = null,
                                    text_body = case when sealed then null else text_body end,
                                    html_body = case when sealed then null else html_body end
                                where id = ? and status = 'PENDING'""").param(providerId).param(d.id()).update();
                delivered(sender.channel(), "sent");
            } catch (Exception e) {
                failed(sender.channel(), d, e);
            }
        }
        if (deferred > 0) {
            log.info(
                    "{} {} deliveries deferred: recipient rate limit ({} recipients)",
                    deferred,
                    sender.channel(),
                    held.size());
        }
        return due.size();
    }

    /**
     * The destination of a row made before anyone told us the person's contacts: asked of identity-service
     * (cached). Returns null after marking the row SKIPPED when the person has no such address.
     */
    private String lookUp(Channel channel, Due d) {
        PersonContacts contacts;
        try {
            contacts = directory.lookup(d.recipient()).orElse(null);
        } catch (ContactsUnavailableException e) {
            throw new NoContactYet(e);
        }
        String destination = contacts == null ? null : channel == Channel.EMAIL ? contacts.email() : contacts.phone();
        if (destination == null || destination.isBlank()) {
            jdbc.sql("""
                            update delivery set status = 'SKIPPED', last_error = ?, attempts = attempts - 1
                            where id = ? and status = 'PENDING'""")
                    .param(
                            contacts == null
                                    ? "unknown-person"
                                    : channel == Channel.EMAIL ? "no-email-address" : "no-phone-number")
                    .param(d.id())
                    .update();
            delivered(channel, "skipped");
            return null;
        }
        jdbc.sql("update delivery set destination = ? where id = ? and status = 'PENDING'")
                .param(destination.strip())
                .param(d.id())
                .update();
        return destination.strip();
    }

    private List<Due> claim(Channel channel) {
        // one statement = one short transaction (auto-commit): the lease is taken before any send starts
        return jdbc.sql("""
                        update delivery set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
                        where id in (select id from delivery
                                     where channel = ? and status = 'PENDING' and next_attempt_at <= now()
                                     order by next_attempt_at limit ? for update skip locked)
                        returning id, recipient_subject, destination, title, text_body, html_body, attempts, sealed,
                                  expires_at, purpose""")
                .param((double) config.lease().toMillis() / 1000)
                .param(channel.name())
                .param(config.batchSize())
                .query((rs, i) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getBoolean(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                        rs.getString(10)))
                .list();
    }

    /**
     * The per-recipient rate limit: when the person already got {@code perRecipientLimit} messages on this
     * channel within the window, the delivery waits (the claim is not counted as an attempt). Whatever
     * happened after sending (DELIVERED, FAILED on a receipt) still counts. One-time codes are counted per
     * destination: the number is not yet the person's, and it must not be flooded either.
     *
     * <p>Returns how many deliveries it deferred, none when {@code d} may go. A person over the limit has their other
     * due messages on the channel deferred in the same statement (those not claimed yet; one-time codes aside), and
     * is remembered in {@code held} for the rest of the pass: someone with thousands waiting costs a few statements
     * each time the wait ends, not three per message.
     */
    private int overLimit(Channel channel, Due d, Map<String, Timestamp> held) {
        boolean code = "ONE_TIME_CODE".equals(d.purpose()) && d.destination() != null;
        Timestamp until = code ? null : held.get(d.recipient());
        if (until != null) {
            return defer(d, until);
        }
        long recent = jdbc.sql(code ? """
                        select count(*) from delivery
                        where destination = ? and channel = ? and purpose = 'ONE_TIME_CODE' and sent_at is not null
                          and sent_at > now() - make_interval(secs => ?)""" : """
                        select count(*) from delivery
                        where recipient_subject = ? and channel = ? and sent_at is not null
                          and sent_at > now() - make_interval(secs => ?)""")
                .param(code ? d.destination() : d.recipient())
                .param(channel.name())
                .param((double) config.perRecipientWindow().toMillis() / 1000)
                .query(Long.class)
                .single();
        if (recent < config.perRecipientLimit()) {
            return 0;
        }
        Duration wait = config.perRecipientWindow().dividedBy(Math.max(config.perRecipientLimit(), 1));
        until = Timestamp.from(java.time.Instant.now().plus(wait));
        int others = 0;
        if (!code) {
            held.put(d.recipient(), until);
            // due and not claimed: a claimed row's next attempt is its lease, in the future
            others = jdbc.sql("""
                            update delivery set next_attempt_at = ?
                            where recipient_subject = ? and channel = ? and status = 'PENDING'
                              and next_attempt_at <= now() and purpose is distinct from 'ONE_TIME_CODE'""")
                    .param(until)
                    .param(d.recipient())
                    .param(channel.name())
                    .update();
        }
        log.debug("{} delivery {} and {} more deferred to {}: recipient rate limit", channel, d.id(), others, until);
        return defer(d, until) + others;
    }

    /** A claimed row put back until {@code until} (the claim is not counted as an attempt). */
    private int defer(Due d, Timestamp until) {
        jdbc.sql("""
                        update delivery set attempts = attempts - 1, next_attempt_at = ?
                        where id = ? and status = 'PENDING'""").param(until).param(d.id()).update();
        return 1;
    }

    private void failed(Channel channel, Due d, Exception e) {
        // the error text may name the address: it goes to the row (operators), the log gets the id and type only
        String error = e instanceof NoContactYet
                ? "contacts-unavailable: " + e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        error = error.length() > 500 ? error.substring(0, 500) : error;
        boolean last = e instanceof ChannelSender.PermanentFailure || d.attempts() >= config.maxAttempts();
        if (last) {
            finalFailure(channel, d, error, e.getClass().getSimpleName());
        } else {
            Duration backoff = backoff(d.attempts());
            jdbc.sql("""
                            update delivery set last_error = ?, next_attempt_at = ?
                            where id = ? and status = 'PENDING'""")
                    .param(error)
                    .param(Timestamp.from(java.time.Instant.now().plus(backoff)))
                    .param(d.id())
                    .update();
            log.info(
                    "{} delivery {} attempt {} failed ({}); next try in {}",
                    channel,
                    d.id(),
                    d.attempts(),
                    e.getClass().getSimpleName(),
                    backoff);
        }
    }

    private void finalFailure(Channel channel, Due d, String error, String why) {
        jdbc.sql("""
                        update delivery set status = 'FAILED', last_error = ?, failed_at = now(),
                            text_body = case when sealed then null else text_body end,
                            html_body = case when sealed then null else html_body end
                        where id = ? and status = 'PENDING'""").param(error).param(d.id()).update();
        log.warn("{} delivery {} FAILED after {} attempt(s): {}", channel, d.id(), d.attempts(), why);
        delivered(channel, "failed");
    }

    /** Issue 18: notices by channel and outcome (sent, skipped: no address, failed: given up). */
    private void delivered(Channel channel, String outcome) {
        counters.increment(
                "egov.notification.deliveries",
                "notice deliveries by channel and outcome",
                "channel",
                channel.name(),
                "outcome",
                outcome);
    }

    Duration backoff(int attempts) {
        long millis = config.initialBackoff().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    @Override
    public int getPhase() {
        // stops before the web server and the data source are gone
        return Integer.MAX_VALUE - 1000;
    }
}

package vn.egov.notification.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.notification.preference.Preferences;
import vn.egov.notification.recipient.Channel;
import vn.egov.notification.recipient.Recipients;

/**
 * Turns a notice into one inbox item and one delivery row per channel, all in the caller's
 * transaction (the consumer's, with its processed-event row): either the event is processed and every
 * delivery is recorded, or nothing is. Sending happens later, outside any transaction, in the
 * delivery loop; a channel that cannot be used is recorded as SKIPPED with the reason. When nobody has
 * told us the person's contacts yet, the delivery waits PENDING without a destination and the delivery
 * loop asks identity-service.
 */
@Service
public class Notifier {

    /** Why a delivery exists (column {@code delivery.purpose}). */
    enum Purpose {
        NOTICE,
        PREVIOUS_CONTACT,
        ONE_TIME_CODE,
        /** A contact someone gave (a registration that made no account): not a person's known contact. */
        GIVEN_CONTACT
    }

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final JdbcClient jdbc;
    private final Templates templates;
    private final Recipients recipients;
    private final Preferences preferences;
    private final BodySealer sealer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifier(
            JdbcClient jdbc,
            Templates templates,
            Recipients recipients,
            Preferences preferences,
            BodySealer sealer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.recipients = recipients;
        this.preferences = preferences;
        this.sealer = sealer;
        this.events = events;
        this.clock = clock;
    }

    /** The inbox item, and email and SMS to the person's contacts as their preferences allow. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notify(String eventId, Notice notice) {
        String subject = notice.recipientSubject();
        Optional<Rendered> rendered = render(eventId, notice, recipients.language(subject));
        if (rendered.isEmpty()) {
            return;
        }
        Rendered message = rendered.get();
        Instant now = clock.instant();

        UUID itemId = UUID.randomUUID();
        jdbc.sql("""
                        insert into inbox_item (id, recipient_subject, kind, title, body, link, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        itemId,
                        subject,
                        notice.kind(),
                        message.title(),
                        message.text(),
                        notice.link(),
                        Timestamp.from(now))
                .update();
        record(eventId, notice, Channel.INBOX, Purpose.NOTICE, "SENT", null, message, null, null);
        events.publishEvent(new InboxItemCreated(
                itemId, subject, notice.kind(), message.title(), message.text(), notice.link(), now));

        Recipients.Reach reach = recipients.reach(subject);
        Set<Channel> queued = EnumSet.noneOf(Channel.class);
        for (Channel channel : new Channel[] {Channel.EMAIL, Channel.SMS}) {
            String destination = channel == Channel.EMAIL ? reach.email() : reach.phone();
            if (!preferences.wants(subject, notice.kind(), channel)) {
                record(eventId, notice, channel, Purpose.NOTICE, "SKIPPED", null, message, "opted-out", null);
            } else if (reach.known() && destination == null) {
                record(
                        eventId,
                        notice,
                        channel,
                        Purpose.NOTICE,
                        "SKIPPED",
                        null,
                        message,
                        !reach.exists()
                                ? "unknown-person"
                                : channel == Channel.EMAIL ? "no-email-address" : "no-phone-number",
                        null);
            } else if (record(eventId, notice, channel, Purpose.NOTICE, "PENDING", destination, message, null, null)) {
                // destination null: the delivery loop looks the person up in identity-service first
                queued.add(channel);
            }
        }
        wake(queued);
    }

    /**
     * A security notice to a contact the person no longer has (the address or number that was replaced),
     * on that one channel, whatever the preferences say. No inbox item (the main notice made one).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyPreviousContact(String eventId, Notice notice, Channel channel, String destination) {
        render(eventId, notice, recipients.language(notice.recipientSubject())).ifPresent(message -> {
            if (record(
                    eventId, notice, channel, Purpose.PREVIOUS_CONTACT, "PENDING", destination, message, null, null)) {
                wake(EnumSet.of(channel));
            }
        });
    }

    /**
     * A notice to a contact someone gave rather than to a person's known contacts (a registration that made no
     * account), on that one channel, in the language of the request: no inbox item, preferences ignored.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyGivenContact(
            String eventId, Notice notice, String language, Channel channel, String destination) {
        render(eventId, notice, language).ifPresent(message -> {
            if (record(eventId, notice, channel, Purpose.GIVEN_CONTACT, "PENDING", destination, message, null, null)) {
                wake(EnumSet.of(channel));
            }
        });
    }

    /**
     * A one-time code, only to {@code destination} on {@code channel}: no inbox item, no other channel,
     * preferences ignored. The bodies are stored sealed (encrypted) and wiped once the delivery is final;
     * after {@code expiresAt} it is not sent at all.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendOneTimeCode(
            String eventId, Notice notice, String language, Channel channel, String destination, Instant expiresAt) {
        render(eventId, notice, language).ifPresent(message -> {
            Rendered sealed = new Rendered(
                    message.title(),
                    sealer.seal(message.text()),
                    sealer.seal(message.html()),
                    sealer.seal(message.sms()));
            if (record(
                    eventId, notice, channel, Purpose.ONE_TIME_CODE, "PENDING", destination, sealed, null, expiresAt)) {
                wake(EnumSet.of(channel));
            }
        });
    }

    private Optional<Rendered> render(String eventId, Notice notice, String language) {
        Optional<Rendered> rendered = templates.render(notice.kind(), language, notice.values());
        if (rendered.isEmpty()) {
            log.warn("No template for kind {}; event {} gives no notice", notice.kind(), eventId);
        }
        return rendered;
    }

    private void wake(Set<Channel> queued) {
        if (!queued.isEmpty()) {
            events.publishEvent(new DeliveriesQueued(queued));
        }
    }

    private boolean record(
            String eventId,
            Notice notice,
            Channel channel,
            Purpose purpose,
            String status,
            String destination,
            Rendered message,
            String reason,
            Instant expiresAt) {
        String text = channel == Channel.SMS ? message.sms() : message.text();
        String html = channel == Channel.EMAIL ? message.html() : null;
        return jdbc.sql("""
                        insert into delivery (id, event_id, kind, recipient_subject, channel, purpose, status, destination,
                                              title, text_body, html_body, last_error, sealed, expires_at, sent_at)
                        values (:id, :event, :kind, :subject, :channel, :purpose, :status, :destination,
                                :title, :text, :html, :reason, :sealed, :expiresAt,
                                case when :status = 'SENT' then now() end)
                        on conflict (event_id, recipient_subject, channel, purpose) do nothing""")
                        .param("id", UUID.randomUUID())
                        .param("event", eventId)
                        .param("kind", notice.kind())
                        .param("subject", notice.recipientSubject())
                        .param("channel", channel.name())
                        .param("purpose", purpose.name())
                        .param("status", status)
                        .param("destination", destination)
                        .param("title", message.title())
                        .param("text", text)
                        .param("html", html)
                        .param("reason", reason)
                        .param("sealed", purpose == Purpose.ONE_TIME_CODE)
                        .param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
                        .update()
                == 1;
    }
}

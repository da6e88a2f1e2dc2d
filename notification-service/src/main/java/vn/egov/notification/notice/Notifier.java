package vn.egov.notification.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.notification.preference.Preferences;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a notice into one inbox item and one delivery row per channel, all in the caller's
 * transaction (the consumer's, with its processed-event row): either the event is processed and every
 * delivery is recorded, or nothing is. Sending happens later, outside any transaction, in the
 * delivery loop; a channel that cannot be used is recorded as SKIPPED with the reason.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final JdbcClient jdbc;
    private final Templates templates;
    private final Recipients recipients;
    private final Preferences preferences;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifier(JdbcClient jdbc, Templates templates, Recipients recipients, Preferences preferences,
             ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.recipients = recipients;
        this.preferences = preferences;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void notify(String eventId, Notice notice) {
        String subject = notice.recipientSubject();
        String language = recipients.language(subject);
        Optional<Rendered> rendered = templates.render(notice.kind(), language, notice.values());
        if (rendered.isEmpty()) {
            log.warn("No template for kind {}; event {} gives no notice", notice.kind(), eventId);
            return;
        }
        Rendered message = rendered.get();
        Instant now = clock.instant();

        UUID itemId = UUID.randomUUID();
        jdbc.sql("""
                        insert into inbox_item (id, recipient_subject, kind, title, body, link, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(itemId, subject, notice.kind(), message.title(), message.text(), notice.link(),
                        java.sql.Timestamp.from(now))
                .update();
        record(eventId, notice, Channel.INBOX, "SENT", null, message, null);
        events.publishEvent(new InboxItemCreated(itemId, subject, notice.kind(), message.title(), message.text(),
                notice.link(), now));

        Optional<Recipients.Contact> contact = recipients.contact(subject);
        Set<Channel> queued = EnumSet.noneOf(Channel.class);
        for (Channel channel : new Channel[] {Channel.EMAIL, Channel.SMS}) {
            String destination = contact.map(c -> channel == Channel.EMAIL ? c.email() : c.phone()).orElse(null);
            if (!preferences.wants(subject, notice.kind(), channel)) {
                record(eventId, notice, channel, "SKIPPED", null, message, "opted-out");
            } else if (destination == null) {
                record(eventId, notice, channel, "SKIPPED", null, message,
                        channel == Channel.EMAIL ? "no-email-address" : "no-phone-number");
            } else if (record(eventId, notice, channel, "PENDING", destination, message, null)) {
                queued.add(channel);
            }
        }
        if (!queued.isEmpty()) {
            events.publishEvent(new DeliveriesQueued(queued));
        }
    }

    private boolean record(String eventId, Notice notice, Channel channel, String status, String destination,
                           Rendered message, String reason) {
        String text = channel == Channel.SMS ? message.sms() : message.text();
        String html = channel == Channel.EMAIL ? message.html() : null;
        return jdbc.sql("""
                        insert into delivery (id, event_id, kind, recipient_subject, channel, status, destination,
                                              title, text_body, html_body, last_error, sent_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? = 'SENT' then now() end)
                        on conflict (event_id, recipient_subject, channel) do nothing""")
                .params(UUID.randomUUID(), eventId, notice.kind(), notice.recipientSubject(), channel.name(), status,
                        destination, message.title(), text, html, reason, status)
                .update() == 1;
    }
}

package vn.egov.notification.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.egov.commons.events.CloudEvent;
import vn.egov.commons.events.EventReader;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.events.IdempotentConsumer;
import vn.egov.commons.events.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.commons.events.contracts.identity.CitizenRegistered;
import vn.egov.commons.events.contracts.identity.ContactChanged;
import vn.egov.commons.events.contracts.identity.ContactVerificationRequested;
import vn.egov.commons.events.contracts.identity.OfficerCreated;
import vn.egov.commons.events.contracts.payment.PaymentRefundedV1;
import vn.egov.commons.events.contracts.payment.PaymentSucceededV1;
import vn.egov.notification.NotificationProperties;
import vn.egov.notification.recipient.Channel;
import vn.egov.notification.notice.Notice;
import vn.egov.notification.notice.Notifier;
import vn.egov.notification.recipient.Recipients;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Consumes the platform's events and turns those people are told about into notices. Each event is
 * processed once ({@link IdempotentConsumer}: the processed-event row, the inbox item and the
 * delivery rows commit together); a failure is retried with backoff by egov-commons' error handler
 * and then goes to {@code <topic>.notification-service.dlq}, so a poison message never blocks its
 * partition. A record that is no CloudEvent, or whose data lacks what a notice needs (the person, the
 * dossier, the payment), goes there at once: retrying cannot help. Unknown types are ignored (additive evolution).
 */
@Component
class NotificationEventsListener {

    static final String CONSUMER = "notification-service";

    private static final Logger log = LoggerFactory.getLogger(NotificationEventsListener.class);

    private final EventReader reader;
    private final IdempotentConsumer idempotent;
    private final Notifier notifier;
    private final Recipients recipients;
    private final NotificationProperties properties;

    NotificationEventsListener(EventReader reader, IdempotentConsumer idempotent, Notifier notifier,
                               Recipients recipients, NotificationProperties properties) {
        this.reader = reader;
        this.idempotent = idempotent;
        this.notifier = notifier;
        this.recipients = recipients;
        this.properties = properties;
    }

    @KafkaListener(topics = EventTopics.DOSSIER)
    void onDossierEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = reader.read(record.value());
        if (!DossierLifecycleEventV1.TYPES.contains(event.type())) {
            return;
        }
        // without its applicant or dossier no one can be told: a format error, straight to the dead-letter topic
        DossierLifecycleEventV1 d = reader.data(event, DossierLifecycleEventV1.class, "dossierCode", "applicantSubject");
        // before the transaction: contacts of a person no identity event told us about (identity-service)
        recipients.warm(d.applicantSubject());
        idempotent.process(CONSUMER, event, e -> {
            recipients.rememberApplicant(d.dossierCode(), d.applicantSubject());
            Map<String, Object> values = new HashMap<>();
            values.put("dossierCode", d.dossierCode());
            values.put("procedureName", d.procedureName());
            values.put("agencyName", d.agencyName());
            values.put("dueDate", d.dueDate());
            values.put("reason", d.reason());
            values.put("missingDocuments", d.missingDocuments());
            values.put("amount", d.feeVnd());
            String link = dossierLink(d.dossierCode());
            values.put("link", link);
            // a paid fee moves the dossier on (AWAITING_PAYMENT → SUBMITTED): the applicant was told of the submission
            // already, and the receipt notice (PAYMENT_SUCCEEDED) says the agency will now receive it — no second notice
            boolean paidNow = DossierLifecycleEventV1.SUBMITTED.equals(e.type()) && "AWAITING_PAYMENT".equals(d.fromStatus());
            if (!paidNow) {
                recipients.kindFor(e.type(), "APPLICANT").ifPresent(kind ->
                        notifier.notify(e.id(), new Notice(kind, d.applicantSubject(), values, link)));
            }
            // new dossiers (once they can be received: not while awaiting payment), supplements received and
            // dossiers transferred in: the agency's officers are told too
            boolean awaitingPayment = DossierLifecycleEventV1.SUBMITTED.equals(e.type()) && !"SUBMITTED".equals(d.toStatus());
            if (d.agencyCode() != null && !awaitingPayment) {
                recipients.kindFor(e.type(), "AGENCY_OFFICERS").ifPresent(kind ->
                        recipients.officersOf(d.agencyCode()).forEach(officer ->
                                notifier.notify(e.id(), new Notice(kind, officer, values, link))));
            }
        });
    }

    @KafkaListener(topics = EventTopics.PAYMENT)
    void onPaymentEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = reader.read(record.value());
        if (PaymentSucceededV1.TYPE.equals(event.type())) {
            PaymentSucceededV1 p = reader.data(event, PaymentSucceededV1.class, "paymentId", "dossierCode");
            Optional<String> payer = payerOf(p.payerSubject(), p.dossierCode());
            recipients.warm(payer.orElse(null));
            idempotent.process(CONSUMER, event, e -> {
                Map<String, Object> values = new HashMap<>();
                values.put("amount", p.amountVnd());
                values.put("receiptNumber", p.receiptNumber());
                values.put("paidAt", p.paidAt());
                notifyPayer(e, "PAYMENT_SUCCEEDED", p.paymentId(), payer, p.dossierCode(), values);
            });
        } else if (PaymentRefundedV1.TYPE.equals(event.type())) {
            PaymentRefundedV1 r = reader.data(event, PaymentRefundedV1.class, "paymentId", "dossierCode");
            Optional<String> payer = payerOf(r.payerSubject(), r.dossierCode());
            recipients.warm(payer.orElse(null));
            idempotent.process(CONSUMER, event, e -> {
                Map<String, Object> values = new HashMap<>();
                values.put("amount", r.refundAmountVnd());
                values.put("receiptNumber", r.receiptNumber());
                values.put("refundedAt", r.refundedAt());
                notifyPayer(e, "PAYMENT_REFUNDED", r.paymentId(), payer, r.dossierCode(), values);
            });
        }
    }

    /**
     * Who paid: the event's {@code payerSubject}; events published before that field was added name only
     * the dossier, whose applicant is then known only if one of its dossier events was processed first.
     * Payment and dossier events come on different topics, so that order is not guaranteed (a fee paid
     * within a second of submitting, the backlog after a restart): hence the field.
     */
    private Optional<String> payerOf(String payerSubject, String dossierCode) {
        if (payerSubject != null && !payerSubject.isBlank()) {
            return Optional.of(payerSubject.strip());
        }
        return dossierCode == null ? Optional.empty() : recipients.applicantOf(dossierCode);
    }

    /**
     * The notice to the payer, contacts resolved by subject as for dossier events: identity events,
     * else identity-service ({@link Recipients#warm} before the transaction, or the delivery loop).
     */
    private void notifyPayer(CloudEvent e, String kind, java.util.UUID paymentId, Optional<String> payer,
                             String dossierCode, Map<String, Object> values) {
        if (payer.isEmpty()) {
            // only an event from before payerSubject, processed before any event of its dossier: no one to tell
            log.info("Payment {} is for a dossier whose applicant is unknown here; no {} notice", paymentId, kind);
            return;
        }
        String link = dossierLink(dossierCode);
        values.put("dossierCode", dossierCode);
        values.put("link", link);
        notifier.notify(e.id(), new Notice(kind, payer.get(), values, link));
    }

    @KafkaListener(topics = EventTopics.IDENTITY)
    void onIdentityEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = reader.read(record.value());
        if (CitizenRegistered.TYPE.equals(event.type())) {
            CitizenRegistered c = reader.data(event, CitizenRegistered.class, "personId");
            idempotent.process(CONSUMER, event, e -> {
                recipients.rememberContact(c.personId(), c.fullName(), c.email(), c.phone());
                String link = properties.portalUrl();
                notifier.notify(e.id(), new Notice("CITIZEN_REGISTERED", c.personId(),
                        Map.of("fullName", c.fullName() == null ? "" : c.fullName(), "link", link), link));
            });
        } else if (OfficerCreated.TYPE.equals(event.type())) {
            // no notice of its own (Keycloak mails the credentials); remembered for their agency's notices
            OfficerCreated o = reader.data(event, OfficerCreated.class, "personId");
            idempotent.process(CONSUMER, event, e -> {
                recipients.rememberContact(o.personId(), o.fullName(), o.email(), null);
                if (o.agencyCode() != null) {
                    recipients.rememberOfficer(o.personId(), o.agencyCode(), o.role());
                }
            });
        } else if (ContactVerificationRequested.TYPE.equals(event.type())) {
            ContactVerificationRequested v = reader.data(event, ContactVerificationRequested.class, "personId", "destination", "code");
            idempotent.process(CONSUMER, event, e -> {
                Channel channel = channelOf(v.channel());
                if (channel == null || v.destination().isBlank()) {
                    log.warn("Contact verification event {} names no usable channel, destination or code; no message", e.id());
                    return;
                }
                // only to the destination being verified, on its channel; never the inbox (it would keep the code)
                Map<String, Object> values = new HashMap<>();
                values.put("code", v.code());
                values.put("expiresAt", v.expiresAt());
                String language = "en".equals(v.language()) ? "en" : "vi";
                notifier.sendOneTimeCode(e.id(), new Notice("CONTACT_VERIFICATION", v.personId(), values, null),
                        language, channel, v.destination().strip(), v.expiresAt());
            });
        } else if (ContactChanged.TYPE.equals(event.type())) {
            ContactChanged c = reader.data(event, ContactChanged.class, "personId");
            idempotent.process(CONSUMER, event, e -> {
                Channel channel = channelOf(c.channel());
                recipients.replaceContact(c.personId(), c.channel(), c.email(), c.phone());
                Map<String, Object> values = new HashMap<>();
                values.put("emailChanged", channel == Channel.EMAIL);
                values.put("phoneChanged", channel == Channel.SMS);
                values.put("changedAt", c.changedAt());
                String link = properties.portalUrl() + "/account";
                values.put("link", link);
                Notice notice = new Notice("CONTACT_CHANGED", c.personId(), values, link);
                // inbox, and the person's contacts as they are now (the new one included), whatever the preferences
                notifier.notify(e.id(), notice);
                // and the one that was replaced, so a hijacked account does not go unnoticed
                if (channel != null && c.previousDestination() != null && !c.previousDestination().isBlank()) {
                    notifier.notifyPreviousContact(e.id(), notice, channel, c.previousDestination().strip());
                }
            });
        }
    }

    private static Channel channelOf(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "EMAIL" -> Channel.EMAIL;
            case "SMS", "PHONE" -> Channel.SMS;
            default -> null;
        };
    }

    private String dossierLink(String dossierCode) {
        return properties.portalUrl() + "/dossiers/" + java.net.URLEncoder.encode(dossierCode,
                java.nio.charset.StandardCharsets.UTF_8);
    }
}

package vn.egov.notification.events;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.egov.commons.events.CloudEvent;
import vn.egov.commons.events.EventFieldSealer;
import vn.egov.commons.events.EventReader;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.events.IdempotentConsumer;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.contracts.dossier.DossierStatus;
import vn.egov.contracts.identity.CitizenRegisteredV1;
import vn.egov.contracts.identity.CitizenRegisteredV2;
import vn.egov.contracts.identity.ContactChangedV1;
import vn.egov.contracts.identity.ContactChangedV2;
import vn.egov.contracts.identity.ContactVerificationRequestedV1;
import vn.egov.contracts.identity.ContactVerificationRequestedV2;
import vn.egov.contracts.identity.NationalIdRecoveredV1;
import vn.egov.contracts.identity.OfficerCreatedV1;
import vn.egov.contracts.identity.OfficerCreatedV2;
import vn.egov.contracts.identity.RegistrationRefusedV1;
import vn.egov.contracts.identity.RegistrationRefusedV2;
import vn.egov.contracts.payment.PaymentRefundedV1;
import vn.egov.contracts.payment.PaymentSucceededV1;
import vn.egov.notification.notice.Notice;
import vn.egov.notification.notice.Notifier;
import vn.egov.notification.recipient.Channel;
import vn.egov.notification.recipient.Recipients;

/**
 * Consumes the platform's events and turns those people are told about into notices. Each event is
 * processed once ({@link IdempotentConsumer}: the processed-event row, the inbox item and the
 * delivery rows commit together); a failure is retried with backoff by egov-commons' error handler
 * and then goes to {@code <topic>.notification-service.dlq}, so a poison message never blocks its
 * partition. A record that is no CloudEvent, or whose data lacks what a notice needs (the person, the
 * dossier, the payment, the payer), goes there at once: retrying cannot help. Unknown types are ignored
 * (additive evolution). Nothing here remembers which dossier belongs to whom: every event names its recipient.
 */
@Component
class NotificationEventsListener {

    static final String CONSUMER = "notification-service";

    private static final Logger log = LoggerFactory.getLogger(NotificationEventsListener.class);

    private final EventReader reader;
    private final IdempotentConsumer idempotent;
    private final Notifier notifier;
    private final Recipients recipients;
    private final PortalProperties properties;

    private final EventFieldSealer sealer;

    NotificationEventsListener(
            EventReader reader,
            IdempotentConsumer idempotent,
            Notifier notifier,
            Recipients recipients,
            PortalProperties properties,
            EventFieldSealer sealer) {
        this.sealer = sealer;
        this.reader = reader;
        this.idempotent = idempotent;
        this.notifier = notifier;
        this.recipients = recipients;
        this.properties = properties;
    }

    @KafkaListener(topics = EventTopics.DOSSIER)
    void onDossierEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = reader.read(record.topic(), record.value());
        if (!DossierLifecycleEventV1.TYPES.contains(event.type())) {
            return;
        }
        // without its applicant or dossier no one can be told: a format error, straight to the dead-letter topic
        DossierLifecycleEventV1 d =
                reader.data(event, DossierLifecycleEventV1.class, "dossierCode", "applicantSubject");
        // before the transaction: contacts of a person no identity event told us about (identity-service)
        recipients.warm(d.applicantSubject());
        idempotent.process(CONSUMER, event, e -> {
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
            // the official form this step issued (Mẫu 01–05), on the citizen's dossier page
            String form = FORM_OF.get(e.type());
            values.put("formLink", form == null ? null : link + "/mau/" + form);
            // a paid fee moves the dossier on (AWAITING_PAYMENT → SUBMITTED): the applicant was told of the submission
            // already, and the receipt notice (PAYMENT_SUCCEEDED) says the agency will now receive it — no second
            // notice
            boolean paidNow = DossierLifecycleEventV1.SUBMITTED.equals(e.type())
                    && d.fromStatus() == DossierStatus.AWAITING_PAYMENT;
            if (!paidNow) {
                recipients
                        .kindFor(e.type(), "APPLICANT")
                        .ifPresent(
                                kind -> notifier.notify(e.id(), new Notice(kind, d.applicantSubject(), values, link)));
            }
            // new dossiers (once they can be received: not while awaiting payment), supplements received and
            // dossiers transferred in: the agency's officers are told too
            boolean awaitingPayment =
                    DossierLifecycleEventV1.SUBMITTED.equals(e.type()) && d.toStatus() != DossierStatus.SUBMITTED;
            if (d.agencyCode() != null && !awaitingPayment) {
                // staff open the dossier at the desk, not on the citizen's page
                String deskLink = deskLink(d.dossierCode());
                Map<String, Object> staffValues = new HashMap<>(values);
                staffValues.put("link", deskLink);
                staffValues.put("formLink", form == null ? null : deskLink + "/mau/" + form);
                recipients
                        .kindFor(e.type(), "AGENCY_OFFICERS")
                        .ifPresent(kind -> recipients
                                // an online dossier a service centre receives for the agency: the centre's officers
                                // until it is received (decision 61)
                                .officersOf(d.receivingStaffAgency())
                                .forEach(officer ->
                                        notifier.notify(e.id(), new Notice(kind, officer, staffValues, deskLink))));
                // overdue: the officers and approvers, and the agency's administrator too
                recipients
                        .kindFor(e.type(), "AGENCY_STAFF")
                        .ifPresent(kind -> recipients
                                .staffOf(d.receivingStaffAgency())
                                .forEach(staff ->
                                        notifier.notify(e.id(), new Notice(kind, staff, staffValues, deskLink))));
            }
        });
    }

    /**
     * A one-time code request as v1 carried it in clear, from v2's sealed fields (issue 16) or from a v1 event still
     * on the topic; a v2 whose fields do not open (another key, another person's) is a format error (dead letter).
     */
    private ContactVerificationRequestedV1 oneTimeCode(CloudEvent event) {
        if (ContactVerificationRequestedV1.TYPE.equals(event.type())) {
            return reader.data(event, ContactVerificationRequestedV1.class, "personId", "destination", "code");
        }
        ContactVerificationRequestedV2 v2 =
                reader.data(event, ContactVerificationRequestedV2.class, "personId", "sealedDestination", "sealedCode");
        String type = ContactVerificationRequestedV2.TYPE;
        return new ContactVerificationRequestedV1(
                v2.personId(),
                v2.channel(),
                sealer.open(v2.sealedDestination(), type, "sealedDestination", v2.personId()),
                sealer.open(v2.sealedCode(), type, "sealedCode", v2.personId()),
                v2.expiresAt(),
                v2.language(),
                v2.requestedAt());
    }

    /** A registration as v1 carried it in clear, from v2's sealed fields (issue 16) or from a v1 event. */
    private CitizenRegisteredV1 registered(CloudEvent event) {
        if (CitizenRegisteredV1.TYPE.equals(event.type())) {
            return reader.data(event, CitizenRegisteredV1.class, "personId");
        }
        CitizenRegisteredV2 v2 = reader.data(event, CitizenRegisteredV2.class, "personId");
        String type = CitizenRegisteredV2.TYPE;
        return new CitizenRegisteredV1(
                v2.personId(),
                openOrNull(v2.sealedFullName(), type, "sealedFullName", v2.personId()),
                openOrNull(v2.sealedEmail(), type, "sealedEmail", v2.personId()),
                openOrNull(v2.sealedPhone(), type, "sealedPhone", v2.personId()),
                v2.levelOfAssurance(),
                v2.registeredAt());
    }

    /** A new officer as v1 carried them in clear, from v2's sealed fields (issue 16) or from a v1 event. */
    private OfficerCreatedV1 officer(CloudEvent event) {
        if (OfficerCreatedV1.TYPE.equals(event.type())) {
            return reader.data(event, OfficerCreatedV1.class, "personId");
        }
        OfficerCreatedV2 v2 = reader.data(event, OfficerCreatedV2.class, "personId");
        String type = OfficerCreatedV2.TYPE;
        return new OfficerCreatedV1(
                v2.personId(),
                v2.username(),
                openOrNull(v2.sealedFullName(), type, "sealedFullName", v2.personId()),
                openOrNull(v2.sealedEmail(), type, "sealedEmail", v2.personId()),
                v2.role(),
                v2.agencyCode(),
                v2.createdBy(),
                v2.createdAt());
    }

    /** A refused registration as v1 carried it in clear, from v2's sealed fields (issue 16) or from a v1 event. */
    private RegistrationRefusedV1 refused(CloudEvent event) {
        if (RegistrationRefusedV1.TYPE.equals(event.type())) {
            return reader.data(event, RegistrationRefusedV1.class, "attemptId");
        }
        RegistrationRefusedV2 v2 = reader.data(event, RegistrationRefusedV2.class, "attemptId");
        String type = RegistrationRefusedV2.TYPE;
        return new RegistrationRefusedV1(
                v2.attemptId(),
                openOrNull(v2.sealedEmail(), type, "sealedEmail", v2.attemptId()),
                openOrNull(v2.sealedPhone(), type, "sealedPhone", v2.attemptId()),
                v2.language(),
                v2.accountHolders(),
                v2.occurredAt());
    }

    /** A contact change as v1 carried it in clear, from v2's sealed fields (issue 16) or from a v1 event. */
    private ContactChangedV1 contactChanged(CloudEvent event) {
        if (ContactChangedV1.TYPE.equals(event.type())) {
            return reader.data(event, ContactChangedV1.class, "personId");
        }
        ContactChangedV2 v2 = reader.data(event, ContactChangedV2.class, "personId");
        String type = ContactChangedV2.TYPE;
        return new ContactChangedV1(
                v2.personId(),
                v2.channel(),
                openOrNull(v2.sealedEmail(), type, "sealedEmail", v2.personId()),
                openOrNull(v2.sealedPhone(), type, "sealedPhone", v2.personId()),
                openOrNull(v2.sealedPreviousDestination(), type, "sealedPreviousDestination", v2.personId()),
                v2.changedAt());
    }

    /**
     * A sealed field opened for its type, field and subject; null when the event has none (a null is never sealed).
     * One that does not open (another key, another person's or field's value, a value in clear) is an
     * {@code EventFormatException}: dead letter, the log naming the kind of failure, never the value.
     */
    private String openOrNull(String sealed, String type, String field, String subject) {
        return sealed == null ? null : sealer.open(sealed, type, field, subject);
    }

    @KafkaListener(topics = EventTopics.PAYMENT)
    void onPaymentEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = reader.read(record.topic(), record.value());
        if (PaymentSucceededV1.TYPE.equals(event.type())) {
            // the payer is who is told: an event without one (published before the field existed) is dead-lettered
            PaymentSucceededV1 p =
                    reader.data(event, PaymentSucceededV1.class, "paymentId", "dossierCode", "payerSubject");
            String payer = p.payerSubject().strip();
            recipients.warm(payer);
            idempotent.process(CONSUMER, event, e -> {
                Map<String, Object> values = new HashMap<>();
                values.put("amount", p.amountVnd());
                values.put("receiptNumber", p.receiptNumber());
                values.put("paidAt", p.paidAt());
                notifyPayer(e, "PAYMENT_SUCCEEDED", payer, p.dossierCode(), values);
            });
        } else if (PaymentRefundedV1.TYPE.equals(event.type())) {
            PaymentRefundedV1 r =
                    reader.data(event, PaymentRefundedV1.class, "paymentId", "dossierCode", "payerSubject");
            String payer = r.payerSubject().strip();
            recipients.warm(payer);
            idempotent.process(CONSUMER, event, e -> {
                Map<String, Object> values = new HashMap<>();
                values.put("amount", r.refundAmountVnd());
                values.put("receiptNumber", r.receiptNumber());
                values.put("refundedAt", r.refundedAt());
                notifyPayer(e, "PAYMENT_REFUNDED", payer, r.dossierCode(), values);
            });
        }
    }

    /**
     * The notice to the payer the event names, contacts resolved by subject as for dossier events: identity
     * events, else identity-service ({@link Recipients#warm} before the transaction, or the delivery loop).
     */
    private void notifyPayer(CloudEvent e, String kind, String payer, String dossierCode, Map<String, Object> values) {
        String link = dossierLink(dossierCode);
        values.put("dossierCode", dossierCode);
        values.put("link", link);
        notifier.notify(e.id(), new Notice(kind, payer, values, link));
    }

    @KafkaListener(topics = EventTopics.IDENTITY)
    void onIdentityEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = reader.read(record.topic(), record.value());
        if (CitizenRegisteredV1.TYPE.equals(event.type()) || CitizenRegisteredV2.TYPE.equals(event.type())) {
            CitizenRegisteredV1 c = registered(event);
            idempotent.process(CONSUMER, event, e -> {
                recipients.rememberContact(c.personId(), c.fullName(), c.email(), c.phone());
                String link = properties.portalUrl();
                notifier.notify(
                        e.id(),
                        new Notice(
                                "CITIZEN_REGISTERED",
                                c.personId(),
                                Map.of("fullName", c.fullName() == null ? "" : c.fullName(), "link", link),
                                link));
            });
        } else if (OfficerCreatedV1.TYPE.equals(event.type()) || OfficerCreatedV2.TYPE.equals(event.type())) {
            // no notice of its own (Keycloak mails the credentials); remembered for their agency's notices
            OfficerCreatedV1 o = officer(event);
            idempotent.process(CONSUMER, event, e -> {
                recipients.rememberContact(o.personId(), o.fullName(), o.email(), null);
                if (o.agencyCode() != null) {
                    recipients.rememberOfficer(o.personId(), o.agencyCode(), o.role());
                }
            });
        } else if (ContactVerificationRequestedV1.TYPE.equals(event.type())
                || ContactVerificationRequestedV2.TYPE.equals(event.type())) {
            ContactVerificationRequestedV1 v = oneTimeCode(event);
            idempotent.process(CONSUMER, event, e -> {
                Channel channel = channelOf(v.channel());
                if (channel == null || v.destination().isBlank()) {
                    log.warn(
                            "Contact verification event {} names no usable channel, destination or code; no message",
                            e.id());
                    return;
                }
                // only to the destination being verified, on its channel; never the inbox (it would keep the code)
                Map<String, Object> values = new HashMap<>();
                values.put("code", v.code());
                values.put("expiresAt", v.expiresAt());
                String language = "en".equals(v.language()) ? "en" : "vi";
                notifier.sendOneTimeCode(
                        e.id(),
                        new Notice("CONTACT_VERIFICATION", v.personId(), values, null),
                        language,
                        channel,
                        v.destination().strip(),
                        v.expiresAt());
            });
        } else if (RegistrationRefusedV1.TYPE.equals(event.type()) || RegistrationRefusedV2.TYPE.equals(event.type())) {
            RegistrationRefusedV1 r = refused(event);
            idempotent.process(CONSUMER, event, e -> {
                Map<String, Object> values = new HashMap<>();
                values.put("link", properties.portalUrl() + "/dang-nhap");
                values.put("recoverLink", properties.portalUrl() + "/dang-nhap");
                values.put("attemptedAt", r.occurredAt());
                String language = "en".equals(r.language()) ? "en" : "vi";
                // the contacts the registration gave, whoever they belong to: "no account was made"
                String given = "registration:" + r.attemptId();
                Notice notMade = new Notice("REGISTRATION_NOT_CREATED", given, values, null);
                if (r.email() != null && !r.email().isBlank()) {
                    notifier.notifyGivenContact(
                            e.id(), notMade, language, Channel.EMAIL, r.email().strip());
                }
                if (r.phone() != null && !r.phone().isBlank()) {
                    notifier.notifyGivenContact(
                            e.id(), notMade, language, Channel.SMS, r.phone().strip());
                }
                // each holder of an account whose identifier was used: a security notice
                Map<String, Object> holderValues = new HashMap<>(values);
                holderValues.put("link", properties.portalUrl() + "/tai-khoan");
                for (String holder : r.accountHolders()) {
                    notifier.notify(
                            e.id(),
                            new Notice(
                                    "REGISTRATION_ATTEMPT_ON_ACCOUNT",
                                    holder,
                                    holderValues,
                                    properties.portalUrl() + "/tai-khoan"));
                }
            });
        } else if (NationalIdRecoveredV1.TYPE.equals(event.type())) {
            // the owner of the CCCD recovered it (decision 63): the disabled account's holder is told, whatever their
            // preferences, through the contacts the account gave (its inbox kept as the record)
            NationalIdRecoveredV1 r = reader.data(event, NationalIdRecoveredV1.class, "personId");
            String holder = r.personId().strip();
            recipients.warm(holder);
            idempotent.process(CONSUMER, event, e -> {
                Map<String, Object> values = new HashMap<>();
                values.put("recoveredAt", r.recoveredAt());
                String link = properties.portalUrl() + "/tro-giup";
                values.put("link", link);
                notifier.notify(e.id(), new Notice("NATIONAL_ID_RECOVERED", holder, values, link));
            });
        } else if (ContactChangedV1.TYPE.equals(event.type()) || ContactChangedV2.TYPE.equals(event.type())) {
            ContactChangedV1 c = contactChanged(event);
            idempotent.process(CONSUMER, event, e -> {
                Channel channel = channelOf(c.channel());
                recipients.replaceContact(c.personId(), c.channel(), c.email(), c.phone());
                Map<String, Object> values = new HashMap<>();
                values.put("emailChanged", channel == Channel.EMAIL);
                values.put("phoneChanged", channel == Channel.SMS);
                values.put("changedAt", c.changedAt());
                String link = properties.portalUrl() + "/tai-khoan";
                values.put("link", link);
                Notice notice = new Notice("CONTACT_CHANGED", c.personId(), values, link);
                // inbox, and the person's contacts as they are now (the new one included), whatever the preferences
                notifier.notify(e.id(), notice);
                // and the one that was replaced, so a hijacked account does not go unnoticed
                if (channel != null
                        && c.previousDestination() != null
                        && !c.previousDestination().isBlank()) {
                    notifier.notifyPreviousContact(
                            e.id(), notice, channel, c.previousDestination().strip());
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

    /**
     * The official form of Thông tư 03/2025 each step issues, by event type: the receipt slip (Mẫu 01), the request
     * to complete the dossier (02), the refusal (03), the apology with a new date (04), the stop of processing (05).
     */
    private static final Map<String, String> FORM_OF = Map.of(
            DossierLifecycleEventV1.RECEIVED, "01",
            DossierLifecycleEventV1.SUPPLEMENT_REQUESTED, "02",
            DossierLifecycleEventV1.REJECTED, "03",
            DossierLifecycleEventV1.DEADLINE_EXTENDED, "04",
            DossierLifecycleEventV1.STOPPED, "05");

    /** The dossier's page in the citizens' portal ({@code /ho-so/<code>}). */
    private String dossierLink(String dossierCode) {
        return properties.portalUrl() + "/ho-so/" + pathSegment(dossierCode);
    }

    /** The dossier at the officers' desk ({@code /motcua/ho-so/<code>}). */
    private String deskLink(String dossierCode) {
        return properties.portalUrl() + "/motcua/ho-so/" + pathSegment(dossierCode);
    }

    private static String pathSegment(String value) {
        return org.springframework.web.util.UriUtils.encodePathSegment(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}

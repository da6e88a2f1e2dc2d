package vn.egov.identity.contact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.events.EventFieldSealer;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.ProblemFactory;
import vn.egov.contracts.identity.ContactChangedV2;
import vn.egov.contracts.identity.ContactVerificationRequestedV2;
import vn.egov.identity.audit.AuditTrail;
import vn.egov.identity.citizen.CitizenProfile;
import vn.egov.identity.citizen.CitizenProfileRepository;
import vn.egov.identity.contact.ContactChangeController.ChangeAccepted;
import vn.egov.identity.contact.ContactChangeController.ChangeApplied;
import vn.egov.identity.contact.ContactChangeController.ChangeRequest;
import vn.egov.identity.contact.ContactChanges.ContactChange;
import vn.egov.identity.contact.ContactChanges.Status;
import vn.egov.identity.keycloak.KeycloakAdminClient;
import vn.egov.identity.keycloak.KeycloakException;
import vn.egov.identity.personaldata.PersonalDataProtector;
import vn.egov.identity.validation.EmailPolicy;
import vn.egov.identity.validation.PhoneNumberPolicy;
import vn.egov.identity.validation.ValidationErrors;

/**
 * A citizen changes their email address or phone number; the change takes effect only once a one-time
 * code sent to the <em>new</em> destination comes back. The code (6 digits, from a CSPRNG) leaves only
 * in the {@code ContactVerificationRequestedV2} event (sealed) that notification-service delivers; here it is kept
 * as a keyed HMAC bound to the change, expires, allows a few attempts and works once.
 *
 * <p>Applying the change touches Keycloak (email and its verified flag, or the {@code phone} attribute)
 * and the local profile, which share no transaction: Keycloak first, then the profile, the change's
 * status, the audit row and {@code ContactChangedV2} (contacts sealed) in one database transaction; if that
 * fails, Keycloak is set back. No transaction is held open while Keycloak is called. Contacts never reach a
 * log line.
 */
@Service
class ContactChangeService {

    static final String EMAIL = "EMAIL";
    static final String SMS = "SMS";
    static final String DESTINATION = "contact-change.destination";

    private static final Logger log = LoggerFactory.getLogger(ContactChangeService.class);

    private final EmailPolicy emails = new EmailPolicy();
    private final PhoneNumberPolicy phones = new PhoneNumberPolicy();
    private final SecureRandom random = new SecureRandom();

    private final CitizenProfileRepository profiles;
    private final ContactChanges changes;
    private final PersonalDataProtector protector;
    private final KeycloakAdminClient keycloak;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final ProblemFactory problems;
    private final ContactChangeProperties properties;
    private final Clock clock = Clock.systemUTC();

    private final EventFieldSealer sealer;

    ContactChangeService(
            CitizenProfileRepository profiles,
            ContactChanges changes,
            PersonalDataProtector protector,
            KeycloakAdminClient keycloak,
            AuditTrail audit,
            EventPublisher events,
            TransactionTemplate transactions,
            ProblemFactory problems,
            ContactChangeProperties properties,
            EventFieldSealer sealer) {
        this.sealer = sealer;
        this.profiles = profiles;
        this.changes = changes;
        this.protector = protector;
        this.keycloak = keycloak;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.problems = problems;
        this.properties = properties;
    }

    ChangeAccepted request(EgovPrincipal who, ChangeRequest request) {
        CitizenProfile profile = profileOf(who);
        String channel = request == null || request.channel() == null
                ? null
                : request.channel().strip();
        String value = validate(channel, request == null ? null : request.value());
        if (value.equals(EMAIL.equals(channel) ? profile.email() : profile.phone())) {
            new ValidationErrors().add("value", "contact-unchanged").throwIfAny(problems);
        }
        if (takenByOther(profile.id(), channel, value)) {
            throw contactInUse();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (changes.requestedSince(profile.id(), now.minus(1, ChronoUnit.HOURS)) >= properties.maxRequestsPerHour()) {
            throw new ApiProblem(
                    HttpStatus.TOO_MANY_REQUESTS, "too-many-contact-changes", properties.maxRequestsPerHour());
        }

        UUID id = UUID.randomUUID();
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Instant expiresAt = now.plus(properties.codeValidity());
        String language = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "vi";
        String personId = profile.id().toString();
        transactions.executeWithoutResult(tx -> {
            changes.supersedePending(profile.id(), channel, now);
            changes.insert(
                    new ContactChange(
                            id,
                            profile.id(),
                            channel,
                            protector.seal(value, DESTINATION),
                            codeHash(id, code),
                            expiresAt,
                            0,
                            Status.PENDING),
                    now);
            audit.record(
                    profile.id(), who.subject(), "CONTACT_CHANGE_REQUESTED", "change " + id + ", channel " + channel);
            // the destination and the code travel sealed (issue 16): only notification-service opens them
            String type = ContactVerificationRequestedV2.TYPE;
            events.publish(
                    EventTopics.IDENTITY,
                    type,
                    personId,
                    new ContactVerificationRequestedV2(
                            personId,
                            channel,
                            sealer.seal(value, type, "sealedDestination", personId),
                            sealer.seal(code, type, "sealedCode", personId),
                            expiresAt,
                            language,
                            now));
        });
        log.info("person {} asked to change their {} contact: change {}", personId, channel, id);
        return new ChangeAccepted(id.toString(), channel, expiresAt, properties.maxAttempts());
    }

    ChangeApplied confirm(EgovPrincipal who, String rawId, String code) {
        CitizenProfile profile = profileOf(who);
        UUID id = parseId(rawId);
        ContactChange change = changes.find(id, profile.id())
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "contact-change-not-found"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        refuseIfClosed(change.status());
        if (now.isAfter(change.expiresAt())) {
            throw new ApiProblem(HttpStatus.GONE, "verification-code-expired");
        }
        if (code == null || code.isBlank()) {
            new ValidationErrors().add("code", ValidationErrors.REQUIRED).throwIfAny(problems);
        }

        // count the attempt and judge the code in one committed transaction, so that a refusal still counts
        boolean right = Boolean.TRUE.equals(transactions.execute(tx -> {
            OptionalInt attempts = changes.countAttempt(id, properties.maxAttempts());
            if (attempts.isEmpty()) {
                return null;
            }
            boolean matches = MessageDigest.isEqual(
                    codeHash(id, code.strip()).getBytes(StandardCharsets.US_ASCII),
                    change.codeHash().getBytes(StandardCharsets.US_ASCII));
            if (!matches) {
                boolean exhausted = attempts.getAsInt() >= properties.maxAttempts();
                if (exhausted) {
                    changes.close(id, Status.EXHAUSTED, now);
                }
                audit.record(
                        profile.id(),
                        who.subject(),
                        "CONTACT_CHANGE_CODE_WRONG",
                        "change " + id + ", attempt " + attempts.getAsInt() + (exhausted ? ", exhausted" : ""));
            }
            return matches;
        }));
        if (!right) {
            ContactChange current = changes.find(id, profile.id()).orElseThrow();
            refuseIfClosed(current.status());
            if (current.attempts() >= properties.maxAttempts()) {
                throw new ApiProblem(HttpStatus.GONE, "verification-code-exhausted");
            }
            int left = properties.maxAttempts() - current.attempts();
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "verification-code-wrong",
                    List.of(),
                    Map.of("attemptsLeft", left),
                    left);
        }

        String value = protector.open(change.destination(), DESTINATION);
        String channel = change.channel();
        if (takenByOther(profile.id(), channel, value)) {
            reject(profile, who, id, now);
            throw contactInUse();
        }
        return apply(profile, who, change, value, now);
    }

    private ChangeApplied apply(
            CitizenProfile profile, EgovPrincipal who, ContactChange change, String value, Instant now) {
        String userId = profile.id().toString();
        boolean email = EMAIL.equals(change.channel());
        Map<String, Object> before =
                keycloak.findUser(userId).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "no-citizen-profile"));
        try {
            if (email) {
                keycloak.updateContact(userId, value, true, Map.of());
            } else {
                keycloak.updateContact(userId, null, null, attributes(value, "true"));
            }
        } catch (KeycloakException e) {
            if (e.kind() == KeycloakException.Kind.CONFLICT) {
                reject(profile, who, change.id(), now);
                throw contactInUse();
            }
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable");
        }

        String newEmail = email ? value : profile.email();
        String newPhone = email ? profile.phone() : value;
        String previous = email ? profile.email() : profile.phone();
        // the contacts travel sealed (issue 16): only notification-service opens them
        String type = ContactChangedV2.TYPE;
        ContactChangedV2 changed = new ContactChangedV2(
                userId,
                change.channel(),
                sealer.seal(newEmail, type, "sealedEmail", userId),
                sealer.seal(newPhone, type, "sealedPhone", userId),
                sealer.seal(previous, type, "sealedPreviousDestination", userId),
                now);
        try {
            transactions.executeWithoutResult(tx -> {
                if (!changes.close(change.id(), Status.CONFIRMED, now)) {
                    throw new ConfirmedMeanwhile();
                }
                profiles.changeContacts(profile.id(), newEmail, newPhone);
                audit.record(
                        profile.id(),
                        who.subject(),
                        "CONTACT_CHANGED",
                        "change " + change.id() + ", channel " + change.channel());
                events.publish(EventTopics.IDENTITY, type, userId, changed);
            });
        } catch (ConfirmedMeanwhile meanwhile) {
            // a concurrent confirmation with the same code applied the same values: nothing to undo
            throw new ApiProblem(HttpStatus.CONFLICT, "contact-change-closed");
        } catch (RuntimeException e) {
            undo(userId, email, before, e);
            if (e instanceof DuplicateKeyException) {
                reject(profile, who, change.id(), now);
                throw contactInUse();
            }
            throw e;
        }
        log.info("person {} changed their {} contact (change {})", userId, change.channel(), change.id());
        return new ChangeApplied(change.channel(), newEmail, newPhone, now);
    }

    /** Sets Keycloak back to the values read before the change; if even that fails, says what to fix (no contact data). */
    @SuppressWarnings("unchecked")
    private void undo(String userId, boolean email, Map<String, Object> before, RuntimeException cause) {
        try {
            if (email) {
                keycloak.updateContact(
                        userId,
                        (String) before.get("email"),
                        Boolean.TRUE.equals(before.get("emailVerified")),
                        Map.of());
            } else {
                Map<String, Object> attributes =
                        (Map<String, Object>) Objects.requireNonNullElse(before.get("attributes"), Map.of());
                keycloak.updateContact(
                        userId,
                        null,
                        null,
                        attributes(first(attributes.get("phone")), first(attributes.get("phoneNumberVerified"))));
            }
        } catch (RuntimeException undoFailed) {
            cause.addSuppressed(undoFailed);
            log.error(
                    "person {}: contact changed in Keycloak but not stored; copy the profile's contacts back to "
                            + "Keycloak by hand",
                    userId,
                    undoFailed);
        }
    }

    private void reject(CitizenProfile profile, EgovPrincipal who, UUID id, Instant now) {
        transactions.executeWithoutResult(tx -> {
            if (changes.close(id, Status.REJECTED, now)) {
                audit.record(
                        profile.id(),
                        who.subject(),
                        "CONTACT_CHANGE_REJECTED",
                        "change " + id + ", destination in use");
            }
        });
    }

    private String validate(String channel, String raw) {
        ValidationErrors errors = new ValidationErrors();
        if (errors.require("channel", channel) && !EMAIL.equals(channel) && !SMS.equals(channel)) {
            errors.add("channel", "contact-channel");
        }
        if (errors.require("value", raw) && !errors.has("channel")) {
            (EMAIL.equals(channel) ? emails.check(raw) : phones.check(raw)).ifPresent(c -> errors.add("value", c));
        }
        errors.throwIfAny(problems);
        return EMAIL.equals(channel) ? EmailPolicy.normalise(raw) : PhoneNumberPolicy.normalise(raw);
    }

    /** Another person holds the value: another profile here, or another account in Keycloak (e.g. staff, demo users). */
    private boolean takenByOther(UUID personId, String channel, String value) {
        try {
            if (EMAIL.equals(channel)) {
                return profiles.emailTakenByOther(personId, value)
                        || keycloak.findUserIdsByEmail(value).stream().anyMatch(u -> !u.equals(personId.toString()));
            }
            return profiles.phoneTakenByOther(personId, value)
                    || keycloak.findUsersByAttribute("phone", value, 0, 2).stream()
                            .anyMatch(u -> !personId.toString().equals(String.valueOf(u.get("id"))));
        } catch (KeycloakException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable");
        }
    }

    private static void refuseIfClosed(Status status) {
        switch (status) {
            case PENDING -> {}
            case EXHAUSTED -> throw new ApiProblem(HttpStatus.GONE, "verification-code-exhausted");
            case REJECTED -> throw new ApiProblem(HttpStatus.CONFLICT, "contact-in-use");
            default -> throw new ApiProblem(HttpStatus.CONFLICT, "contact-change-closed");
        }
    }

    private String codeHash(UUID changeId, String code) {
        return protector.blindIndex(code, "contact-change.code:" + changeId);
    }

    private static Map<String, String> attributes(String phone, String verified) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("phone", phone);
        attributes.put("phoneNumberVerified", verified);
        return attributes;
    }

    private static String first(Object values) {
        return values instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : null;
    }

    private ApiProblem contactInUse() {
        return new ValidationErrors()
                .add("value", "already-registered")
                .toProblem(problems, HttpStatus.CONFLICT, "contact-in-use");
    }

    private CitizenProfile profileOf(EgovPrincipal who) {
        try {
            return profiles.findById(UUID.fromString(who.subject()))
                    .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "no-citizen-profile"));
        } catch (IllegalArgumentException | NullPointerException notAUserId) {
            throw new ApiProblem(HttpStatus.CONFLICT, "no-citizen-profile");
        }
    }

    private static UUID parseId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "contact-change-not-found");
        }
    }

    /** The change was confirmed by a concurrent request between our attempt and our update. */
    private static final class ConfirmedMeanwhile extends RuntimeException {
        ConfirmedMeanwhile() {
            super("confirmed meanwhile", null, false, false);
        }
    }
}
